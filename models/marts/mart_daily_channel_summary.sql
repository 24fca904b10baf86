-- One row per day and channel group: the executive KPIs (sessions, bounces, orders, revenue, margin).
-- Orders are attributed to the channel of the session they were placed in.
-- Incremental by day: a run recomputes, whole, the days of the sessions and orders that may have changed
-- since the lookback cutoff, refunds included (macros/affected_days.sql), and replaces those days.
{{ config(materialized='incremental', unique_key='summary_date', incremental_strategy='delete+insert', on_schema_change='fail') }}
with
{% if is_incremental() %}
days as (
    {{ affected_session_days(affected_since('summary_date')) }}
    union
    {{ affected_order_days(affected_since('summary_date')) }}
),
{% endif %}

sessions as (
    select session_date, channel_group, count(*) as sessions, count(*) filter (where is_bounce) as bounces
    from {{ ref('fct_sessions') }}
    {% if is_incremental() %}
    where session_date in (select day from days)
    {% endif %}
    group by session_date, channel_group
),

orders as (
    select
        order_date,
        channel_group,
        count(*)                as orders,
        sum(revenue_usd)        as revenue_usd,
        sum(cogs_usd)           as cogs_usd,
        sum(margin_usd)         as margin_usd,
        sum(refund_usd)         as refund_usd
    from {{ ref('fct_orders') }}
    {% if is_incremental() %}
    where order_date in (select day from days)
    {% endif %}
    group by order_date, channel_group
)

select
    coalesce(s.session_date, o.order_date)              as summary_date,
    coalesce(s.channel_group, o.channel_group)          as channel_group,
    coalesce(s.sessions, 0)                             as sessions,
    coalesce(s.bounces, 0)                              as bounces,
    {{ safe_divide('s.bounces', 's.sessions') }}        as bounce_rate,
    coalesce(o.orders, 0)                               as orders,
    coalesce(o.revenue_usd, 0)                          as revenue_usd,
    coalesce(o.cogs_usd, 0)                             as cogs_usd,
    coalesce(o.margin_usd, 0)                           as margin_usd,
    coalesce(o.refund_usd, 0)                           as refund_usd,
    {{ safe_divide('coalesce(o.orders, 0)', 's.sessions') }} as conversion_rate,
    {{ safe_divide('o.revenue_usd', 'o.orders') }}      as aov_usd,
    {{ safe_divide('o.margin_usd', 'o.revenue_usd') }}  as margin_rate
from sessions as s
full outer join orders as o on o.order_date = s.session_date and o.channel_group = s.channel_group
