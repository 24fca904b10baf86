{{ config(materialized='incremental', unique_key='order_item_id', incremental_strategy='delete+insert', on_schema_change='fail') }}
-- One row per order item: price, cost, margin, refund, and the catalog price at the order's session start.
-- Incremental: a run rebuilds the items ordered within the lookback window and the items of any age
-- refunded within it (refunds arrive 1-21 days after the order, long after the item was loaded).
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
{% if is_incremental() %}
-- the batch's items are picked before the joins: DuckDB applies a filter written after them only once
-- they have run (the catalog-history join a nested loop over every item)
from (
    select * from {{ ref('stg_shop__order_items') }}
    where ordered_at >= {{ incremental_cutoff('ordered_at') }}
       or order_item_id in (
            select order_item_id from {{ ref('stg_shop__order_item_refunds') }}
            where refunded_at >= {{ incremental_cutoff('ordered_at') }}
       )
) as i
{% else %}
from {{ ref('stg_shop__order_items') }} as i
{% endif %}
join {{ ref('stg_shop__orders') }} as o on o.order_id = i.order_id
left join refunds as r on r.order_item_id = i.order_item_id
left join {{ ref('stg_web__sessions') }} as s on s.session_id = o.session_id
left join {{ ref('int_products__catalog_history') }} as h
  on h.product_id = i.product_id
 and coalesce(s.session_started_at, i.ordered_at) >= h.valid_from
 -- the open current row as an infinite end: written as an OR, DuckDB planned the join as a nested loop
 and coalesce(s.session_started_at, i.ordered_at) < coalesce(h.valid_to, timestamp 'infinity')
