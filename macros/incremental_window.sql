{#-
  The lookback window of the warehouse's incremental models. A run re-reads everything from
  `incremental_lookback_days` (var, default 1) before the model's own high-water mark and replaces those
  rows by unique key, so rows that arrive out of order are picked up instead of skipped: events of a
  session that began before midnight but are stamped earlier than the last loaded event, page views of
  sessions spanning midnight, orders placed after their session's day. Late rows of a known kind (refunds
  arriving up to weeks after their order) are found by their own timestamp, see fct_order_items.
-#}

{#- The lookback in days, checked: a wrong var must stop the run, not silently reload nothing. -#}
{% macro incremental_lookback_days() -%}
  {%- set days = var('incremental_lookback_days', 1) -%}
  {%- if days is not number or days < 0 or days != days | int -%}
    {{ exceptions.raise_compiler_error("var incremental_lookback_days must be a whole number of days >= 0 (project.yml vars or --vars), got '" ~ days ~ "'") }}
  {%- endif -%}
  {{ return(days | int) }}
{%- endmacro %}

{#- SQL scalar: the model's latest `column` value minus the lookback; everything on or after it is
    rebuilt. An empty table gives a cutoff before any data, so the run reloads everything. A table built
    by an older version of the model, without `column`, stops the run with the fix instead of a binder
    error (DuckDB would otherwise bind the name to the outer query). -#}
{% macro incremental_cutoff(column, relation=none) -%}
  {%- set rel = relation if relation is not none else this -%}
  {%- if execute and rel is not string -%}
    {%- set names = [] -%}
    {%- for c in adapter.get_columns_in_relation(rel) -%}{%- do names.append(c.name | lower) -%}{%- endfor -%}
    {%- if names | length > 0 and (column | lower) not in names -%}
      {{ exceptions.raise_compiler_error(rel ~ " has no column " ~ column ~ ": it was built by an older version of " ~ model.name ~ ". Rebuild it once: tsdbt build --full-refresh --select " ~ model.name ~ "+") }}
    {%- endif -%}
  {%- endif -%}
(select coalesce(cast(max(_tsdbt_this.{{ column }}) as timestamp), timestamp '1900-01-01') - interval '{{ incremental_lookback_days() }} days' from {{ rel }} as _tsdbt_this)
{%- endmacro %}
