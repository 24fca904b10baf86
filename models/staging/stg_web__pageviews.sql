-- One row per page view.
select
    cast(website_pageview_id as bigint)    as pageview_id,
    cast(created_at as timestamp)          as viewed_at,
    cast(website_session_id as bigint)     as session_id,
    lower(trim(cast(pageview_url as varchar))) as pageview_url
from {{ source('web', 'website_pageviews') }}
