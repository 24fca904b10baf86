-- One row per paid source/campaign seen in sessions or ad spend.
with seen as (
    select utm_source, utm_campaign, session_date as day, channel_group
    from {{ ref('int_sessions__enriched') }}
    where campaign_key is not null
    union all
    select utm_source, utm_campaign, spend_date, null
    from {{ ref('stg_marketing__ad_spend') }}
)

select
    utm_source || '/' || coalesce(utm_campaign, '(none)')  as campaign_key,
    utm_source,
    utm_campaign,
    coalesce(mode(channel_group), 'unmapped')              as channel_group,
    min(day)                                               as first_active_date,
    max(day)                                               as last_active_date
from seen
group by utm_source, utm_campaign
