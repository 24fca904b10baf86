{#- Text column with blanks and the literal 'NULL' of the public MySQL dump turned into SQL NULL. -#}
{% macro clean_text(column) -%}
nullif(nullif(trim(cast({{ column }} as varchar)), ''), 'NULL')
{%- endmacro %}
