-- One row per day and channel group: the 5-stage session funnel (visit -> product view -> cart ->
-- checkout -> purchase) with stage-to-stage conversion and drop-off rates.
-- Incremental by day: a run recomputes, whole, the days of the sessions that may have changed since the
-- lookback cutoff (macros/affected_days.sql) and replaces those days.
{{ config(materialized='incremental', unique_key='session_date', incremental_strategy='delete+insert', on_schema_change='fail') }}
with stages as (
    select
        session_date,
        channel_group,
        count(*)                                            as visit_sessions,
        count(*) filter (where furthest_funnel_stage >= 2)  as product_view_sessions,
        count(*) filter (where furthest_funnel_stage >= 3)  as cart_sessions,
        count(*) filter (where furthest_funnel_stage >= 4)  as checkout_sessions,
        count(*) filter (where furthest_funnel_stage >= 5)  as purchase_sessions
    from {{ ref('fct_sessions') }}
    {% if is_incremental() %}
    where session_date in ({{ affected_session_days(affected_since('session_date')) }})
    {% endif %}
    group by session_date, channel_group
)

select
    session_date,
    channel_group,
    visit_sessions,
    product_view_sessions,
    cart_sessions,
    checkout_sessions,
    purchase_sessions,
    {{ safe_divide('product_view_sessions', 'visit_sessions') }}     as visit_to_product_view_rate,
    {{ safe_divide('cart_sessions', 'product_view_sessions') }}      as product_view_to_cart_rate,
    {{ safe_divide('checkout_sessions', 'cart_sessions') }}          as cart_to_checkout_rate,
    {{ safe_divide('purchase_sessions', 'checkout_sessions') }}      as checkout_to_purchase_rate,
    {{ safe_divide('purchase_sessions', 'visit_sessions') }}         as visit_to_purchase_rate,
    1 - {{ safe_divide('product_view_sessions', 'visit_sessions') }} as visit_drop_off_rate,
    1 - {{ safe_divide('cart_sessions', 'product_view_sessions') }}  as product_view_drop_off_rate,
    1 - {{ safe_divide('checkout_sessions', 'cart_sessions') }}      as cart_drop_off_rate,
    1 - {{ safe_divide('purchase_sessions', 'checkout_sessions') }}  as checkout_drop_off_rate
from stages
