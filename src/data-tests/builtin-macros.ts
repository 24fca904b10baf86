// The built-in generic tests as Jinja test blocks (DuckDB SQL): dbt's four and the data-quality library.
// Loaded into the `dbt` namespace and, unless the project defines a macro of the same name, the root.
// Each returns the failing rows; the executor wraps the query with counts and thresholds.

export const BUILTIN_TESTS_PATH = 'tsdbt/builtin_tests.sql';

export const BUILTIN_TESTS_SQL = `
{% test unique(model, column_name) %}
select {{ column_name }} as unique_field, count(*) as n_records
from {{ model }}
where {{ column_name }} is not null
group by {{ column_name }}
having count(*) > 1
{% endtest %}

{% test not_null(model, column_name) %}
select * from {{ model }} where {{ column_name }} is null
{% endtest %}

{% test accepted_values(model, column_name, values, quote=true) %}
with all_values as (
  select {{ column_name }} as value_field, count(*) as n_records
  from {{ model }}
  group by {{ column_name }}
)
select * from all_values
where value_field not in (
  {%- for v in values -%}
  {%- if quote -%}'{{ v | string | replace("'", "''") }}'{%- else -%}{{ v }}{%- endif -%}{%- if not loop.last %}, {% endif -%}
  {%- endfor -%}
)
{% endtest %}

{% test relationships(model, column_name, to, field) %}
with child as (
  select {{ column_name }} as from_field from {{ model }} where {{ column_name }} is not null
),
parent as (
  select {{ field }} as to_field from {{ to }}
)
select from_field from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
{% endtest %}

{% test relationships_where(model, column_name, to, field, from_condition='1=1', to_condition='1=1') %}
with child as (
  select {{ column_name }} as from_field from {{ model }}
  where {{ column_name }} is not null and ({{ from_condition }})
),
parent as (
  select {{ field }} as to_field from {{ to }} where {{ to_condition }}
)
select from_field from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
{% endtest %}

{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}
select * from {{ model }}
where 1 = 2
{%- if min_value is not none %} or not ({{ column_name }} >{{ "=" if inclusive }} {{ min_value }}){% endif %}
{%- if max_value is not none %} or not ({{ column_name }} <{{ "=" if inclusive }} {{ max_value }}){% endif %}
{% endtest %}

{% test not_null_proportion(model, column_name, at_least, at_most=1.0) %}
with validation as (
  select sum(case when {{ column_name }} is null then 0 else 1 end) / cast(count(*) as double) as not_null_proportion
  from {{ model }}
)
select * from validation
where not_null_proportion < {{ at_least }} or not_null_proportion > {{ at_most }}
{% endtest %}

{% test unique_combination_of_columns(model, combination_of_columns) %}
select {{ combination_of_columns | join(', ') }}, count(*) as n_records
from {{ model }}
group by {{ combination_of_columns | join(', ') }}
having count(*) > 1
{% endtest %}

{% test expression_is_true(model, expression, column_name=none) %}
select * from {{ model }}
where not ({% if column_name %}{{ column_name }} {% endif %}{{ expression }})
{% endtest %}

{% test row_count(model, min_value=none, max_value=none) %}
select * from (select count(*) as row_count from {{ model }}) counted
where 1 = 2
{%- if min_value is not none %} or row_count < {{ min_value }}{% endif %}
{%- if max_value is not none %} or row_count > {{ max_value }}{% endif %}
{% endtest %}

{% test equal_rowcount(model, compare_model) %}
select a.n as model_rows, b.n as compare_model_rows, abs(a.n - b.n) as diff
from (select count(*) as n from {{ model }}) a, (select count(*) as n from {{ compare_model }}) b
where a.n != b.n
{% endtest %}

{% test fewer_rows_than(model, compare_model) %}
select a.n as model_rows, b.n as compare_model_rows
from (select count(*) as n from {{ model }}) a, (select count(*) as n from {{ compare_model }}) b
where a.n >= b.n
{% endtest %}

{% test recency(model, field, datepart, interval, column_name=none) %}
select * from (
  select max(cast({{ field }} as timestamp)) as most_recent,
         cast(current_timestamp as timestamp) - interval '{{ interval }} {{ datepart }}' as threshold
  from {{ model }}
) recency
where most_recent is null or most_recent < threshold
{% endtest %}

{% test not_empty_string(model, column_name, trim_whitespace=true) %}
select * from {{ model }}
where {% if trim_whitespace %}trim({{ column_name }}){% else %}{{ column_name }}{% endif %} = ''
{% endtest %}

{% test matches_regex(model, column_name, regex, flags='') %}
select * from {{ model }}
where {{ column_name }} is not null
  and not regexp_matches(cast({{ column_name }} as varchar), '{{ regex | replace("'", "''") }}'{% if flags %}, '{{ flags }}'{% endif %})
{% endtest %}

{% test columns_match(model, columns, exact=true) %}
with expected as (
  {%- for c in columns %}
  select lower('{{ c.name | replace("'", "''") }}') as column_name,
         {% if c.data_type %}typeof(cast(null as {{ c.data_type }})){% else %}cast(null as varchar){% endif %} as expected_type
  {%- if not loop.last %} union all{% endif %}
  {%- endfor %}
),
actual as (
  select lower(column_name) as column_name, column_type as actual_type from (describe select * from {{ model }})
)
select coalesce(e.column_name, a.column_name) as column_name, e.expected_type, a.actual_type,
  case when a.column_name is null then 'missing' when e.column_name is null then 'unexpected' else 'wrong type' end as problem
from expected e full outer join actual a on e.column_name = a.column_name
where a.column_name is null
  {%- if exact %} or e.column_name is null{% endif %}
  or (e.expected_type is not null and a.actual_type is not null and e.expected_type != a.actual_type)
{% endtest %}

{% test sequential_values(model, column_name, interval=1, datepart=none, group_by_columns=[]) %}
with windowed as (
  select {{ group_by_columns | join(', ') ~ ', ' if group_by_columns }}{{ column_name }},
    lag({{ column_name }}) over ({% if group_by_columns %}partition by {{ group_by_columns | join(', ') }} {% endif %}order by {{ column_name }}) as previous_{{ column_name }}
  from {{ model }}
)
select * from windowed
where previous_{{ column_name }} is not null
  and not ({{ column_name }} = {% if datepart %}previous_{{ column_name }} + interval '{{ interval }} {{ datepart }}'{% else %}previous_{{ column_name }} + {{ interval }}{% endif %})
{% endtest %}

{% test mean_between(model, column_name, min_value=none, max_value=none) %}
select * from (select avg({{ column_name }}) as mean_value from {{ model }}) s
where mean_value is null
{%- if min_value is not none %} or mean_value < {{ min_value }}{% endif %}
{%- if max_value is not none %} or mean_value > {{ max_value }}{% endif %}
{% endtest %}

{% test stddev_between(model, column_name, min_value=none, max_value=none) %}
select * from (select stddev_samp({{ column_name }}) as stddev_value from {{ model }}) s
where stddev_value is null
{%- if min_value is not none %} or stddev_value < {{ min_value }}{% endif %}
{%- if max_value is not none %} or stddev_value > {{ max_value }}{% endif %}
{% endtest %}

{% test row_count_anomaly(model, threshold=3, min_history=3) %}
with history as (
  select row_count from {{ tsdbt_anomaly.history }}
  where model_id = '{{ tsdbt_anomaly.model_id }}' and invocation_id != '{{ tsdbt_anomaly.invocation_id }}'
),
stats as (
  select avg(row_count) as mean_rows, stddev_samp(row_count) as stddev_rows, count(*) as history_runs from history
),
current_count as (select count(*) as row_count from {{ model }})
select c.row_count, s.mean_rows, s.stddev_rows, s.history_runs,
  case when coalesce(s.stddev_rows, 0) = 0 then null else (c.row_count - s.mean_rows) / s.stddev_rows end as z_score
from current_count c, stats s
where s.history_runs >= {{ min_history }}
  and (case when coalesce(s.stddev_rows, 0) = 0 then c.row_count != s.mean_rows
            else abs((c.row_count - s.mean_rows) / s.stddev_rows) > {{ threshold }} end)
{% endtest %}
`;
