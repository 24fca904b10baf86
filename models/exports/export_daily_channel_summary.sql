-- BI extract of mart_daily_channel_summary: written to target/exports/export_daily_channel_summary.<export_format> on every build.
{{ config(format=var('export_format', 'csv')) }}
select * from {{ ref('mart_daily_channel_summary') }}
