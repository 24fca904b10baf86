-- One row per product: views, cart adds, orders, units, revenue, margin and refunds, with conversion.
with events as (
    select
        product_id,
        count(*) filter (where event_type = 'view')                     as view_events,
        count(distinct user_id) filter (where event_type = 'view')      as view_users,
        count(*) filter (where event_type = 'addtocart')                as cart_adds,
        count(distinct user_id) filter (where event_type = 'addtocart') as cart_users,
        count(distinct user_id) filter (where event_type = 'transaction') as purchase_users
    from {{ ref('fct_events') }}
    group by product_id
),

sales as (
    select
        product_id,
        count(distinct order_id)        as orders,
        count(*)                        as units_sold,
        sum(price_usd)                  as revenue_usd,
        sum(cogs_usd)                   as cogs_usd,
        sum(margin_usd)                 as margin_usd,
        sum(refund_usd)                 as refund_usd,
        count(*) filter (where is_refunded) as refunded_units
    from {{ ref('fct_order_items') }}
    group by product_id
)

select
    p.product_id,
    p.product_name,
    p.category_id,
    p.level_1_category_id,
    coalesce(e.view_events, 0)          as view_events,
    coalesce(e.view_users, 0)           as view_users,
    coalesce(e.cart_adds, 0)            as cart_adds,
    coalesce(e.cart_users, 0)           as cart_users,
    coalesce(e.purchase_users, 0)       as purchase_users,
    coalesce(s.orders, 0)               as orders,
    coalesce(s.units_sold, 0)           as units_sold,
    coalesce(s.revenue_usd, 0)          as revenue_usd,
    coalesce(s.cogs_usd, 0)             as cogs_usd,
    coalesce(s.margin_usd, 0)           as margin_usd,
    coalesce(s.refund_usd, 0)           as refund_usd,
    {{ safe_divide('e.cart_users', 'e.view_users') }}       as view_to_cart_rate,
    {{ safe_divide('e.purchase_users', 'e.view_users') }}   as view_to_purchase_rate,
    {{ safe_divide('s.refunded_units', 's.units_sold') }}   as refund_rate,
    {{ safe_divide('s.margin_usd', 's.revenue_usd') }}      as margin_rate
from {{ ref('dim_product') }} as p
left join events as e on e.product_id = p.product_id
left join sales as s on s.product_id = p.product_id
