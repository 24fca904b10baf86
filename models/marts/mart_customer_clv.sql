-- One row per customer: historical value and a predicted lifetime value.
-- repeat_rate r = share of orders that were followed by another order of the same customer (whole shop);
-- with a constant r a customer places r / (1 - r) more orders on average (geometric series), so
-- predicted_future_margin_usd = aov_usd * margin_rate * r / (1 - r) and
-- predicted_clv_usd = historical_margin_usd + predicted_future_margin_usd.
with customers as (
    select
        user_id,
        count(*)                        as orders,
        sum(revenue_usd)                as revenue_usd,
        sum(net_revenue_usd)            as net_revenue_usd,
        sum(margin_usd - refund_usd)    as margin_usd,
        min(order_date)                 as first_order_date,
        max(order_date)                 as last_order_date
    from {{ ref('fct_orders') }}
    group by user_id
),

shop as (
    select {{ safe_divide('count(*) - count(distinct user_id)', 'count(*)') }} as repeat_rate
    from {{ ref('fct_orders') }}
)

select
    c.user_id,
    c.orders,
    c.first_order_date,
    c.last_order_date,
    c.net_revenue_usd                                       as historical_clv_usd,
    c.margin_usd                                            as historical_margin_usd,
    {{ safe_divide('c.revenue_usd', 'c.orders') }}          as aov_usd,
    {{ safe_divide('c.margin_usd', 'c.net_revenue_usd') }}  as margin_rate,
    shop.repeat_rate,
    {{ safe_divide('c.margin_usd', 'c.orders') }} * {{ safe_divide('shop.repeat_rate', '1 - shop.repeat_rate') }} as predicted_future_margin_usd,
    c.margin_usd + coalesce({{ safe_divide('c.margin_usd', 'c.orders') }} * {{ safe_divide('shop.repeat_rate', '1 - shop.repeat_rate') }}, 0) as predicted_clv_usd
from customers as c
cross join shop
