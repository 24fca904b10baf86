{{ config(materialized='incremental', unique_key='activity_week', incremental_strategy='delete+insert', on_schema_change='fail') }}
-- One row per weekly cohort (users by the week of their first session) and week number since: how many
-- of the cohort came back (had a session) and how many bought in that week. Week 0 is the first week.
-- Each user's sessions are reduced to one row per active week first (distinct counts become plain counts),
-- and a cohort's size is counted from dim_customer directly (a user with a first session has sessions).
-- Incremental: a run replaces whole activity weeks, from the week of the first session that may have
-- changed (active, or with an order placed, since the lookback cutoff behind the latest session day
-- counted, last_session_date). A week before it cannot change:
-- its sessions are all older, and a cohort that gains users (new ones, first seen in the window) has
-- only rows of the weeks being replaced.
with
{% if is_incremental() %}
first_week as (
    select cast(date_trunc('week', min(day)) as date) as week
    from ({{ affected_session_days(affected_since('last_session_date')) }})
),
{% endif %}

user_weeks as (
    select
        user_id,
        cast(date_trunc('week', session_date) as date)  as activity_week,
        bool_or(has_order)                              as has_order,
        max(session_date)                               as last_session_date
    from {{ ref('fct_sessions') }}
    {% if is_incremental() %}
    where session_date >= (select week from first_week)
    {% endif %}
    group by user_id, activity_week
),

activity as (
    select
        cast(date_trunc('week', c.first_seen_date) as date)                                   as cohort_week,
        cast(date_diff('week', date_trunc('week', c.first_seen_date), w.activity_week) as integer) as week_number,
        w.activity_week,
        w.has_order,
        w.last_session_date
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
        activity_week,
        count(*)                                as active_users,
        count(*) filter (where has_order)       as purchasing_users,
        max(last_session_date)                  as last_session_date
    from activity
    group by cohort_week, week_number, activity_week
)

select
    w.cohort_week,
    w.week_number,
    w.activity_week,
    c.cohort_users,
    w.active_users,
    w.purchasing_users,
    {{ safe_divide('w.active_users', 'c.cohort_users') }}       as retention_rate,
    {{ safe_divide('w.purchasing_users', 'c.cohort_users') }}   as purchase_rate,
    w.last_session_date
from weeks as w
join cohorts as c on c.cohort_week = w.cohort_week
