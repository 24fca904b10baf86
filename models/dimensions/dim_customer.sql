-- One row per user (visitor) seen in sessions or events: first touch, activity and order history.
with users as (
    select user_id from {{ ref('int_users__first_touch') }}
    union
    select user_id from {{ ref('stg_clickstream__events') }}
),

orders as (
    select
        user_id,
        count(*)                       as lifetime_orders,
        sum(revenue_usd)               as lifetime_revenue_usd,
        min(ordered_at)                as first_order_at,
        max(ordered_at)                as last_order_at
    from {{ ref('stg_shop__orders') }}
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
    orders.user_id is not null                  as is_customer
from users
left join {{ ref('int_users__first_touch') }} as ft on ft.user_id = users.user_id
left join orders on orders.user_id = users.user_id
