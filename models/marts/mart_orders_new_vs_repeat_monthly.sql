-- One row per month: orders and revenue from a customer's first order (new) vs later orders (repeat).
select
    cast(date_trunc('month', order_date) as date)                   as month_start,
    count(*)                                                        as orders,
    count(*) filter (where not is_repeat_order)                     as new_orders,
    count(*) filter (where is_repeat_order)                         as repeat_orders,
    coalesce(sum(revenue_usd) filter (where not is_repeat_order), 0) as new_revenue_usd,
    coalesce(sum(revenue_usd) filter (where is_repeat_order), 0)    as repeat_revenue_usd,
    {{ safe_divide('count(*) filter (where is_repeat_order)', 'count(*)') }} as repeat_order_share
from {{ ref('fct_orders') }}
group by all
