-- One row per behaviour event; epoch milliseconds become a timestamp (UTC, no zone, like the web data).
select
    epoch_ms(cast("timestamp" as bigint))  as event_at,
    cast(visitorid as bigint)              as user_id,
    lower(trim(cast(event as varchar)))    as event_type,
    cast(itemid as bigint)                 as product_id,
    cast(transactionid as bigint)          as order_id
from {{ source('clickstream', 'events') }}
