-- One row per month and paid campaign: delivery, cost and what the campaign's sessions bought.
-- CTR = clicks / impressions; CVR = orders / clicks; session CVR = orders / sessions; CPC = spend / clicks;
-- CPA = spend / orders; ROAS = revenue / spend; AOV = revenue / orders.
with monthly as (
    select
        cast(date_trunc('month', spend_date) as date)   as month_start,
        campaign_key,
        utm_source,
        utm_campaign,
        channel_group,
        sum(impressions)        as impressions,
        sum(clicks)             as clicks,
        sum(spend_usd)          as spend_usd,
        sum(sessions)           as sessions,
        sum(orders)             as orders,
        sum(revenue_usd)        as revenue_usd
    from {{ ref('fct_ad_spend') }}
    group by all
)

select
    *,
    {{ safe_divide('clicks', 'impressions') }}      as ctr,
    {{ safe_divide('orders', 'clicks') }}           as cvr,
    {{ safe_divide('orders', 'sessions') }}         as session_cvr,
    {{ safe_divide('spend_usd', 'clicks') }}        as cpc_usd,
    {{ safe_divide('spend_usd', 'orders') }}        as cpa_usd,
    {{ safe_divide('revenue_usd', 'spend_usd') }}   as roas,
    {{ safe_divide('revenue_usd', 'orders') }}      as aov_usd
from monthly
