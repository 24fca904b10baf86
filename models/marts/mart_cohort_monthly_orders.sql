-- One row per monthly customer cohort (month of first order) and month number since: customers who
-- ordered again and their revenue. Month 0 is the first-order month (retention 100% by definition).
with orders as (
    select
        user_id,
        order_date,
        revenue_usd,
        cast(date_trunc('month', min(order_date) over (partition by user_id)) as date) as cohort_month
    from {{ ref('fct_orders') }}
),

activity as (
    select
        cohort_month,
        cast(date_diff('month', cohort_month, date_trunc('month', order_date)) as integer) as month_number,
        user_id,
        revenue_usd
    from orders
),

cohorts as (
    select cohort_month, count(distinct user_id) as cohort_customers
    from activity
    group by cohort_month
)

select
    a.cohort_month,
    a.month_number,
    c.cohort_customers,
    count(distinct a.user_id)                               as active_customers,
    count(*)                                                as orders,
    sum(a.revenue_usd)                                      as revenue_usd,
    {{ safe_divide('count(distinct a.user_id)', 'c.cohort_customers') }} as retention_rate
from activity as a
join cohorts as c on c.cohort_month = a.cohort_month
group by a.cohort_month, a.month_number, c.cohort_customers
