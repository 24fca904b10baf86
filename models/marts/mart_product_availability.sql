-- One row per product: how often it was viewed while out of stock (demand the shop could not serve).
select
    p.product_id,
    p.product_name,
    p.is_available                                                      as is_available_now,
    count(e.event_id) filter (where e.event_type = 'view')              as view_events,
    count(e.event_id) filter (where e.event_type = 'view' and not e.is_available_at_event) as out_of_stock_views,
    count(distinct e.user_id) filter (where e.event_type = 'view' and not e.is_available_at_event) as out_of_stock_view_users,
    count(distinct e.event_date) filter (where not e.is_available_at_event) as out_of_stock_days_with_views,
    {{ safe_divide("count(e.event_id) filter (where e.event_type = 'view' and not e.is_available_at_event)", "count(e.event_id) filter (where e.event_type = 'view')") }} as out_of_stock_view_share
from {{ ref('dim_product') }} as p
left join {{ ref('fct_events') }} as e on e.product_id = p.product_id
group by p.product_id, p.product_name, p.is_available
