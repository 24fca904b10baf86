-- One row per category with its parent (NULL for a root).
select
    cast(categoryid as bigint)             as category_id,
    cast(parentid as bigint)               as parent_category_id
from {{ source('catalog', 'category_tree') }}
