{{ config(materialized='incremental', unique_key='session_id', incremental_strategy='delete+insert', on_schema_change='fail') }}
-- One row per session that has page views: landing page, page count and how far down the funnel it went.
-- Incremental: a run re-summarises every session with a page view in the lookback window, over all of
-- that session's page views (a session spanning midnight gets its later pages added, not a second row).
with pageviews as (
    select
        pv.session_id,
        pv.pageview_id,
        pv.viewed_at,
        pv.pageview_url,
        products.product_id is not null as is_product_page
    {% if is_incremental() %}
    -- the batch's page views are picked before the join: DuckDB applies a filter written after a left join
    -- only once the join has run, over every page view
    from (
        select * from {{ ref('stg_web__pageviews') }}
        where session_id in (
            select session_id from {{ ref('stg_web__pageviews') }}
            where viewed_at >= {{ incremental_cutoff('last_pageview_at') }}
        )
    ) as pv
    {% else %}
    from {{ ref('stg_web__pageviews') }} as pv
    {% endif %}
    left join {{ ref('stg_shop__products') }} as products on products.product_url = pv.pageview_url
)

select
    session_id,
    count(*)                                                        as pageview_count,
    arg_min(pageview_url, pageview_id)                              as landing_page,
    min(viewed_at)                                                  as first_pageview_at,
    max(viewed_at)                                                  as last_pageview_at,
    bool_or(pageview_url = '/products')                             as reached_products,
    bool_or(is_product_page)                                        as reached_product_page,
    bool_or(pageview_url = '/cart')                                 as reached_cart,
    bool_or(pageview_url = '/shipping')                             as reached_shipping,
    bool_or(pageview_url in ('/billing', '/billing-2'))             as reached_billing,
    bool_or(pageview_url = '/thank-you-for-your-order')             as reached_thank_you,
    max(case when pageview_url in ('/billing', '/billing-2') then pageview_url end) as billing_page
from pageviews
group by session_id
