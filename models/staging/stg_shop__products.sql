-- One row per product, with the path of its product page (how the page views name it).
select
    cast(product_id as bigint)             as product_id,
    cast(created_at as timestamp)          as launched_at,
    trim(cast(product_name as varchar))    as product_name,
    '/' || regexp_replace(regexp_replace(lower(trim(cast(product_name as varchar))), '[^a-z0-9 ]', '', 'g'), ' +', '-', 'g') as product_url
from {{ source('shop', 'products') }}
