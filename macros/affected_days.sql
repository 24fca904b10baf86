{#-
  The days a day-grain mart recomputes on an incremental run (whole days, delete+insert on the day key).
  A new load can only change facts whose own timestamp lies on or after the previous high-water mark minus
  the lookback (the contract incremental_cutoff() relies on). The mart's latest day is at most that high-water
  mark's day, so `affected_since()` = the mart's latest day minus the lookback, at midnight, is on or before
  every changed fact: the days to recompute are the days of the facts with a timestamp on or after it
  (a session spanning midnight, an order, or a refund of an order weeks old all mark their own day).
-#}
{% macro affected_since(day_column, where=none) -%}
{%- if where is none -%}
{{ incremental_cutoff(day_column) }}
{%- else -%}
{#- the latest day among the rows matching `where` (e.g. days that had sessions, for a mart whose own
    days can run ahead of the sessions: ad spend booked for a day with no traffic yet) -#}
(select coalesce(cast(max({{ day_column }}) as timestamp), timestamp '1900-01-01') - interval '{{ incremental_lookback_days() }} days' from {{ this }} where {{ where }})
{%- endif -%}
{%- endmacro %}

{#- SQL: the session days whose sessions may have changed (activity, or an order placed, since `since`). -#}
{% macro affected_session_days(since) -%}
    select session_date as day from {{ ref('fct_sessions') }} where last_activity_at >= {{ since }}
    union
    select s.session_date from {{ ref('fct_sessions') }} as s
    join {{ ref('fct_orders') }} as o on o.order_id = s.order_id
    where o.ordered_at >= {{ since }}
{%- endmacro %}

{#- SQL: the order days whose orders may have changed (placed, or an item refunded, since `since`). -#}
{% macro affected_order_days(since) -%}
    select order_date as day from {{ ref('fct_orders') }} where ordered_at >= {{ since }}
    union
    select order_date from {{ ref('fct_order_items') }} where refunded_at >= {{ since }}
{%- endmacro %}
