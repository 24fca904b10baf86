-- One row per user: profile (first touch), activity (sessions, page views, events), value (orders,
-- revenue, CLV) and segment with churn risk (from RFM; NULL for visitors who never bought).
-- Incremental: a run rebuilds the users active within the lookback window (dim_customer.last_active_at)
-- in full, and every other customer's value and RFM columns, whose recency and CLV move with each new day
-- of orders; an inactive customer's activity columns (sessions, page views, events) cannot have changed,
-- so they are taken from the model's own row instead of re-reading every customer's sessions and events.
{{ config(materialized='incremental', unique_key='user_id', incremental_strategy='delete+insert', on_schema_change='fail') }}
with
{% if is_incremental() %}
active as (
    select user_id from {{ ref('dim_customer') }}
    where last_active_at >= {{ incremental_cutoff('last_active_at') }}
),

batch as (
    select user_id from active
    union
    select user_id from {{ ref('dim_customer') }} where is_customer
),

kept as (
    -- customers not active in the window: their stored activity, unchanged since it was computed
    select user_id, sessions, pageviews, bounced_sessions, last_seen_at, product_views, cart_adds, distinct_products_viewed
    from {{ this }}
    -- a customer stays a customer; one who became a customer since is active (their order is in the window)
    where is_customer and user_id not in (select user_id from active)
),
{% endif %}

sessions as (
    select user_id, count(*) as sessions, sum(pageview_count) as pageviews, max(session_started_at) as last_seen_at,
        count(*) filter (where is_bounce) as bounced_sessions
    from {{ ref('fct_sessions') }}
    {% if is_incremental() %}
    where user_id in (select user_id from active)
    {% endif %}
    group by user_id
    {% if is_incremental() %}
    union all
    select user_id, sessions, pageviews, last_seen_at, bounced_sessions from kept
    {% endif %}
),

events as (
    select
        user_id,
        count(*) filter (where event_type = 'view')         as product_views,
        count(*) filter (where event_type = 'addtocart')    as cart_adds,
        count(distinct product_id)                          as distinct_products_viewed
    from {{ ref('fct_events') }}
    {% if is_incremental() %}
    where user_id in (select user_id from active)
    {% endif %}
    group by user_id
    {% if is_incremental() %}
    union all
    select user_id, product_views, cart_adds, distinct_products_viewed from kept
    {% endif %}
)

select
    c.user_id,
    c.first_seen_at,
    c.first_channel_group,
    c.first_device_type,
    c.first_landing_page,
    coalesce(s.sessions, 0)                     as sessions,
    coalesce(s.pageviews, 0)                    as pageviews,
    coalesce(s.bounced_sessions, 0)             as bounced_sessions,
    s.last_seen_at,
    coalesce(e.product_views, 0)                as product_views,
    coalesce(e.cart_adds, 0)                    as cart_adds,
    coalesce(e.distinct_products_viewed, 0)     as distinct_products_viewed,
    c.is_customer,
    c.lifetime_orders,
    c.lifetime_revenue_usd,
    c.first_order_at,
    c.last_order_at,
    clv.historical_clv_usd,
    clv.predicted_clv_usd,
    rfm.recency_days,
    rfm.rfm_code,
    rfm.segment,
    rfm.churn_risk,
    c.last_active_at
{% if is_incremental() %}
from (select * from {{ ref('dim_customer') }} where user_id in (select user_id from batch)) as c
{% else %}
from {{ ref('dim_customer') }} as c
{% endif %}
left join sessions as s on s.user_id = c.user_id
left join events as e on e.user_id = c.user_id
left join {{ ref('mart_customer_clv') }} as clv on clv.user_id = c.user_id
left join {{ ref('mart_customer_rfm') }} as rfm on rfm.user_id = c.user_id
