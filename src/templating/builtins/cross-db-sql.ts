// dbt's cross-database macros (the `dbt` namespace) for types, strings, aggregates and set operators,
// as Jinja source: each public macro dispatches, `default__` is dbt-core's implementation and
// `duckdb__` dbt-duckdb's override, so compiled SQL matches dbt's and projects can override either.

export const CROSS_DB_SQL = `
{%- macro type_string() -%}{{ return(adapter.dispatch('type_string', 'dbt')()) }}{%- endmacro -%}
{%- macro default__type_string() -%}{{ return(api.Column.translate_type("string")) }}{%- endmacro -%}
{%- macro type_timestamp() -%}{{ return(adapter.dispatch('type_timestamp', 'dbt')()) }}{%- endmacro -%}
{%- macro default__type_timestamp() -%}{{ return(api.Column.translate_type("timestamp")) }}{%- endmacro -%}
{%- macro type_float() -%}{{ return(adapter.dispatch('type_float', 'dbt')()) }}{%- endmacro -%}
{%- macro default__type_float() -%}{{ return(api.Column.translate_type("float")) }}{%- endmacro -%}
{%- macro type_numeric() -%}{{ return(adapter.dispatch('type_numeric', 'dbt')()) }}{%- endmacro -%}
{%- macro default__type_numeric() -%}{{ return(api.Column.numeric_type("numeric", 28, 6)) }}{%- endmacro -%}
{%- macro type_bigint() -%}{{ return(adapter.dispatch('type_bigint', 'dbt')()) }}{%- endmacro -%}
{%- macro default__type_bigint() -%}{{ return(api.Column.translate_type("bigint")) }}{%- endmacro -%}
{%- macro type_int() -%}{{ return(adapter.dispatch('type_int', 'dbt')()) }}{%- endmacro -%}
{%- macro default__type_int() -%}{{ return(api.Column.translate_type("integer")) }}{%- endmacro -%}
{%- macro type_boolean() -%}{{ return(adapter.dispatch('type_boolean', 'dbt')()) }}{%- endmacro -%}
{%- macro default__type_boolean() -%}{{ return(api.Column.translate_type("boolean")) }}{%- endmacro -%}

{% macro safe_cast(field, type) %}{{ return(adapter.dispatch('safe_cast', 'dbt')(field, type)) }}{% endmacro %}
{% macro default__safe_cast(field, type) %}cast({{field}} as {{type}}){% endmacro %}
{% macro cast(field, type) %}{{ return(adapter.dispatch('cast', 'dbt')(field, type)) }}{% endmacro %}
{% macro default__cast(field, type) %}cast({{field}} as {{type}}){% endmacro %}
{% macro cast_bool_to_text(field) %}{{ adapter.dispatch('cast_bool_to_text', 'dbt')(field) }}{% endmacro %}
{% macro default__cast_bool_to_text(field) %}cast({{ field }} as {{ api.Column.translate_type('string') }}){% endmacro %}

{% macro concat(fields) -%}{{ return(adapter.dispatch('concat', 'dbt')(fields)) }}{%- endmacro %}
{% macro default__concat(fields) -%}{{ fields|join(' || ') }}{%- endmacro %}
{% macro hash(field) -%}{{ return(adapter.dispatch('hash', 'dbt') (field)) }}{%- endmacro %}
{% macro default__hash(field) -%}md5(cast({{ field }} as {{ api.Column.translate_type('string') }})){%- endmacro %}
{% macro length(expression) -%}{{ return(adapter.dispatch('length', 'dbt') (expression)) }}{% endmacro %}
{% macro default__length(expression) %}length({{ expression }}){%- endmacro %}
{% macro position(substring_text, string_text) -%}{{ return(adapter.dispatch('position', 'dbt') (substring_text, string_text)) }}{% endmacro %}
{% macro default__position(substring_text, string_text) %}position({{ substring_text }} in {{ string_text }}){%- endmacro %}
{% macro replace(field, old_chars, new_chars) -%}{{ return(adapter.dispatch('replace', 'dbt') (field, old_chars, new_chars)) }}{% endmacro %}
{% macro default__replace(field, old_chars, new_chars) %}replace({{ field }}, {{ old_chars }}, {{ new_chars }}){% endmacro %}
{% macro right(string_text, length_expression) -%}{{ return(adapter.dispatch('right', 'dbt') (string_text, length_expression)) }}{%- endmacro %}
{% macro default__right(string_text, length_expression) %}right({{ string_text }}, {{ length_expression }}){%- endmacro %}
{% macro string_literal(value) -%}{{ return(adapter.dispatch('string_literal', 'dbt') (value)) }}{%- endmacro %}
{% macro default__string_literal(value) -%}'{{ value }}'{%- endmacro %}
{% macro escape_single_quotes(expression) %}{{ return(adapter.dispatch('escape_single_quotes', 'dbt') (expression)) }}{% endmacro %}
{% macro default__escape_single_quotes(expression) -%}{{ expression | replace("'","''") }}{%- endmacro %}
{% macro split_part(string_text, delimiter_text, part_number) %}{{ return(adapter.dispatch('split_part', 'dbt') (string_text, delimiter_text, part_number)) }}{% endmacro %}
{% macro default__split_part(string_text, delimiter_text, part_number) %}split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }}){% endmacro %}
{% macro _split_part_negative(string_text, delimiter_text, part_number) %}split_part({{ string_text }}, {{ delimiter_text }}, length({{ string_text }}) - length(replace({{ string_text }}, {{ delimiter_text }}, '')) + 2 + {{ part_number }}){% endmacro %}
{% macro duckdb__split_part(string_text, delimiter_text, part_number) %}
  {%- if part_number >= 0 -%}
    coalesce(string_split({{ string_text }}, {{ delimiter_text }})[ {{ part_number }} ], '')
  {%- else -%}
    {{ dbt._split_part_negative(string_text, delimiter_text, part_number) }}
  {%- endif -%}
{% endmacro %}

{% macro listagg(measure, delimiter_text="','", order_by_clause=none, limit_num=none) -%}{{ return(adapter.dispatch('listagg', 'dbt') (measure, delimiter_text, order_by_clause, limit_num)) }}{%- endmacro %}
{% macro default__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
  array_to_string(array_agg({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %}){% if limit_num %}[1:{{ limit_num }}]{% endif %}, {{ delimiter_text }})
{%- endmacro %}
{% macro duckdb__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
  {% if limit_num -%}
    list_aggr((array_agg({{ measure }} {% if order_by_clause -%}{{ order_by_clause }}{%- endif %}))[1:{{ limit_num }}], 'string_agg', {{ delimiter_text }})
  {%- else -%}
    string_agg({{ measure }}, {{ delimiter_text }} {% if order_by_clause -%}{{ order_by_clause }}{%- endif %})
  {%- endif %}
{%- endmacro %}
{% macro any_value(expression) -%}{{ return(adapter.dispatch('any_value', 'dbt') (expression)) }}{% endmacro %}
{% macro default__any_value(expression) -%}any_value({{ expression }}){%- endmacro %}
{% macro duckdb__any_value(expression) -%}arbitrary({{ expression }}){%- endmacro %}
{% macro bool_or(expression) -%}{{ return(adapter.dispatch('bool_or', 'dbt') (expression)) }}{% endmacro %}
{% macro default__bool_or(expression) -%}bool_or({{ expression }}){%- endmacro %}
{% macro equals(expr1, expr2) -%}{{ return(adapter.dispatch('equals', 'dbt') (expr1, expr2)) }}{%- endmacro %}
{% macro default__equals(expr1, expr2) -%}
case when (({{ expr1 }} = {{ expr2 }}) or ({{ expr1 }} is null and {{ expr2 }} is null))
    then 0
    else 1
end = 0
{%- endmacro %}

{% macro except() %}{{ return(adapter.dispatch('except', 'dbt')()) }}{% endmacro %}
{% macro default__except() %}except{% endmacro %}
{% macro intersect() %}{{ return(adapter.dispatch('intersect', 'dbt')()) }}{% endmacro %}
{% macro default__intersect() %}intersect{% endmacro %}

{% macro array_construct(inputs=[], data_type=api.Column.translate_type('integer')) -%}{{ return(adapter.dispatch('array_construct', 'dbt')(inputs, data_type)) }}{%- endmacro %}
{% macro default__array_construct(inputs, data_type) -%}
  {% if inputs|length > 0 %}array[ {{ inputs|join(' , ') }} ]{% else %}array[]::{{data_type}}[]{% endif %}
{%- endmacro %}
{% macro array_append(array, new_element) -%}{{ return(adapter.dispatch('array_append', 'dbt')(array, new_element)) }}{%- endmacro %}
{% macro default__array_append(array, new_element) -%}array_append({{ array }}, {{ new_element }}){%- endmacro %}
{% macro array_concat(array_1, array_2) -%}{{ return(adapter.dispatch('array_concat', 'dbt')(array_1, array_2)) }}{%- endmacro %}
{% macro default__array_concat(array_1, array_2) -%}array_cat({{ array_1 }}, {{ array_2 }}){%- endmacro %}
`;
