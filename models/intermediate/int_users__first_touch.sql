{{ config(materialized='incremental', unique_key='user_id', incremental_strategy='delete+insert', on_schema_change='fail') }}
-- One row per user: their first session and how it reached the shop (first-touch attribution).
-- Incremental: a run recomputes, over all their sessions, the users with a session active within the
-- lookback window.
select
    user_id,
    arg_min(session_id, session_started_at)         as first_session_id,
    min(session_started_at)                         as first_seen_at,
    cast(min(session_started_at) as date)           as first_seen_date,
    arg_min(channel_group, session_started_at)      as first_channel_group,
    arg_min(device_type, session_started_at)        as first_device_type,
    arg_min(landing_page, session_started_at)       as first_landing_page,
    arg_min(campaign_key, session_started_at)       as first_campaign_key,
    count(*)                                        as sessions,
    max(last_activity_at)                           as last_seen_at
from {{ ref('int_sessions__enriched') }}
{% if is_incremental() %}
where user_id in (
    select user_id from {{ ref('int_sessions__enriched') }}
    where last_activity_at >= {{ incremental_cutoff('last_seen_at') }}
)
{% endif %}
group by user_id
