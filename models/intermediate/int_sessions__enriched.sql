-- One row per session: the raw session, its channel group, landing page, bounce flag, page count and the
-- furthest of the five funnel stages it reached (1 visit, 2 product view, 3 cart, 4 checkout, 5 purchase).
-- Incremental: a run rebuilds the sessions that started, or had a page view, within the lookback window;
-- last_activity_at (the later of start and last page view) is what downstream session models window on.
{{ config(materialized='incremental', unique_key='session_id', incremental_strategy='delete+insert', on_schema_change='fail') }}
{% if is_incremental() %}
with batch as (
    select session_id from {{ ref('stg_web__sessions') }}
    where session_started_at >= {{ incremental_cutoff('last_activity_at') }}
    union
    select session_id from {{ ref('int_sessions__pageview_summary') }}
    where last_pageview_at >= {{ incremental_cutoff('last_activity_at') }}
)
{% endif %}
select
    s.session_id,
    s.user_id,
    s.session_started_at,
    cast(s.session_started_at as date)                  as session_date,
    s.is_repeat_session,
    s.device_type,
    s.utm_source,
    s.utm_campaign,
    s.utm_content,
    case when s.utm_source is not null then s.utm_source || '/' || coalesce(s.utm_campaign, '(none)') end as campaign_key,
    s.http_referer,
    s.referer_host,
    c.channel_group,
    p.landing_page,
    coalesce(p.pageview_count, 0)                       as pageview_count,
    coalesce(p.pageview_count, 0) = 1                   as is_bounce,
    coalesce(p.reached_product_page, false)             as reached_product_page,
    coalesce(p.reached_cart, false)                     as reached_cart,
    coalesce(p.reached_shipping or p.reached_billing, false) as reached_checkout,
    coalesce(p.reached_thank_you, false)                as reached_purchase,
    p.billing_page,
    case
        when p.reached_thank_you then 5
        when p.reached_shipping or p.reached_billing then 4
        when p.reached_cart then 3
        when p.reached_product_page then 2
        else 1
    end                                                 as furthest_funnel_stage,
    greatest(s.session_started_at, coalesce(p.last_pageview_at, s.session_started_at)) as last_activity_at
{% if is_incremental() %}
-- the batch's sessions are picked before the joins (DuckDB applies a filter written after left joins only
-- once they have run, over every session), and the joined tables are filtered to the batch too, so their
-- whole history is not hashed for the join
from (select * from {{ ref('stg_web__sessions') }} where session_id in (select session_id from batch)) as s
left join (select * from {{ ref('int_sessions__channel_grouped') }} where session_id in (select session_id from batch)) as c on c.session_id = s.session_id
left join (select * from {{ ref('int_sessions__pageview_summary') }} where session_id in (select session_id from batch)) as p on p.session_id = s.session_id
{% else %}
from {{ ref('stg_web__sessions') }} as s
left join {{ ref('int_sessions__channel_grouped') }} as c on c.session_id = s.session_id
left join {{ ref('int_sessions__pageview_summary') }} as p on p.session_id = s.session_id
{% endif %}
