{{ config(materialized='incremental', unique_key='event_id', incremental_strategy='delete+insert', on_schema_change='fail') }}
-- One row per behaviour event, with the product's price and availability at that moment.
-- Incremental on event_at: a run re-reads events from the last loaded timestamp on (inclusive, so rows
-- sharing the boundary millisecond are replaced, not lost) and replaces them by event_id.
with events as (
    select *
    from {{ ref('stg_clickstream__events') }}
    {% if is_incremental() %}
    where event_at >= (select max(event_at) from {{ this }})
    {% endif %}
),

keyed as (
    select
        *,
        -- identical rows (same ms, visitor, event, item, order) stay distinct through their occurrence number
        row_number() over (partition by event_at, user_id, event_type, product_id, order_id order by event_at) as occurrence
    from events
)

select
    md5(concat_ws('|', epoch_ms(e.event_at), e.user_id, e.event_type, e.product_id, coalesce(cast(e.order_id as varchar), ''), e.occurrence)) as event_id,
    e.event_at,
    cast(e.event_at as date)                        as event_date,
    e.user_id,
    e.event_type,
    e.product_id,
    e.order_id,
    h.price_usd                                     as price_at_event_usd,
    h.is_available                                  as is_available_at_event
from keyed as e
left join {{ ref('int_products__catalog_history') }} as h
  on h.product_id = e.product_id
 and e.event_at >= h.valid_from
 and (h.valid_to is null or e.event_at < h.valid_to)
