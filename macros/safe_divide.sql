{#- numerator / denominator as a double, NULL (not an error, not infinity) when the denominator is 0 or NULL. -#}
{% macro safe_divide(numerator, denominator) -%}
(cast({{ numerator }} as double) / nullif(cast({{ denominator }} as double), 0))
{%- endmacro %}
