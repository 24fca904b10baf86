{#-
  The relation a generic data test reads (dbt's documented override of get_where_subquery).

  `where: __recent__` (set for the model folders in project.yml `data_tests:`) narrows a test to the
  lookback window of the model it tests, so an incremental run tests the rows it could have rebuilt,
  not the whole history again:

      <lookback_column> >= max(<lookback_column>) - incremental_lookback_days

  The column is the model's own high-water mark, declared in its YAML as `meta: {lookback_column: ...}`
  (the column its incremental_cutoff() windows on); anchored on the table's max, not current_date, so
  simulated or late data works the same. `__recent__` means no filter (the whole table is tested) when:
    - the run is `--full-refresh` (flags.FULL_REFRESH);
    - var `test_lookback_window` is false (a scheduled full test run:
      `tsdbt test --vars '{test_lookback_window: false}'`);
    - the tested model declares no lookback_column (small tables, seeds, sources are always tested whole);
    - the model's table did not exist when the run started (the first build of an empty database builds
      everything, so it tests everything; see record_run_start_relations() below).
  Any other `where` text is applied as written (dbt's default), and `__recent__` may be combined with it
  (`where: "__recent__ and status = 'x'"`).
-#}
{% macro get_where_subquery(relation) -%}
  {%- set where = config.get('where') -%}
  {%- if where and '__recent__' in where -%}
    {%- set where = where | replace('__recent__', recent_window_filter(relation)) -%}
  {%- endif -%}
  {%- if where and where != 'true' -%}
    (select * from {{ relation }} where {{ where }}) dbt_subquery
  {%- else -%}
    {{ relation }}
  {%- endif -%}
{%- endmacro %}

{#- SQL boolean: the lookback-window filter on `relation`, or `true` when the whole table must be tested. -#}
{% macro recent_window_filter(relation) -%}
  {%- set column = lookback_column_of(relation) -%}
  {%- if flags.FULL_REFRESH or not var('test_lookback_window', true) or not column or not existed_at_run_start(relation) -%}
    {{- return('true') -}}
  {%- endif -%}
  {{- return(adapter.quote(column) ~ " >= (select max(_w." ~ adapter.quote(column) ~ ") - interval '" ~ incremental_lookback_days() ~ " days' from " ~ relation ~ " as _w)") -}}
{%- endmacro %}

{#- meta.lookback_column of the model `relation` names (none for sources, seeds and models without it). -#}
{% macro lookback_column_of(relation) -%}
  {%- set found = [] -%}
  {%- if relation is not string and relation.identifier -%}
    {%- for node in graph.nodes.values() -%}
      {%- if node.resource_type == 'model' and node.alias == relation.identifier and node.schema == relation.schema -%}
        {%- do found.append((node.meta or {}).get('lookback_column') or (node.config.meta or {}).get('lookback_column')) -%}
      {%- endif -%}
    {%- endfor -%}
  {%- endif -%}
  {{- return(found[0] if found else none) -}}
{%- endmacro %}

{#- The on-run-start hook: which tables of the target schema exist before anything is built, kept in a
    one-row-per-table list outside that schema (so it is not one of the warehouse's tables). -#}
{% macro record_run_start_relations() -%}
  {%- if execute -%}
    {%- do run_query("create schema if not exists " ~ target.database ~ ".tsdbt_run_state") -%}
    {%- do run_query("create or replace table " ~ target.database ~ ".tsdbt_run_state.relations_at_start as select table_name from information_schema.tables where table_catalog = '" ~ target.database ~ "' and table_schema = '" ~ target.schema ~ "'") -%}
  {%- endif -%}
{%- endmacro %}

{% macro existed_at_run_start(relation) -%}
  {%- if not execute -%}{{- return(false) -}}{%- endif -%}
  {#- no list (a command that ran no hooks, e.g. compile): unknown, so the whole table is tested -#}
  {%- set r = run_query("select count(*) from information_schema.tables where table_catalog = '" ~ target.database ~ "' and table_schema = 'tsdbt_run_state' and table_name = 'relations_at_start'") -%}
  {%- if r.columns[0].values()[0] == 0 -%}{{- return(false) -}}{%- endif -%}
  {%- set r = run_query("select count(*) from " ~ target.database ~ ".tsdbt_run_state.relations_at_start where table_name = '" ~ relation.identifier ~ "'") -%}
  {{- return(r.columns[0].values()[0] > 0) -}}
{%- endmacro %}
