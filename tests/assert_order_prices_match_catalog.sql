-- An order item's price equals the catalog price (property 790) when its session started: ties the
-- change-log history to the order system.
select order_item_id, product_id, price_usd, catalog_price_usd
from {{ ref('fct_order_items') }}
where catalog_price_usd is distinct from price_usd
