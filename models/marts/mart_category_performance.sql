-- One row per category at any level of the tree: the totals of every product filed under it.
with product_categories as (
    select product_id, unnest([level_1_category_id, level_2_category_id, level_3_category_id]) as rollup_category_id
    from {{ ref('dim_product') }}
)

select
    pc.rollup_category_id                   as category_id,
    cat.depth                               as category_depth,
    cat.category_path,
    count(distinct pc.product_id)           as products,
    sum(perf.view_events)                   as view_events,
    sum(perf.cart_adds)                     as cart_adds,
    sum(perf.units_sold)                    as units_sold,
    sum(perf.revenue_usd)                   as revenue_usd,
    sum(perf.margin_usd)                    as margin_usd,
    sum(perf.refund_usd)                    as refund_usd,
    {{ safe_divide('sum(perf.cart_adds)', 'sum(perf.view_events)') }} as cart_add_rate,
    {{ safe_divide('sum(perf.margin_usd)', 'sum(perf.revenue_usd)') }} as margin_rate
from product_categories as pc
join {{ ref('mart_product_performance') }} as perf on perf.product_id = pc.product_id
join {{ ref('int_categories__paths') }} as cat on cat.category_id = pc.rollup_category_id
where pc.rollup_category_id is not null
group by pc.rollup_category_id, cat.depth, cat.category_path
