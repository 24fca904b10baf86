-- One row per day: sessions that put something in the cart, how many bought, and the value of the
-- products added to carts that were abandoned (from addtocart events at the catalog price of the time).
-- Incremental by day: a run recomputes, whole, the days of the sessions and events that may have changed
-- since the lookback cutoff (macros/affected_days.sql) and replaces those days.
{{ config(materialized='incremental', unique_key='session_date', incremental_strategy='delete+insert', on_schema_change='fail') }}
with
{% if is_incremental() %}
days as (
    {{ affected_session_days(affected_since('session_date')) }}
    union
    select event_date from {{ ref('fct_events') }} where event_at >= {{ affected_since('session_date') }}
),
{% endif %}

sessions as (
    select
        session_date,
        count(*) filter (where reached_cart)                           as cart_sessions,
        count(*) filter (where reached_cart and reached_checkout)      as checkout_sessions,
        count(*) filter (where reached_cart and reached_purchase)      as purchase_sessions
    from {{ ref('fct_sessions') }}
    {% if is_incremental() %}
    where session_date in (select day from days)
    {% endif %}
    group by session_date
),

carts as (
    -- a visitor's cart of the day is abandoned when they have no transaction that day
    select
        event_date,
        user_id,
        sum(price_at_event_usd) filter (where event_type = 'addtocart') as cart_value_usd,
        bool_or(event_type = 'transaction')                            as purchased
    from {{ ref('fct_events') }}
    where event_type in ('addtocart', 'transaction')
    {% if is_incremental() %}
      and event_date in (select day from days)
    {% endif %}
    group by event_date, user_id
),

cart_value as (
    select
        event_date,
        count(*) filter (where cart_value_usd is not null and not purchased)   as abandoned_cart_users,
        coalesce(sum(cart_value_usd) filter (where not purchased), 0)          as abandoned_cart_value_usd
    from carts
    group by event_date
)

select
    s.session_date,
    s.cart_sessions,
    s.checkout_sessions,
    s.purchase_sessions,
    s.cart_sessions - s.purchase_sessions                                  as abandoned_sessions,
    {{ safe_divide('s.cart_sessions - s.purchase_sessions', 's.cart_sessions') }} as cart_abandonment_rate,
    {{ safe_divide('s.cart_sessions - s.checkout_sessions', 's.cart_sessions') }} as abandoned_before_checkout_rate,
    coalesce(v.abandoned_cart_users, 0)                                    as abandoned_cart_users,
    coalesce(v.abandoned_cart_value_usd, 0)                                as abandoned_cart_value_usd
from sessions as s
left join cart_value as v on v.event_date = s.session_date
