-- One row per customer (user with an order): recency, frequency and monetary value as of the day after
-- the last order in the data, their 1-5 scores (rank-based, ties share a score) and the named segment.
with customers as (
    select
        user_id,
        max(order_date)                 as last_order_date,
        count(*)                        as frequency,
        sum(net_revenue_usd)            as monetary_usd
    from {{ ref('fct_orders') }}
    group by user_id
),

as_of as (
    select max(order_date) + 1 as as_of_date from {{ ref('fct_orders') }}
),

measured as (
    select customers.*, as_of.as_of_date, date_diff('day', customers.last_order_date, as_of.as_of_date) as recency_days
    from customers cross join as_of
),

scored as (
    select
        *,
        {{ rfm_score('recency_days', higher_is_better=false) }} as r_score,
        {{ rfm_score('frequency') }}                           as f_score,
        {{ rfm_score('monetary_usd') }}                        as m_score
    from measured
)

select
    scored.user_id,
    scored.as_of_date,
    scored.last_order_date,
    scored.recency_days,
    scored.frequency,
    scored.monetary_usd,
    scored.r_score,
    scored.f_score,
    scored.m_score,
    cast(floor((scored.f_score + scored.m_score + 1) / 2) as integer)     as fm_score,
    cast(scored.r_score as varchar) || cast(scored.f_score as varchar) || cast(scored.m_score as varchar) as rfm_code,
    segments.segment,
    segments.churn_risk
from scored
left join {{ ref('rfm_segments') }} as segments
  on segments.r_score = scored.r_score
 and segments.fm_score = cast(floor((scored.f_score + scored.m_score + 1) / 2) as integer)
