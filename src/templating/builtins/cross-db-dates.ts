// dbt's cross-database date macros (`dbt` namespace): date_trunc, dateadd, datediff, last_day, date,
// current_timestamp, generate_series and date_spine, with dbt-duckdb's overrides. date_spine counts
// its periods with a statement at run time, like dbt (through tsdbt's query replay).

export const CROSS_DB_DATES = `
{% macro date_trunc(datepart, date) -%}{{ return(adapter.dispatch('date_trunc', 'dbt') (datepart, date)) }}{%- endmacro %}
{% macro default__date_trunc(datepart, date) -%}date_trunc('{{datepart}}', {{date}}){%- endmacro %}

{% macro dateadd(datepart, interval, from_date_or_timestamp) %}{{ return(adapter.dispatch('dateadd', 'dbt')(datepart, interval, from_date_or_timestamp)) }}{% endmacro %}
{% macro default__dateadd(datepart, interval, from_date_or_timestamp) %}dateadd({{ datepart }}, {{ interval }}, {{ from_date_or_timestamp }}){% endmacro %}
{% macro duckdb__dateadd(datepart, interval, from_date_or_timestamp) %}{{ from_date_or_timestamp }} + ((interval '1 {{ datepart }}') * ({{ interval }})){% endmacro %}

{% macro datediff(first_date, second_date, datepart) %}{{ return(adapter.dispatch('datediff', 'dbt')(first_date, second_date, datepart)) }}{% endmacro %}
{% macro default__datediff(first_date, second_date, datepart) -%}datediff({{ datepart }}, {{ first_date }}, {{ second_date }}){%- endmacro %}
{% macro duckdb__datediff(first_date, second_date, datepart) -%}
    {%- if datepart == 'year' -%}
        (date_part('year', ({{second_date}})::date) - date_part('year', ({{first_date}})::date))
    {%- elif datepart == 'quarter' -%}
        ({{ datediff(first_date, second_date, 'year') }} * 4 + date_part('quarter', ({{second_date}})::date) - date_part('quarter', ({{first_date}})::date))
    {%- elif datepart == 'month' -%}
        ({{ datediff(first_date, second_date, 'year') }} * 12 + date_part('month', ({{second_date}})::date) - date_part('month', ({{first_date}})::date))
    {%- elif datepart == 'day' -%}
        (({{second_date}})::date - ({{first_date}})::date)
    {%- elif datepart == 'week' -%}
        ({{ datediff(first_date, second_date, 'day') }} / 7 + case
            when date_part('dow', ({{first_date}})::timestamp) <= date_part('dow', ({{second_date}})::timestamp) then
                case when {{first_date}} <= {{second_date}} then 0 else -1 end
            else
                case when {{first_date}} <= {{second_date}} then 1 else 0 end
        end)
    {%- elif datepart == 'hour' -%}
        ({{ datediff(first_date, second_date, 'day') }} * 24 + date_part('hour', ({{second_date}})::timestamp) - date_part('hour', ({{first_date}})::timestamp))
    {%- elif datepart == 'minute' -%}
        ({{ datediff(first_date, second_date, 'hour') }} * 60 + date_part('minute', ({{second_date}})::timestamp) - date_part('minute', ({{first_date}})::timestamp))
    {%- elif datepart == 'second' -%}
        ({{ datediff(first_date, second_date, 'minute') }} * 60 + floor(date_part('second', ({{second_date}})::timestamp)) - floor(date_part('second', ({{first_date}})::timestamp)))
    {%- elif datepart == 'millisecond' -%}
        ({{ datediff(first_date, second_date, 'minute') }} * 60000 + floor(date_part('millisecond', ({{second_date}})::timestamp)) - floor(date_part('millisecond', ({{first_date}})::timestamp)))
    {%- elif datepart == 'microsecond' -%}
        ({{ datediff(first_date, second_date, 'minute') }} * 60000000 + floor(date_part('microsecond', ({{second_date}})::timestamp)) - floor(date_part('microsecond', ({{first_date}})::timestamp)))
    {%- else -%}
        {{ exceptions.raise_compiler_error("Unsupported datepart for macro datediff in duckdb: {!r}".format(datepart)) }}
    {%- endif -%}
{%- endmacro %}

{% macro last_day(date, datepart) %}{{ return(adapter.dispatch('last_day', 'dbt') (date, datepart)) }}{% endmacro %}
{%- macro default_last_day(date, datepart) -%}
    cast({{dbt.dateadd('day', '-1', dbt.dateadd(datepart, '1', dbt.date_trunc(datepart, date)))}} as date)
{%- endmacro -%}
{% macro default__last_day(date, datepart) -%}{{dbt.default_last_day(date, datepart)}}{%- endmacro %}
{% macro duckdb__last_day(date, datepart) -%}
    {%- if datepart == 'quarter' -%}
    cast({{dbt.dateadd('day', '-1', dbt.dateadd('month', '3', dbt.date_trunc(datepart, date)))}} as date)
    {%- else -%}
    {{dbt.default_last_day(date, datepart)}}
    {%- endif -%}
{%- endmacro %}

{% macro date(year, month, day) %}{{ return(adapter.dispatch('date', 'dbt') (year, month, day)) }}{% endmacro %}
{% macro default__date(year, month, day) -%}
    {%- set dt = modules.datetime.date(year, month, day) -%}
    {%- set iso_8601_formatted_date = dt.strftime('%Y-%m-%d') -%}
    to_date('{{ iso_8601_formatted_date }}', 'YYYY-MM-DD')
{%- endmacro %}
{% macro duckdb__date(year, month, day) -%}make_date({{ year }}, {{ month }}, {{ day }}){%- endmacro %}

{%- macro current_timestamp() -%}{{ adapter.dispatch('current_timestamp', 'dbt')() }}{%- endmacro -%}
{% macro default__current_timestamp() -%}{{ exceptions.raise_not_implemented('current_timestamp macro not implemented for adapter ' + adapter.type()) }}{%- endmacro %}
{% macro duckdb__current_timestamp() -%}now(){%- endmacro %}
{%- macro current_timestamp_backcompat() -%}{{ return(adapter.dispatch('current_timestamp_backcompat', 'dbt')()) }}{%- endmacro -%}
{% macro default__current_timestamp_backcompat() %}current_timestamp::timestamp{% endmacro %}
{%- macro current_timestamp_in_utc_backcompat() -%}{{ return(adapter.dispatch('current_timestamp_in_utc_backcompat', 'dbt')()) }}{%- endmacro -%}
{% macro default__current_timestamp_in_utc_backcompat() %}{{ return(adapter.dispatch('current_timestamp_backcompat', 'dbt')()) }}{% endmacro %}

{% macro get_powers_of_two(upper_bound) %}{{ return(adapter.dispatch('get_powers_of_two', 'dbt')(upper_bound)) }}{% endmacro %}
{% macro default__get_powers_of_two(upper_bound) %}
    {% if upper_bound <= 0 %}{{ exceptions.raise_compiler_error("upper bound must be positive") }}{% endif %}
    {% for _ in range(1, 100) %}
       {% if upper_bound <= 2 ** loop.index %}{{ return(loop.index) }}{% endif %}
    {% endfor %}
{% endmacro %}
{% macro generate_series(upper_bound) %}{{ return(adapter.dispatch('generate_series', 'dbt')(upper_bound)) }}{% endmacro %}
{% macro default__generate_series(upper_bound) %}
    {% set n = dbt.get_powers_of_two(upper_bound) %}
    with p as (select 0 as generated_number union all select 1), unioned as (
    select
    {% for i in range(n) %}
    p{{i}}.generated_number * power(2, {{i}}){{ ' + ' if not loop.last else '' }}
    {% endfor %}
    + 1 as generated_number
    from
    {% for i in range(n) %}
    p as p{{i}}{{ ' cross join ' if not loop.last else '' }}
    {% endfor %}
    )
    select * from unioned where generated_number <= {{upper_bound}} order by generated_number
{% endmacro %}
{% macro duckdb__generate_series(upper_bound) %}
    select generate_series as generated_number from generate_series(1, {{ upper_bound }})
{% endmacro %}

{% macro get_intervals_between(start_date, end_date, datepart) -%}{{ return(adapter.dispatch('get_intervals_between', 'dbt')(start_date, end_date, datepart)) }}{%- endmacro %}
{% macro default__get_intervals_between(start_date, end_date, datepart) -%}
    {%- call statement('get_intervals_between', fetch_result=True) %}
        select {{ dbt.datediff(start_date, end_date, datepart) }}
    {%- endcall -%}
    {%- set value_list = load_result('get_intervals_between') -%}
    {%- if value_list and value_list['data'] -%}
        {%- set values = value_list['data'] | map(attribute=0) | list %}
        {{ return(values[0]) }}
    {%- else -%}
        {{ return(1) }}
    {%- endif -%}
{%- endmacro %}
{% macro date_spine(datepart, start_date, end_date) %}{{ return(adapter.dispatch('date_spine', 'dbt')(datepart, start_date, end_date)) }}{%- endmacro %}
{% macro default__date_spine(datepart, start_date, end_date) %}
    with rawdata as (
        {{dbt.generate_series(dbt.get_intervals_between(start_date, end_date, datepart))}}
    ),
    all_periods as (
        select (
            {{ dbt.dateadd(datepart, "row_number() over (order by 1) - 1", start_date) }}
        ) as date_{{datepart}}
        from rawdata
    ),
    filtered as (
        select * from all_periods where date_{{datepart}} <= {{ end_date }}
    )
    select * from filtered
{% endmacro %}
`;
