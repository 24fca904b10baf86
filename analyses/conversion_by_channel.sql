-- The README's headline table: conversion rate, AOV and bounce rate by channel over the whole period.
-- `npx tsdbt compile -s conversion_by_channel` writes the runnable SQL to target/compiled/.
select
    channel_group,
    sum(sessions)                                           as sessions,
    sum(orders)                                             as orders,
    {{ safe_divide('sum(orders)', 'sum(sessions)') }}       as conversion_rate,
    {{ safe_divide('sum(revenue_usd)', 'sum(orders)') }}    as aov_usd,
    {{ safe_divide('sum(bounces)', 'sum(sessions)') }}      as bounce_rate
from {{ ref('mart_daily_channel_summary') }}
group by channel_group
order by sessions desc
