-- One row per property change of an item (a change log, not a state).
select
    epoch_ms(cast("timestamp" as bigint))  as changed_at,
    cast(itemid as bigint)                 as product_id,
    cast(property as varchar)              as property,
    cast(value as varchar)                 as property_value
from {{ source('catalog', 'item_properties') }}
