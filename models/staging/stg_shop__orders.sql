-- One row per order.
select
    cast(order_id as bigint)               as order_id,
    cast(created_at as timestamp)          as ordered_at,
    cast(website_session_id as bigint)     as session_id,
    cast(user_id as bigint)                as user_id,
    cast(primary_product_id as bigint)     as primary_product_id,
    cast(items_purchased as integer)       as items_purchased,
    cast(price_usd as decimal(12, 2))      as revenue_usd,
    cast(cogs_usd as decimal(12, 2))       as cogs_usd
from {{ source('shop', 'orders') }}
