-- One row per order item.
select
    cast(order_item_id as bigint)          as order_item_id,
    cast(created_at as timestamp)          as ordered_at,
    cast(order_id as bigint)               as order_id,
    cast(product_id as bigint)             as product_id,
    cast(is_primary_item as integer) = 1   as is_primary_item,
    cast(price_usd as decimal(12, 2))      as price_usd,
    cast(cogs_usd as decimal(12, 2))       as cogs_usd
from {{ source('shop', 'order_items') }}
