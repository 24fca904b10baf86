-- One row per weekly cohort (users by the week of their first session) and week number since: how many
-- of the cohort came back (had a session) and how many bought in that week. Week 0 is the first week.
with activity as (
    select
        c.user_id,
        cast(date_trunc('week', c.first_seen_date) as date)                                           as cohort_week,
        cast(date_diff('week', date_trunc('week', c.first_seen_date), date_trunc('week', s.session_date)) as integer) as week_number,
        s.has_order
    from {{ ref('dim_customer') }} as c
    join {{ ref('fct_sessions') }} as s on s.user_id = c.user_id
),

cohorts as (
    select cohort_week, count(distinct user_id) as cohort_users
    from activity
    group by cohort_week
),

weeks as (
    select
        cohort_week,
        week_number,
        count(distinct user_id)                             as active_users,
        count(distinct user_id) filter (where has_order)    as purchasing_users
    from activity
    group by cohort_week, week_number
)

select
    w.cohort_week,
    w.week_number,
    c.cohort_users,
    w.active_users,
    w.purchasing_users,
    {{ safe_divide('w.active_users', 'c.cohort_users') }}       as retention_rate,
    {{ safe_divide('w.purchasing_users', 'c.cohort_users') }}   as purchase_rate
from weeks as w
join cohorts as c on c.cohort_week = w.cohort_week
