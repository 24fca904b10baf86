{{ config(materialized='incremental', unique_key='session_id', incremental_strategy='delete+insert', on_schema_change='fail') }}
-- One row per session with its channel group, chosen by the first matching rule of the mapping seed.
-- Incremental: a run groups the sessions started within the lookback window (macros/incremental_window.sql).
-- After editing the channel_group_mapping seed, rebuild with --full-refresh so old sessions are regrouped.
with sessions as (
    select session_id, session_started_at, utm_source, utm_campaign, referer_host
    from {{ ref('stg_web__sessions') }}
    {% if is_incremental() %}
    where session_started_at >= {{ incremental_cutoff('session_started_at') }}
    {% endif %}
),

rules as (
    select rule_order, utm_source, utm_campaign, referer_host, channel_group
    from {{ ref('channel_group_mapping') }}
),

first_match as (
    select sessions.session_id, rules.channel_group, rules.rule_order
    from sessions
    join rules
      on {{ mapping_matches('sessions.utm_source', 'rules.utm_source') }}
     and {{ mapping_matches('sessions.utm_campaign', 'rules.utm_campaign') }}
     and {{ mapping_matches('sessions.referer_host', 'rules.referer_host') }}
    qualify row_number() over (partition by sessions.session_id order by rules.rule_order) = 1
)

select
    sessions.session_id,
    sessions.session_started_at,
    coalesce(first_match.channel_group, 'unmapped') as channel_group,
    first_match.rule_order                          as matched_rule
from sessions
left join first_match on first_match.session_id = sessions.session_id
