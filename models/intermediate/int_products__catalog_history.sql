-- The catalog change log turned into an SCD type 2 history: one row per product and period during which
-- its price, category and availability were all constant. valid_to is NULL for the current row.
-- Property 790 is the price (`n49.990`: an `n`, then the number); other hashed properties are ignored.
with changes as (
    select
        product_id,
        changed_at,
        max(case when property = '790'
                 then cast(nullif(regexp_extract(property_value, 'n(-?[0-9]+(\.[0-9]+)?)', 1), '') as decimal(12, 2)) end) as price_usd,
        max(case when property = 'categoryid' then try_cast(property_value as bigint) end) as category_id,
        max(case when property = 'available' then try_cast(property_value as integer) end) as available_flag
    from {{ ref('stg_catalog__item_properties') }}
    where property in ('790', 'categoryid', 'available')
    group by product_id, changed_at
),

filled as (
    select
        product_id,
        changed_at as valid_from,
        last_value(price_usd ignore nulls) over w      as price_usd,
        last_value(category_id ignore nulls) over w    as category_id,
        last_value(available_flag ignore nulls) over w as available_flag
    from changes
    window w as (partition by product_id order by changed_at rows between unbounded preceding and current row)
)

select
    product_id,
    valid_from,
    lead(valid_from) over (partition by product_id order by valid_from) as valid_to,
    price_usd,
    category_id,
    available_flag = 1                                                as is_available,
    lead(valid_from) over (partition by product_id order by valid_from) is null as is_current
from filled
