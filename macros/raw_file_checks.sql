{#-
  Guards the warehouse against a wrong `raw_path`: every source table read from a file (external_location)
  must exist and carry the columns its YAML declares. `assert_raw_files()` runs from `on-run-start` in
  project.yml, so run / build / seed / snapshot / test stop before anything is built, whatever the
  selection; the error names each bad file, the columns expected and the columns found.
-#}
{% macro raw_file_sources() %}
  {%- set out = [] -%}
  {%- for id, src in graph.sources -%}
    {%- if src.external_location and src.package_name == project_name -%}
      {%- set cols = [] -%}
      {%- for name, col in src.columns -%}{%- do cols.append(name | lower) -%}{%- endfor -%}
      {%- do out.append({'name': src.source_name ~ '.' ~ src.name, 'path': src.relation_name | replace("'", ""), 'columns': cols}) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(out) }}
{% endmacro %}

{#- The file's column names: the header line of a CSV (read as one text column, so only the first
    line is touched however large the file), or the schema of a Parquet file. -#}
{% macro raw_file_columns_sql(file) -%}
  {%- if file.path | lower | replace('.parquet', '') != file.path | lower -%}
    select '{{ file.path }}' as file_path, list(lower(name)) as found_columns
    from parquet_schema('{{ file.path }}')
  {%- else -%}
    select '{{ file.path }}' as file_path,
        list_transform(string_split(line, ','), c -> lower(regexp_replace(c, '[\s"' || chr(65279) || ']', '', 'g'))) as found_columns
    from (
        select line from read_csv('{{ file.path }}', auto_detect = false, header = false, columns = {'line': 'VARCHAR'},
            delim = chr(31), quote = '', escape = '')
        limit 1
    )
  {%- endif -%}
{%- endmacro %}

{% macro assert_raw_files() %}
  {%- set files = raw_file_sources() -%}
  {%- if execute and files | length > 0 -%}
    {%- set exists_sql -%}
      {%- for f in files %}
      select '{{ f.path }}' as file_path, (select count(*) from glob('{{ f.path }}')) as matches
      {%- if not loop.last %} union all{% endif -%}
      {%- endfor %}
    {%- endset -%}
    {%- set found = run_query(exists_sql) -%}
    {%- set missing = [] -%}
    {%- for f in files -%}
      {%- if found.rows[loop.index0][1] == 0 -%}
        {%- do missing.append('  ' ~ f.path ~ ' (source ' ~ f.name ~ ') is missing; expected columns: ' ~ f.columns | join(', ')) -%}
      {%- endif -%}
    {%- endfor -%}
    {%- if missing | length > 0 -%}
      {{ exceptions.raise_compiler_error('raw source files not found (var raw_path = ' ~ var('raw_path', 'data/sample') ~ ', raw_format = ' ~ var('raw_format', 'csv') ~ '):\n' ~ missing | join('\n')) }}
    {%- endif -%}
    {%- set layout_sql -%}
      {%- for f in files %}
      {{ raw_file_columns_sql(f) }}
      {%- if not loop.last %} union all{% endif -%}
      {%- endfor %}
    {%- endset -%}
    {%- set layouts = run_query(layout_sql) -%}
    {%- set wrong = [] -%}
    {%- for f in files -%}
      {%- set have = layouts.rows[loop.index0][1] | list -%}
      {%- do f.update({'found': have}) -%}
      {%- set lacking = [] -%}
      {%- for c in f.columns -%}{%- if c not in have -%}{%- do lacking.append(c) -%}{%- endif -%}{%- endfor -%}
      {%- if lacking | length > 0 -%}
        {%- do wrong.append('  ' ~ f.path ~ ' (source ' ~ f.name ~ ') lacks ' ~ lacking | join(', ') ~ '; expected columns: ' ~ f.columns | join(', ') ~ '; found: ' ~ have | join(', ')) -%}
      {%- endif -%}
    {%- endfor -%}
    {%- if wrong | length > 0 -%}
      {{ exceptions.raise_compiler_error('raw source files with the wrong layout:\n' ~ wrong | join('\n')) }}
    {%- endif -%}
  {%- endif -%}
  {{ return(files) }}
{% endmacro %}
