-- Every order's revenue and cost equal the sums of its items (fails with the orders that differ).
select o.order_id, o.revenue_usd, o.cogs_usd, i.items_revenue_usd, i.items_cogs_usd
from {{ ref('fct_orders') }} as o
left join (
    select order_id, sum(price_usd) as items_revenue_usd, sum(cogs_usd) as items_cogs_usd, count(*) as items
    from {{ ref('fct_order_items') }}
    group by order_id
) as i on i.order_id = o.order_id
where i.order_id is null
   or abs(o.revenue_usd - i.items_revenue_usd) > 0.005
   or abs(o.cogs_usd - i.items_cogs_usd) > 0.005
   or o.items_purchased <> i.items
