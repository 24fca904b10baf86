-- One row per category with its ancestors: level 1 is the root of its tree, depth counts from 1.
with recursive paths as (
    select category_id, parent_category_id, 1 as depth, [category_id] as lineage
    from {{ ref('stg_catalog__category_tree') }}
    where parent_category_id is null
    union all
    select child.category_id, child.parent_category_id, paths.depth + 1, list_append(paths.lineage, child.category_id)
    from {{ ref('stg_catalog__category_tree') }} as child
    join paths on child.parent_category_id = paths.category_id
    where paths.depth < 10
)

select
    category_id,
    parent_category_id,
    depth,
    lineage[1]                              as level_1_category_id,
    lineage[2]                              as level_2_category_id,
    lineage[3]                              as level_3_category_id,
    array_to_string(lineage, ' > ')         as category_path
from paths
