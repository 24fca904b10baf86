-- BI extract of mart_cohort_weekly_retention: written to target/exports/export_cohort_weekly_retention.<export_format> on every build.
{{ config(format=var('export_format', 'csv')) }}
select * from {{ ref('mart_cohort_weekly_retention') }}
