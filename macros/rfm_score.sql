{#-
  A 1-5 score of `column` across all rows of the query, by rank: score = 1 + floor(5 * (rank - 1) / rows),
  where rank orders the rows from worst to best (`higher_is_better=false` for recency, where fewer days is
  better). Ties get the same score, so the result never depends on row order.
  Example over 4 rows with values 10, 20, 20, 40 (higher better): ranks 1, 2, 2, 4 -> scores 1, 2, 2, 4.
-#}
{% macro rfm_score(column, higher_is_better=true) -%}
cast(1 + floor(5.0 * (rank() over (order by {{ column }} {{ 'asc' if higher_is_better else 'desc' }}) - 1)
    / count(*) over ()) as integer)
{%- endmacro %}
