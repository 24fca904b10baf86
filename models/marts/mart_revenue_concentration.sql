-- One row per customer decile by revenue (decile 1 = the top 10% of customers): Pareto analysis.
-- revenue_share = decile revenue / all revenue; cumulative_revenue_share sums deciles 1..n, so the
-- row of decile 2 answers "what share of revenue comes from the top 20% of customers".
with customers as (
    select user_id, sum(revenue_usd) as revenue_usd
    from {{ ref('fct_orders') }}
    group by user_id
),

ranked as (
    select
        user_id,
        revenue_usd,
        -- deterministic order: ties on revenue broken by user_id
        ntile(10) over (order by revenue_usd desc, user_id) as revenue_decile
    from customers
),

deciles as (
    select revenue_decile, count(*) as customers, sum(revenue_usd) as revenue_usd
    from ranked
    group by revenue_decile
)

select
    revenue_decile,
    customers,
    revenue_usd,
    {{ safe_divide('revenue_usd', 'sum(revenue_usd) over ()') }}                                   as revenue_share,
    {{ safe_divide('sum(customers) over (order by revenue_decile)', 'sum(customers) over ()') }}   as cumulative_customer_share,
    {{ safe_divide('sum(revenue_usd) over (order by revenue_decile)', 'sum(revenue_usd) over ()') }} as cumulative_revenue_share
from deciles
