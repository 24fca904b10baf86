{% snapshot products_snapshot %}
{{ config(target_schema='snapshots', unique_key='product_id', strategy='check',
          check_cols=['product_name', 'current_price_usd', 'category_id', 'is_available']) }}
-- The catalog as it stands at each run; repeated runs keep an SCD type 2 history (dbt_valid_from/to) of
-- price, category and availability. (int_products__catalog_history rebuilds the full past from the log.)
select product_id, product_name, current_price_usd, category_id, is_available
from {{ ref('dim_product') }}
{% endsnapshot %}
