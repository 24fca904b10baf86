{{ config(materialized='incremental', unique_key='pageview_id', incremental_strategy='delete+insert', on_schema_change='fail') }}
-- One row per page view, typed by page and numbered within its session.
-- Incremental: a run rebuilds every page view of the sessions with a page view in the lookback window,
-- whole sessions at a time, so pageview_number stays right when a session spans midnight.
with pageviews as (
    select *
    from {{ ref('stg_web__pageviews') }}
    {% if is_incremental() %}
    where session_id in (
        select session_id from {{ ref('stg_web__pageviews') }}
        where viewed_at >= {{ incremental_cutoff('viewed_at') }}
    )
    {% endif %}
)

select
    pv.pageview_id,
    pv.session_id,
    s.user_id,
    pv.viewed_at,
    cast(pv.viewed_at as date)                  as view_date,
    pv.pageview_url,
    case
        when pv.pageview_url = '/home' or pv.pageview_url like '/lander-%' then 'landing'
        when pv.pageview_url = '/products' then 'product_list'
        when products.product_id is not null then 'product'
        when pv.pageview_url = '/cart' then 'cart'
        when pv.pageview_url = '/shipping' then 'shipping'
        when pv.pageview_url in ('/billing', '/billing-2') then 'billing'
        when pv.pageview_url = '/thank-you-for-your-order' then 'thank_you'
        else 'other'
    end                                         as page_type,
    products.product_id,
    row_number() over (partition by pv.session_id order by pv.pageview_id) as pageview_number
from pageviews as pv
left join {{ ref('stg_web__sessions') }} as s on s.session_id = pv.session_id
left join {{ ref('stg_shop__products') }} as products on products.product_url = pv.pageview_url
