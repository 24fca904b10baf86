{{ config(materialized='incremental', unique_key='event_id', incremental_strategy='delete+insert', on_schema_change='fail') }}
-- One row per behaviour event, with the product's price and availability at that moment.
-- Incremental on event_at: a run re-reads the lookback window behind the last loaded event (see
-- macros/incremental_window.sql) and replaces those rows by event_id. Re-reading from the last timestamp
-- alone lost rows: the last day's sessions run past midnight, so the next day's first events are stamped
-- earlier than the latest event already loaded. event_id stays stable across runs because identical rows
-- share event_at, so a window on event_at always holds all of them and numbers them the same way.
with events as (
    select *
    from {{ ref('stg_clickstream__events') }}
    {% if is_incremental() %}
    where event_at >= {{ incremental_cutoff('event_at') }}
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
