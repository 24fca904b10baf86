-- BI extract of mart_marketing_efficiency: written to target/exports/export_marketing_efficiency.<export_format> on every build.
{{ config(format=var('export_format', 'csv')) }}
select * from {{ ref('mart_marketing_efficiency') }}
