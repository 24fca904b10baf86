-- The gate in front of staging: fails with the bad file, its expected and its found columns when var
-- `raw_path` points at a folder with a missing or wrongly laid out file; otherwise lists what was read.
{%- set files = assert_raw_files() %}
{{ config(materialized='table') }}
{% if files | length == 0 %}
select null::varchar as source_table, null::varchar as file_path, null::varchar as expected_columns, null::varchar as found_columns
where false
{% else %}
select * from (values
{%- for f in files %}
    ('{{ f.name }}', '{{ f.path }}', '{{ f.columns | join(", ") }}', '{{ (f.found or []) | join(", ") }}'){{ "," if not loop.last }}
{%- endfor %}
) as t(source_table, file_path, expected_columns, found_columns)
{% endif %}
