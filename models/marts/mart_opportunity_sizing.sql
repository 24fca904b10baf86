-- One row per month and segment (first-touch channel group, first device, new vs returning): the
-- view -> purchase conversion gap against the whole shop in the same month, and the upside of closing it.
-- segment_cvr = purchase_users / view_users; target_cvr = the same ratio over all users of the month;
-- incremental_orders = view_users * max(0, target_cvr - segment_cvr); incremental_gmv_usd = incremental_orders * aov_usd
-- (the segment's AOV, or the month's when the segment has no orders).
with user_months as (
    select
        cast(date_trunc('month', e.event_date) as date)                 as month_start,
        e.user_id,
        bool_or(e.event_type = 'view')                                  as viewed,
        bool_or(e.event_type = 'transaction')                           as purchased
    from {{ ref('fct_events') }} as e
    group by all
),

orders as (
    select cast(date_trunc('month', order_date) as date) as month_start, user_id, count(*) as orders, sum(revenue_usd) as revenue_usd
    from {{ ref('fct_orders') }}
    group by all
),

segmented as (
    select
        um.month_start,
        um.user_id,
        um.viewed,
        um.purchased,
        coalesce(o.orders, 0)               as orders,
        coalesce(o.revenue_usd, 0)          as revenue_usd,
        c.first_channel_group               as channel_group,
        c.first_device_type                 as device_type,
        case when date_trunc('month', c.first_seen_date) = um.month_start then 'new' else 'returning' end as visitor_type
    from user_months as um
    left join orders as o on o.month_start = um.month_start and o.user_id = um.user_id
    left join {{ ref('dim_customer') }} as c on c.user_id = um.user_id
),

by_segment as (
    select month_start, 'channel_group' as segment_type, coalesce(channel_group, 'unknown') as segment_value,
        count(*) filter (where viewed) as view_users, count(*) filter (where viewed and purchased) as purchase_users,
        sum(orders) as orders, sum(revenue_usd) as revenue_usd
    from segmented group by all
    union all
    select month_start, 'device_type', coalesce(device_type, 'unknown'),
        count(*) filter (where viewed), count(*) filter (where viewed and purchased), sum(orders), sum(revenue_usd)
    from segmented group by all
    union all
    select month_start, 'visitor_type', visitor_type,
        count(*) filter (where viewed), count(*) filter (where viewed and purchased), sum(orders), sum(revenue_usd)
    from segmented group by all
),

overall as (
    select
        month_start,
        {{ safe_divide('count(*) filter (where viewed and purchased)', 'count(*) filter (where viewed)') }} as target_cvr,
        {{ safe_divide('sum(revenue_usd)', 'sum(orders)') }} as month_aov_usd
    from segmented
    group by month_start
),

sized as (
    select
        s.*,
        {{ safe_divide('s.purchase_users', 's.view_users') }}                      as segment_cvr,
        o.target_cvr,
        coalesce({{ safe_divide('s.revenue_usd', 's.orders') }}, o.month_aov_usd)  as aov_usd
    from by_segment as s
    join overall as o on o.month_start = s.month_start
)

select
    *,
    view_users * greatest(0, target_cvr - coalesce(segment_cvr, 0))               as incremental_orders,
    view_users * greatest(0, target_cvr - coalesce(segment_cvr, 0)) * aov_usd     as incremental_gmv_usd
from sized
