{{ config(materialized='incremental', unique_key='user_id', incremental_strategy='delete+insert', on_schema_change='fail') }}
-- One row per user (visitor) seen in sessions or events: first touch, activity and order history.
-- Incremental: a run recomputes the users with a session, an event or an order within the lookback
-- window behind the latest last_active_at; every other user's row cannot have changed.
with
{% if is_incremental() %}
touched as (
    select user_id from {{ ref('int_users__first_touch') }}
    where last_seen_at >= {{ incremental_cutoff('last_active_at') }}
    union
    select user_id from {{ ref('stg_clickstream__events') }}
    where event_at >= {{ incremental_cutoff('last_active_at') }}
    union
    select user_id from {{ ref('stg_shop__orders') }}
    where ordered_at >= {{ incremental_cutoff('last_active_at') }}
),
{% endif %}

{% if not is_incremental() %}
users as (
    select user_id from {{ ref('int_users__first_touch') }}
    union
    select user_id from {{ ref('stg_clickstream__events') }}
),
{% endif %}

events as (
    select user_id, max(event_at) as last_event_at
    from {{ ref('stg_clickstream__events') }}
    {% if is_incremental() %}
    where user_id in (select user_id from touched)
    {% endif %}
    group by user_id
),

orders as (
    select
        user_id,
        count(*)                       as lifetime_orders,
        sum(revenue_usd)               as lifetime_revenue_usd,
        min(ordered_at)                as first_order_at,
        max(ordered_at)                as last_order_at
    from {{ ref('stg_shop__orders') }}
    {% if is_incremental() %}
    where user_id in (select user_id from touched)
    {% endif %}
    group by user_id
)

select
    users.user_id,
    ft.first_seen_at,
    ft.first_seen_date,
    ft.first_session_id,
    ft.first_channel_group,
    ft.first_device_type,
    ft.first_landing_page,
    ft.first_campaign_key,
    coalesce(ft.sessions, 0)                    as lifetime_sessions,
    coalesce(orders.lifetime_orders, 0)         as lifetime_orders,
    coalesce(orders.lifetime_revenue_usd, 0)    as lifetime_revenue_usd,
    orders.first_order_at,
    orders.last_order_at,
    orders.user_id is not null                  as is_customer,
    greatest(ft.last_seen_at, events.last_event_at, orders.last_order_at) as last_active_at
{% if is_incremental() %}
-- the touched users seen in sessions or events: started from the (small) touched set, so every join
-- builds on it instead of on a semi-join over all users' first touches and events
from touched as users
{% else %}
from users
{% endif %}
left join {{ ref('int_users__first_touch') }} as ft on ft.user_id = users.user_id
left join events on events.user_id = users.user_id
left join orders on orders.user_id = users.user_id
{% if is_incremental() %}
where ft.user_id is not null or events.user_id is not null
{% endif %}
