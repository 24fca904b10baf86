{{ config(materialized='incremental', unique_key='session_id', incremental_strategy='delete+insert', on_schema_change='fail') }}
-- One row per website session with channel, landing page, bounce, funnel stage and its order (if any).
-- Incremental: a run rebuilds the sessions active (started or viewed a page) within the lookback window,
-- and the sessions of orders placed within it (an order can come after its session's last page view).
select
    s.*,
    o.order_id,
    o.order_id is not null                  as has_order,
    coalesce(o.revenue_usd, 0)              as revenue_usd
from {{ ref('int_sessions__enriched') }} as s
left join {{ ref('stg_shop__orders') }} as o on o.session_id = s.session_id
{% if is_incremental() %}
where s.session_id in (
    select session_id from {{ ref('int_sessions__enriched') }}
    where last_activity_at >= {{ incremental_cutoff('last_activity_at') }}
    union
    select session_id from {{ ref('stg_shop__orders') }}
    where ordered_at >= {{ incremental_cutoff('last_activity_at') }}
)
{% endif %}
