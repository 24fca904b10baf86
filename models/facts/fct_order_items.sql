-- One row per order item: price, cost, margin, refund, and the catalog price at the order's session start.
with refunds as (
    select order_item_id, sum(refund_usd) as refund_usd, min(refunded_at) as refunded_at
    from {{ ref('stg_shop__order_item_refunds') }}
    group by order_item_id
)

select
    i.order_item_id,
    i.order_id,
    o.user_id,
    i.product_id,
    i.ordered_at,
    cast(i.ordered_at as date)                      as order_date,
    i.is_primary_item,
    i.price_usd,
    i.cogs_usd,
    i.price_usd - i.cogs_usd                        as margin_usd,
    coalesce(r.refund_usd, 0)                       as refund_usd,
    r.order_item_id is not null                     as is_refunded,
    r.refunded_at,
    h.price_usd                                     as catalog_price_usd
from {{ ref('stg_shop__order_items') }} as i
join {{ ref('stg_shop__orders') }} as o on o.order_id = i.order_id
left join refunds as r on r.order_item_id = i.order_item_id
left join {{ ref('stg_web__sessions') }} as s on s.session_id = o.session_id
left join {{ ref('int_products__catalog_history') }} as h
  on h.product_id = i.product_id
 and coalesce(s.session_started_at, i.ordered_at) >= h.valid_from
 and (h.valid_to is null or coalesce(s.session_started_at, i.ordered_at) < h.valid_to)
