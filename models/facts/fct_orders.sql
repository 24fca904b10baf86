-- One row per order: revenue, cost, margin, refunds, the customer's order sequence and the session's channel.
with items as (
    select
        order_id,
        count(*)                        as items,
        sum(refund_usd)                 as refund_usd,
        count(*) filter (where is_refunded) as refunded_items
    from {{ ref('fct_order_items') }}
    group by order_id
)

select
    o.order_id,
    o.user_id,
    o.session_id,
    o.ordered_at,
    cast(o.ordered_at as date)                          as order_date,
    o.primary_product_id,
    o.items_purchased,
    o.revenue_usd,
    o.cogs_usd,
    o.revenue_usd - o.cogs_usd                          as margin_usd,
    coalesce(items.refund_usd, 0)                       as refund_usd,
    o.revenue_usd - coalesce(items.refund_usd, 0)       as net_revenue_usd,
    coalesce(items.refunded_items, 0)                   as refunded_items,
    row_number() over (partition by o.user_id order by o.ordered_at, o.order_id) as customer_order_number,
    row_number() over (partition by o.user_id order by o.ordered_at, o.order_id) > 1 as is_repeat_order,
    s.channel_group,
    s.device_type,
    s.campaign_key,
    s.landing_page
from {{ ref('stg_shop__orders') }} as o
left join items on items.order_id = o.order_id
left join {{ ref('int_sessions__enriched') }} as s on s.session_id = o.session_id
