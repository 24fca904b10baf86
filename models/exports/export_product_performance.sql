-- BI extract of mart_product_performance: written to target/exports/export_product_performance.<export_format> on every build.
{{ config(format=var('export_format', 'csv')) }}
select * from {{ ref('mart_product_performance') }}
