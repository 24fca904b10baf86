-- One row per weekly cohort (users by the week of their first session) and week number since: how many
-- of the cohort came back (had a session) and how many bought in that week. Week 0 is the first week.
-- Each user's sessions are reduced to one row per active week first (distinct counts become plain counts),
-- and a cohort's size is counted from dim_customer directly (a user with a first session has sessions).
with user_weeks as (
    select
        user_id,
        cast(date_trunc('week', session_date) as date)  as activity_week,
        bool_or(has_order)                              as has_order
    from {{ ref('fct_sessions') }}
    group by user_id, activity_week
),

activity as (
    select
        cast(date_trunc('week', c.first_seen_date) as date)                                   as cohort_week,
        cast(date_diff('week', date_trunc('week', c.first_seen_date), w.activity_week) as integer) as week_number,
        w.has_order
    from user_weeks as w
    join {{ ref('dim_customer') }} as c on c.user_id = w.user_id
),

cohorts as (
    select cast(date_trunc('week', first_seen_date) as date) as cohort_week, count(*) as cohort_users
    from {{ ref('dim_customer') }}
    where first_seen_date is not null
    group by cohort_week
),

weeks as (
    select
        cohort_week,
        week_number,
        count(*)                                as active_users,
        count(*) filter (where has_order)       as purchasing_users
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
