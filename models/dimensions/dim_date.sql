-- One row per calendar day from the first to the last day any source mentions.
with bounds as (
    select min(d) as first_day, max(d) as last_day
    from (
        select min(session_date) as d from {{ ref('int_sessions__enriched') }}
        union all select max(session_date) from {{ ref('int_sessions__enriched') }}
        union all select min(spend_date) from {{ ref('stg_marketing__ad_spend') }}
        union all select max(spend_date) from {{ ref('stg_marketing__ad_spend') }}
        union all select max(cast(refunded_at as date)) from {{ ref('stg_shop__order_item_refunds') }}
        union all select cast(min(event_at) as date) from {{ ref('stg_clickstream__events') }}
        union all select cast(max(event_at) as date) from {{ ref('stg_clickstream__events') }}
    )
)

select
    cast(day as date)                                   as date_day,
    year(day)                                           as year,
    quarter(day)                                        as quarter,
    month(day)                                          as month,
    monthname(day)                                      as month_name,
    cast(date_trunc('month', day) as date)              as month_start,
    cast(date_trunc('week', day) as date)               as week_start,
    isodow(day)                                         as iso_day_of_week,
    dayname(day)                                        as day_name,
    isodow(day) >= 6                                    as is_weekend
from bounds, range(first_day, last_day + interval 1 day, interval 1 day) as t(day)
