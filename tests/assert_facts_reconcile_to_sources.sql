-- Facts keep every source row: counts and money of the facts equal those of the raw files.
with checks as (
    select 'orders' as measure,
        (select count(*) from {{ source('shop', 'orders') }})::double as source_value,
        (select count(*) from {{ ref('fct_orders') }})::double as fact_value
    union all
    select 'order revenue',
        (select sum(cast(price_usd as decimal(14, 2))) from {{ source('shop', 'orders') }}),
        (select sum(revenue_usd) from {{ ref('fct_orders') }})
    union all
    select 'order items',
        (select count(*) from {{ source('shop', 'order_items') }}),
        (select count(*) from {{ ref('fct_order_items') }})
    union all
    select 'refunds',
        (select sum(cast(refund_amount_usd as decimal(14, 2))) from {{ source('shop', 'order_item_refunds') }}),
        (select sum(refund_usd) from {{ ref('fct_orders') }})
    union all
    select 'sessions',
        (select count(*) from {{ source('web', 'website_sessions') }}),
        (select count(*) from {{ ref('fct_sessions') }})
    union all
    select 'page views',
        (select count(*) from {{ source('web', 'website_pageviews') }}),
        (select count(*) from {{ ref('fct_pageviews') }})
    union all
    select 'page views per session',
        (select count(*) from {{ source('web', 'website_pageviews') }}),
        (select sum(pageview_count) from {{ ref('fct_sessions') }})
    union all
    select 'events',
        (select count(*) from {{ source('clickstream', 'events') }}),
        (select count(*) from {{ ref('fct_events') }})
    union all
    select 'users',
        (select count(*) from (
            select cast(user_id as bigint) from {{ source('web', 'website_sessions') }}
            union select cast(visitorid as bigint) from {{ source('clickstream', 'events') }})),
        (select count(*) from {{ ref('dim_customer') }})
    union all
    select 'customers',
        (select count(distinct user_id) from {{ source('shop', 'orders') }}),
        (select count(*) from {{ ref('dim_customer') }} where is_customer)
    union all
    select 'ad spend',
        (select sum(cast(spend_usd as decimal(14, 2))) from {{ source('marketing', 'ad_spend') }}),
        (select sum(spend_usd) from {{ ref('fct_ad_spend') }})
)

select * from checks
where source_value is distinct from fact_value and abs(source_value - fact_value) > 0.005
