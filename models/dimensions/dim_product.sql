-- One row per product: name, page, launch, current price/availability and its place in the category tree.
with current_state as (
    select product_id, price_usd, category_id, is_available
    from {{ ref('int_products__catalog_history') }}
    where is_current
),

changes as (
    select product_id, count(*) - 1 as catalog_changes
    from {{ ref('int_products__catalog_history') }}
    group by product_id
)

select
    p.product_id,
    p.product_name,
    p.product_url,
    p.launched_at,
    cs.price_usd                    as current_price_usd,
    cs.is_available                 as is_available,
    cs.category_id,
    cat.category_path,
    cat.depth                       as category_depth,
    cat.level_1_category_id,
    cat.level_2_category_id,
    cat.level_3_category_id,
    coalesce(changes.catalog_changes, 0) as catalog_changes
from {{ ref('stg_shop__products') }} as p
left join current_state as cs on cs.product_id = p.product_id
left join {{ ref('int_categories__paths') }} as cat on cat.category_id = cs.category_id
left join changes on changes.product_id = p.product_id
