{#-
  Two-proportion z-test of B against A (pooled variance):
    p_a = x_a / n_a, p_b = x_b / n_b, p = (x_a + x_b) / (n_a + n_b)
    z   = (p_b - p_a) / sqrt(p * (1 - p) * (1 / n_a + 1 / n_b))
  NULL when a group is empty or the pooled rate is 0 or 1 (no variance).
-#}
{% macro two_proportion_z(x_a, n_a, x_b, n_b) -%}
(
    ({{ safe_divide(x_b, n_b) }} - {{ safe_divide(x_a, n_a) }})
    / nullif(sqrt(
        {{ safe_divide(x_a ~ ' + ' ~ x_b, n_a ~ ' + ' ~ n_b) }}
        * (1 - {{ safe_divide(x_a ~ ' + ' ~ x_b, n_a ~ ' + ' ~ n_b) }})
        * ({{ safe_divide('1', n_a) }} + {{ safe_divide('1', n_b) }})
    ), 0)
)
{%- endmacro %}

{#-
  Two-sided p-value of a standard normal statistic: 2 * (1 - Phi(|z|)) = erfc(|z| / sqrt(2)).
  DuckDB has no erf, so erfc uses Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7):
    x = |z| / sqrt(2), t = 1 / (1 + 0.3275911 x),
    erfc(x) = t (a1 + t (a2 + t (a3 + t (a4 + t a5)))) exp(-x^2)
-#}
{% macro normal_two_sided_p_value(z) -%}
{%- set x = '(abs(' ~ z ~ ') / sqrt(2))' -%}
{%- set t = '(1 / (1 + 0.3275911 * ' ~ x ~ '))' -%}
(
    {{ t }} * (0.254829592 + {{ t }} * (-0.284496736 + {{ t }} * (1.421413741
    + {{ t }} * (-1.453152027 + {{ t }} * 1.061405429))))
    * exp(-{{ x }} * {{ x }})
)
{%- endmacro %}
