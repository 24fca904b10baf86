-- Each stage of the session funnel holds at most as many sessions as the stage before it.
select *
from {{ ref('mart_session_funnel_daily') }}
where product_view_sessions > visit_sessions
   or cart_sessions > product_view_sessions
   or checkout_sessions > cart_sessions
   or purchase_sessions > checkout_sessions
