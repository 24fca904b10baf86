-- The gate in front of staging: fails with the bad file, its expected and its found columns when var
-- `raw_path` points at a folder with a missing or wrongly laid out file; otherwise lists what was read.
{%- set files = assert_raw_files() %}
{{ config(materialized='table') }}
{% for f in files %}
{{ raw_file_columns_sql(f) }}
{% if not loop.last %}union all{% endif %}
{% endfor %}
