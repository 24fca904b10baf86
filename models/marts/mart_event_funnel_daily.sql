-- One row per day: the users funnel from behaviour events, view -> add to cart -> purchase, counting
-- distinct users who did each step that day.
-- Incremental by day: a run recomputes the days on or after the lookback cutoff, whole days at a time
-- (distinct users cannot be added up across runs).
{{ config(materialized='incremental', unique_key='event_date', incremental_strategy='delete+insert', on_schema_change='fail') }}
with daily as (
    select
        event_date,
        count(distinct user_id) filter (where event_type = 'view')        as view_users,
        count(distinct user_id) filter (where event_type = 'addtocart')   as add_to_cart_users,
        count(distinct user_id) filter (where event_type = 'transaction') as purchase_users,
        count(*) filter (where event_type = 'view')                       as view_events,
        count(*) filter (where event_type = 'addtocart')                  as add_to_cart_events,
        count(distinct order_id) filter (where event_type = 'transaction') as orders
    from {{ ref('fct_events') }}
    {% if is_incremental() %}
    where event_date >= cast({{ incremental_cutoff('event_date') }} as date)
    {% endif %}
    group by event_date
)

select
    event_date,
    view_users,
    add_to_cart_users,
    purchase_users,
    view_events,
    add_to_cart_events,
    orders,
    {{ safe_divide('add_to_cart_users', 'view_users') }}     as view_to_cart_cvr,
    {{ safe_divide('purchase_users', 'add_to_cart_users') }} as cart_to_purchase_cvr,
    {{ safe_divide('purchase_users', 'view_users') }}        as view_to_purchase_cvr
from daily
