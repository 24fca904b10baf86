-- One row per ordered product pair (antecedent -> consequent) bought together in at least one order.
-- support = orders with both / all orders; confidence = orders with both / orders with the antecedent;
-- lift = confidence / (orders with the consequent / all orders) (> 1: bought together more than chance).
with baskets as (
    select distinct order_id, product_id from {{ ref('fct_order_items') }}
),

totals as (
    select count(distinct order_id) as all_orders from baskets
),

product_orders as (
    select product_id, count(*) as orders from baskets group by product_id
),

pairs as (
    select a.product_id as antecedent_product_id, b.product_id as consequent_product_id, count(*) as pair_orders
    from baskets as a
    join baskets as b on a.order_id = b.order_id and a.product_id <> b.product_id
    group by a.product_id, b.product_id
)

select
    pairs.antecedent_product_id,
    pa.product_name                                         as antecedent_product_name,
    pairs.consequent_product_id,
    pc.product_name                                         as consequent_product_name,
    pairs.pair_orders,
    a.orders                                                as antecedent_orders,
    c.orders                                                as consequent_orders,
    totals.all_orders,
    {{ safe_divide('pairs.pair_orders', 'totals.all_orders') }}     as support,
    {{ safe_divide('pairs.pair_orders', 'a.orders') }}              as confidence,
    {{ safe_divide('pairs.pair_orders', 'a.orders') }} / {{ safe_divide('c.orders', 'totals.all_orders') }} as lift
from pairs
cross join totals
join product_orders as a on a.product_id = pairs.antecedent_product_id
join product_orders as c on c.product_id = pairs.consequent_product_id
left join {{ ref('dim_product') }} as pa on pa.product_id = pairs.antecedent_product_id
left join {{ ref('dim_product') }} as pc on pc.product_id = pairs.consequent_product_id
