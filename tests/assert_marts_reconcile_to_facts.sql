-- Marts add up to the facts they summarise: sessions, orders, revenue, spend and customers.
with checks as (
    select 'daily summary sessions' as measure,
        (select count(*) from {{ ref('fct_sessions') }})::double as fact_value,
        (select sum(sessions) from {{ ref('mart_daily_channel_summary') }})::double as mart_value
    union all
    select 'daily summary orders',
        (select count(*) from {{ ref('fct_orders') }}),
        (select sum(orders) from {{ ref('mart_daily_channel_summary') }})
    union all
    select 'daily summary revenue',
        (select sum(revenue_usd) from {{ ref('fct_orders') }}),
        (select sum(revenue_usd) from {{ ref('mart_daily_channel_summary') }})
    union all
    select 'daily summary bounces',
        (select count(*) from {{ ref('fct_sessions') }} where is_bounce),
        (select sum(bounces) from {{ ref('mart_daily_channel_summary') }})
    union all
    select 'funnel visits',
        (select count(*) from {{ ref('fct_sessions') }}),
        (select sum(visit_sessions) from {{ ref('mart_session_funnel_daily') }})
    union all
    select 'funnel purchases = orders with a session',
        (select count(*) from {{ ref('fct_orders') }} where session_id in (select session_id from {{ ref('fct_sessions') }})),
        (select sum(purchase_sessions) from {{ ref('mart_session_funnel_daily') }})
    union all
    select 'product revenue',
        (select sum(revenue_usd) from {{ ref('fct_orders') }}),
        (select sum(revenue_usd) from {{ ref('mart_product_performance') }})
    union all
    select 'revenue concentration',
        (select sum(revenue_usd) from {{ ref('fct_orders') }}),
        (select sum(revenue_usd) from {{ ref('mart_revenue_concentration') }})
    union all
    select 'new + repeat orders',
        (select count(*) from {{ ref('fct_orders') }}),
        (select sum(new_orders + repeat_orders) from {{ ref('mart_orders_new_vs_repeat_monthly') }})
    union all
    select 'new orders = customers',
        (select count(distinct user_id) from {{ ref('fct_orders') }}),
        (select sum(new_orders) from {{ ref('mart_orders_new_vs_repeat_monthly') }})
    union all
    select 'marketing spend',
        (select sum(spend_usd) from {{ ref('fct_ad_spend') }}),
        (select sum(spend_usd) from {{ ref('mart_marketing_efficiency') }})
    union all
    select 'rfm customers',
        (select count(distinct user_id) from {{ ref('fct_orders') }}),
        (select count(*) from {{ ref('mart_customer_rfm') }})
    union all
    select 'weekly cohort users',
        (select count(distinct user_id) from {{ ref('fct_sessions') }}),
        (select sum(cohort_users) from {{ ref('mart_cohort_weekly_retention') }} where week_number = 0)
    union all
    select 'monthly cohort orders',
        (select count(*) from {{ ref('fct_orders') }}),
        (select sum(orders) from {{ ref('mart_cohort_monthly_orders') }})
)

select * from checks
where mart_value is distinct from fact_value and abs(mart_value - fact_value) > 0.005
