-- One row per day, paid source and campaign.
select
    cast("date" as date)                   as spend_date,
    {{ clean_text('utm_source') }}         as utm_source,
    {{ clean_text('utm_campaign') }}       as utm_campaign,
    cast(impressions as bigint)            as impressions,
    cast(clicks as bigint)                 as clicks,
    cast(spend_usd as decimal(12, 2))      as spend_usd
from {{ source('marketing', 'ad_spend') }}
