-- One row per refunded order item.
select
    cast(order_item_refund_id as bigint)   as refund_id,
    cast(created_at as timestamp)          as refunded_at,
    cast(order_item_id as bigint)          as order_item_id,
    cast(order_id as bigint)               as order_id,
    cast(refund_amount_usd as decimal(12, 2)) as refund_usd
from {{ source('shop', 'order_item_refunds') }}
