{#- One field of a mapping-seed rule: `*` matches anything, `(none)` matches NULL, anything else equals. -#}
{% macro mapping_matches(value, pattern) -%}
({{ pattern }} = '*' or ({{ pattern }} = '(none)' and {{ value }} is null) or {{ value }} = {{ pattern }})
{%- endmacro %}
