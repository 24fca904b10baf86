-- BI extract of mart_customer_rfm: written to target/exports/export_customer_rfm.<export_format> on every build.
{{ config(format=var('export_format', 'csv')) }}
select * from {{ ref('mart_customer_rfm') }}
