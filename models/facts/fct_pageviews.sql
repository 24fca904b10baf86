{{ config(materialized='incremental', unique_key='pageview_id', incremental_strategy='delete+insert', on_schema_change='fail') }}
-- One row per page view, typed by page and numbered within its session.
-- Incremental: a run rebuilds every page view of the sessions with a page view in the lookback window,
-- whole sessions at a time, so pageview_number stays right when a session spans midnight.
-- depends_on: {{ ref('int_sessions__pageview_summary') }}
with
{% if is_incremental() %}
-- the sessions with a page view in the window, with their first page view (the summary covers every
-- page view of a session: it is rebuilt over whole sessions)
batch as (
    select session_id, first_pageview_at from {{ ref('int_sessions__pageview_summary') }}
    where last_pageview_at >= {{ incremental_cutoff('viewed_at') }}
),
{% endif %}

pageviews as (
    select *
    from {{ ref('stg_web__pageviews') }}
    {% if is_incremental() %}
    -- no page view of a batch session is older than the session's first: the bound lets the scan skip
    -- the file's older row groups instead of reading every page view to find the batch's
    where viewed_at >= (select min(first_pageview_at) from batch)
      and session_id in (select session_id from batch)
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
{% if is_incremental() %}
left join (select session_id, user_id from {{ ref('stg_web__sessions') }} where session_id in (select session_id from batch)) as s on s.session_id = pv.session_id
{% else %}
left join {{ ref('stg_web__sessions') }} as s on s.session_id = pv.session_id
{% endif %}
left join {{ ref('stg_shop__products') }} as products on products.product_url = pv.pageview_url
