-- BI extract of mart_session_funnel_daily: written to target/exports/export_session_funnel_daily.<export_format> on every build.
{{ config(format=var('export_format', 'csv')) }}
select * from {{ ref('mart_session_funnel_daily') }}
