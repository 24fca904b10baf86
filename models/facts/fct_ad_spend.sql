-- One row per day and paid campaign: delivery and cost, with the sessions, orders and revenue the
-- campaign's sessions brought that day (last-click: the session's own utm source/campaign).
-- Incremental by day: a run recomputes, whole, the spend days in the lookback window and the days of the
-- sessions that may have changed (macros/affected_days.sql), and replaces those days.
{{ config(materialized='incremental', unique_key='spend_date', incremental_strategy='delete+insert', on_schema_change='fail') }}
with
{% if is_incremental() %}
days as (
    {{ affected_session_days(affected_since('spend_date', where='sessions > 0')) }}
    union
    select spend_date from {{ ref('stg_marketing__ad_spend') }} where spend_date >= {{ affected_since('spend_date') }}
),
{% endif %}

sessions as (
    select
        session_date,
        campaign_key,
        count(*)                                as sessions,
        count(order_id)                         as orders,
        sum(revenue_usd)                        as revenue_usd
    from {{ ref('fct_sessions') }}
    where campaign_key is not null
    {% if is_incremental() %}
      and session_date in (select day from days)
    {% endif %}
    group by session_date, campaign_key
)

select
    a.spend_date,
    a.utm_source || '/' || coalesce(a.utm_campaign, '(none)')   as campaign_key,
    a.utm_source,
    a.utm_campaign,
    c.channel_group,
    a.impressions,
    a.clicks,
    a.spend_usd,
    coalesce(s.sessions, 0)                     as sessions,
    coalesce(s.orders, 0)                       as orders,
    coalesce(s.revenue_usd, 0)                  as revenue_usd
from {{ ref('stg_marketing__ad_spend') }} as a
left join {{ ref('dim_campaign') }} as c on c.campaign_key = a.utm_source || '/' || coalesce(a.utm_campaign, '(none)')
left join sessions as s on s.session_date = a.spend_date and s.campaign_key = c.campaign_key
{% if is_incremental() %}
where a.spend_date in (select day from days)
{% endif %}
