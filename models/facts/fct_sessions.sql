-- One row per website session with channel, landing page, bounce, funnel stage and its order (if any).
select
    s.*,
    o.order_id,
    o.order_id is not null                  as has_order,
    coalesce(o.revenue_usd, 0)              as revenue_usd
from {{ ref('int_sessions__enriched') }} as s
left join {{ ref('stg_shop__orders') }} as o on o.session_id = s.session_id
