-- Week 0 of every weekly cohort and month 0 of every monthly order cohort retain the whole cohort.
select 'weekly' as cohorts, cast(cohort_week as varchar) as cohort, retention_rate
from {{ ref('mart_cohort_weekly_retention') }}
where week_number = 0 and (retention_rate is null or abs(retention_rate - 1) > 1e-9)
union all
select 'monthly', cast(cohort_month as varchar), retention_rate
from {{ ref('mart_cohort_monthly_orders') }}
where month_number = 0 and (retention_rate is null or abs(retention_rate - 1) > 1e-9)
union all
-- and no cohort activity before the cohort started
select 'weekly_negative', cast(cohort_week as varchar), retention_rate
from {{ ref('mart_cohort_weekly_retention') }}
where week_number < 0
