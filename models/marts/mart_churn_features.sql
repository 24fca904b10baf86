-- One row per customer who ordered on or before the cutoff date: features known at the cutoff and the
-- label observed after it, ready to train a churn model on.
-- Cutoff: var churn_cutoff_date, or 30 days before the last order in the data. Features use activity up
-- to the end of the cutoff day (60-day engagement: the 60 days ending on it); churned = no order in
-- the 30 days after the cutoff.
with cutoff as (
    {% if var('churn_cutoff_date', '') %}
    select cast('{{ var('churn_cutoff_date') }}' as date) as cutoff_date
    {% else %}
    select cast(max(order_date) - 30 as date) as cutoff_date from {{ ref('fct_orders') }}
    {% endif %}
),

history as (
    select
        o.user_id,
        count(*)                                            as frequency,
        sum(o.revenue_usd)                                  as monetary_usd,
        max(o.order_date)                                   as last_order_date,
        min(o.order_date)                                   as first_order_date
    from {{ ref('fct_orders') }} as o, cutoff
    where o.order_date <= cutoff.cutoff_date
    group by o.user_id
),

sessions_60d as (
    select
        s.user_id,
        count(*)                                    as sessions_60d,
        sum(s.pageview_count)                       as pageviews_60d,
        count(*) filter (where s.is_bounce)         as bounced_sessions_60d,
        count(distinct s.session_date)              as active_days_60d
    from {{ ref('fct_sessions') }} as s, cutoff
    where s.session_date > cutoff.cutoff_date - 60 and s.session_date <= cutoff.cutoff_date
    group by s.user_id
),

events_60d as (
    select
        e.user_id,
        count(*) filter (where e.event_type = 'view')       as product_views_60d,
        count(*) filter (where e.event_type = 'addtocart')  as cart_adds_60d
    from {{ ref('fct_events') }} as e, cutoff
    where e.event_date > cutoff.cutoff_date - 60 and e.event_date <= cutoff.cutoff_date
    group by e.user_id
),

future as (
    select o.user_id, count(*) as orders_next_30d
    from {{ ref('fct_orders') }} as o, cutoff
    where o.order_date > cutoff.cutoff_date and o.order_date <= cutoff.cutoff_date + 30
    group by o.user_id
)

select
    h.user_id,
    cutoff.cutoff_date,
    date_diff('day', h.last_order_date, cutoff.cutoff_date)     as recency_days,
    date_diff('day', h.first_order_date, cutoff.cutoff_date)    as tenure_days,
    h.frequency,
    h.monetary_usd,
    {{ safe_divide('h.monetary_usd', 'h.frequency') }}          as avg_order_value_usd,
    coalesce(s.sessions_60d, 0)                                 as sessions_60d,
    coalesce(s.pageviews_60d, 0)                                as pageviews_60d,
    coalesce(s.bounced_sessions_60d, 0)                         as bounced_sessions_60d,
    coalesce(s.active_days_60d, 0)                              as active_days_60d,
    coalesce(e.product_views_60d, 0)                            as product_views_60d,
    coalesce(e.cart_adds_60d, 0)                                as cart_adds_60d,
    coalesce(f.orders_next_30d, 0)                              as orders_next_30d,
    coalesce(f.orders_next_30d, 0) = 0                          as churned
from history as h
cross join cutoff
left join sessions_60d as s on s.user_id = h.user_id
left join events_60d as e on e.user_id = h.user_id
left join future as f on f.user_id = h.user_id
