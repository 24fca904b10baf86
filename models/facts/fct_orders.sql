{{ config(materialized='incremental', unique_key='order_id', incremental_strategy='delete+insert', on_schema_change='fail') }}
-- One row per order: revenue, cost, margin, refunds, the customer's order sequence and the session's channel.
-- Incremental: a run rebuilds all orders of every customer who ordered or was refunded within the
-- lookback window: whole customers, so customer_order_number stays right even for an order that
-- arrives late with an earlier timestamp.
with orders as (
    select
        *,
        row_number() over (partition by user_id order by ordered_at, order_id) as customer_order_number
    from {{ ref('stg_shop__orders') }}
    {% if is_incremental() %}
    where user_id in (
        select user_id from {{ ref('stg_shop__orders') }}
        where ordered_at >= {{ incremental_cutoff('ordered_at') }}
        union
        select o.user_id
        from {{ ref('stg_shop__order_item_refunds') }} as r
        join {{ ref('stg_shop__orders') }} as o on o.order_id = r.order_id
        where r.refunded_at >= {{ incremental_cutoff('ordered_at') }}
    )
    {% endif %}
),

items as (
    select
        order_id,
        count(*)                        as items,
        sum(refund_usd)                 as refund_usd,
        count(*) filter (where is_refunded) as refunded_items
    from {{ ref('fct_order_items') }}
    {% if is_incremental() %}
    where order_id in (select order_id from orders)
    {% endif %}
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
    o.customer_order_number,
    o.customer_order_number > 1                         as is_repeat_order,
    s.channel_group,
    s.device_type,
    s.campaign_key,
    s.landing_page
from orders as o
left join items on items.order_id = o.order_id
left join {{ ref('int_sessions__enriched') }} as s on s.session_id = o.session_id
