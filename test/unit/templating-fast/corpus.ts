// Hand-written templates the fast path must accept and render exactly like tsdbt's nunjucks path.
export const HAND_WRITTEN: string[] = [
  // Jinja2 literals: exponents, underscores, adjacent strings, trailing commas, one-element tuples, floats
  '{{ 1e5 }} {{ 2.5e-3 }} {{ 1_000 }} {{ "a" "==" "a" }} {{ (1,) }} {{ [1, 2,] }} {{ {"k": 1,} }} {{ 1.0 }} {{ 3 / 1 }} {{ 7 // 2 }} {{ -(1.0) }}',
  // tests with one argument and no parentheses
  '{{ 7 is divisibleby 7 }} {{ f is sameas false }} {{ "a" is in ["a"] }} {{ 9 is not divisibleby 2 and t }}',
  // text, comments, whitespace control
  'plain text only',
  '',
  'a { b } c {not a tag} d',
  'before {# a comment #} after',
  'before {#- trimmed both -#}   after',
  'line1\n  {#- c #}\n line2',
  '  {{- s -}}  ',
  'x \n\t {{- s }} \n y',
  'x {{ s -}} \n\n y',
  'a\n{%- if t %}\nyes\n{%- endif %}\nb',
  'a\n{% if t -%}\n  yes  \n{%- endif -%}\n  b',
  'a \u00a0\u2003{{- s -}}\u00a0\u3000 b',
  '{{ s }}{{ s -}}   {{ s }}',
  '{{ s -}}{# c #}   tail',
  '{{ s -}}{{ s }}   tail',
  '{% set x = 1 -%}\n\n{{ x }}',
  '{%- set x = 1 -%}  \n  {%- set y = 2 -%}  {{ x }}{{ y }}',
  '{% for c in cols -%}\n  {{ c }}\n{%- endfor %}',
  '{% for c in cols %}\n  {{- c -}}\n{% endfor %}',
  // outputs and literals
  '{{ "double" }} {{ \'single\' }} {{ "esc\\"aped\\n\\t\\x" }}',
  '{{ 1 }} {{ 1.5 }} {{ 2. }} {{ 007 }} {{ 10000000000000000000000 }}',
  '{{ true }} {{ false }} {{ none }} {{ null }} {{ True }} {{ False }} {{ None }}',
  '{{ [1, "a", none, [2, 3]] }}',
  '{{ {"a": 1} }} {{ {} }} {{ [] }}',
  '{{ undefined_name }}|{{ nul }}|{{ nothing() }}',
  '{{ safe }} {{ this }} {{ ref("orders") }} {{ source("raw", "payments") }}',
  '{{ num }} {{ flt }} {{ neg }} {{ zero }} {{ t }} {{ f }}',
  '{{ obj }} {{ cols }} {{ nested }} {{ map }} {{ set }}',
  // attribute access and subscripts
  '{{ obj.a }} {{ obj.b }} {{ obj["c"] }} {{ obj.d.e }} {{ obj.missing }} {{ obj.missing | default("d") }}',
  '{{ cols[0] }} {{ cols[2] }} {{ cols[5] }} {{ cols[-1] }} {{ nested[1][0] }}',
  '{{ target.name }} {{ target.schema }} {{ this.identifier }} {{ this.schema }}',
  '{{ s.length }} {{ cols.length }} {{ nul.foo }} {{ zero.foo }} {{ "".length }} {{ zero.length }} {{ f.x }}',
  '{{ nul.get("a", "d") }} {{ zero.items() }} {{ nul.keys }} {{ "".get("k") }} {{ empty.append }}',
  '{{ s.toUpperCase }} {{ obj.items }}',
  '{{ s.replace("World", "there") }} {{ s.split(" ") }} {{ s.toUpperCase() }}',
  '{{ obj.items() }} {{ obj.keys() }} {{ obj.values() }} {{ obj.get("a") }} {{ obj.get("zz", "dflt") }}',
  '{{ obj.has_key("a") }} {{ obj.has_key("zz") }}',
  '{% set l = [1, 2] %}{{ l.append(3) }}{{ l }} {{ l.count(1) }} {{ l.index(2) }} {{ l.find(9) }}',
  '{% set l = [1, 2, 3] %}{{ l.pop() }}{{ l }}{{ l.insert(0, 9) }}{{ l }}',
  '{% set d = {"a": 1} %}{{ d.setdefault("b", 2) }}{{ d.update(c=3) }}{{ d.items() }}',
  '{% set d = {"a": 1, "b": 2} %}{{ d.pop("a") }}{{ d.keys() }}{{ d.popitem() }}{{ d.keys() }}',
  // calls and keyword arguments
  "{{ config(materialized='table', tags=['a', 'b']) }}",
  '{{ echo() }} {{ echo(1, "a") }} {{ echo(x=1) }} {{ echo(1, y=[2], z={"k": none}) }}',
  '{{ echo(a=1, 2) }} {{ echo(obj.a, cols[1], key=s ~ "!") }}',
  '{{ var("start_date") }} {{ var("missing", "fallback") }} {{ var("n") + 1 }}',
  '{{ env_var("HOME_DIR") }} {{ env_var("NOPE", "d") }}',
  '{{ is_incremental() }} {% if is_incremental() %}inc{% else %}full{% endif %}',
  '{{ list_of(1, 2, 3) }} {{ list_of(1)[0] }} {{ list_of("a", "b") | join("-") }}',
  '{{ ref("a").identifier }} {{ ref("pkg", "model") }}',
  '{{ echo(echo(1)) }} {{ (echo)(2) }}',
  // operators
  '{{ 1 + 2 }} {{ "a" + "b" }} {{ 5 - 3 }} {{ 2 * 3 }} {{ 7 / 2 }} {{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ 2 ** 8 }}',
  '{{ "a" ~ 1 ~ none ~ true }} {{ cols ~ "" }} {{ obj ~ "x" }} {{ nul ~ "x" }} {{ undefined_x ~ "y" }}',
  '{{ (1 + 2) ~ 3 }}|{{ 2 * 3 ~ 4 }}|{{ (1 - 2) ~ 3 }}|{{ "x" ~ 2 * 3 }}|{{ 1 ~ 2 ~ 3 }}|{{ 2 * 8 % 3 }}|{{ 9 / 3 // 2 }}',
  '{{ a - b - c }}{{ 10 - 2 - 3 }} {{ 2 ** 3 ** 2 }} {{ 100 / 10 / 5 }} {{ 1 - 2 + 3 }}',
  '{{ -num }} {{ +numstr }} {{ - 3 }} {{ -flt * 2 }} {{ -(1 + 2) }}',
  '{{ 1 == 1 }} {{ 1 == "1" }} {{ 1 != 2 }} {{ 1 === 1 }} {{ 1 !== "1" }} {{ 1 < 2 }} {{ 2 <= 2 }} {{ 3 > 4 }} {{ 3 >= 4 }}',
  '{{ "a" < "b" }} {{ nul == undefined_x }} {{ cols == cols }} {{ [] == [] }}',
  '{{ 1 in [1, 2] }} {{ 3 in [1, 2] }} {{ "ell" in s }} {{ "a" in obj }} {{ "z" not in obj }} {{ 1 not in nums }}',
  '{{ t and f }} {{ t or f }} {{ not t }} {{ not not t }} {{ zero or "dflt" }} {{ num and "yes" }} {{ nul or none }}',
  '{{ not t and f }} {{ not (1 == 2) }} {{ t and not f }} {{ f or not f }}',
  '{{ "yes" if t else "no" }} {{ "yes" if f }}|{{ 1 if zero else (2 if t else 3) }}',
  '{{ (1 + 2) * 3 }} {{ ((s)) }} {{ (1 if t else 2) + 1 }}',
  '{{ x is defined }} {{ s is defined }} {{ s is not defined }} {{ x is not defined }} {{ nul is defined }}',
  '{{ nul is none }} {{ x is none }} {{ s is none }} {{ nul is not none }} {{ x is undefined }} {{ nul is null }}',
  '{{ not x is defined }} {{ x is defined or "nope" }}',
  // filters
  '{{ s | upper }} {{ s | lower }} {{ padded | trim }}| {{ nul | upper }} {{ x | lower }}',
  '{{ x | default("d") }} {{ nul | default("d") }} {{ zero | default("d") }} {{ zero | default("d", true) }} {{ x | d("dd") }}',
  '{{ cols | join }} {{ cols | join(", ") }} {{ cols | join(d=", ") }}',
  '{{ cols | length }} {{ s | length }} {{ obj | length }} {{ x | length }} {{ map | length }}',
  '{{ s | replace("o", "0") }} {{ s | replace("o", "0", 1) }} {{ s | replace("", "-") }} {{ num | replace(4, 5) }}',
  '{{ num | string }} {{ safe | string }} {{ cols | string }}',
  '{{ numstr | int }} {{ "abc" | int }} {{ "abc" | int(7) }} {{ fltstr | int }} {{ "ff" | int(0, 16) }} {{ "x" | int(default=5) }}',
  '{{ fltstr | float }} {{ "abc" | float }} {{ "abc" | float(1.5) }} {{ num | float }}',
  '{{ s | list }} {{ cols | list }} {{ obj | list | length }}',
  '{{ cols | first }} {{ cols | last }} {{ s | first }} {{ s | last }}',
  '{{ "<i>" | safe }} {{ safe | safe }} {{ nul | safe }}|',
  '{{ s | upper | replace("O", "0") | lower }} {{ -num | string }} {{ cols | join(",") | upper }}',
  '{{ (s | upper) ~ "!" }} {{ s | upper ~ "!" }} {{ 1 + num | int }}',
  // set
  '{% set x = 5 %}{{ x }}{% set x = x + 1 %}{{ x }}',
  '{% set s = "shadowed" %}{{ s }}',
  '{% set ref = "not a function now" %}{{ ref }}',
  '{% set x = undefined_thing %}[{{ x }}]',
  '{% set lst = ["a", "b"] %}{% set d = {"k": lst, "n": 1} %}{{ d.k[1] }}{{ d.n }}',
  "{% set payment_methods = ['credit_card', 'coupon', 'bank_transfer', 'gift_card'] %}{{ payment_methods | length }}",
  // if
  '{% if t %}T{% endif %}{% if f %}F{% endif %}',
  '{% if f %}1{% elif t %}2{% else %}3{% endif %}',
  '{% if f %}1{% elseif zero %}2{% elif nul %}3{% else %}4{% endif %}',
  '{% if cols %}has{% endif %}{% if empty %}E{% endif %}{% if emptyobj %}O{% endif %}{% if "" %}S{% endif %}',
  '{% if t %}{% if f %}a{% else %}b{% endif %}{% else %}c{% endif %}',
  '{% if execute %}{% set x = 1 %}{% endif %}{{ x }}',
  '{% if target.name == "dev" %}dev{% elif target.name == "prod" %}prod{% endif %}',
  // for
  '{% for c in cols %}{{ c }},{% endfor %}',
  '{% for c in cols %}{{ loop.index }}/{{ loop.index0 }}/{{ loop.revindex }}/{{ loop.revindex0 }}/{{ loop.first }}/{{ loop.last }}/{{ loop.length }} {% endfor %}',
  '{% for c in empty %}x{% else %}empty{% endfor %}',
  '{% for c in undefined_list %}x{% else %}none{% endfor %}',
  '{% for c in nul %}x{% else %}nul{% endfor %}{% for c in zero %}x{% else %}zero{% endfor %}',
  '{% for ch in s %}{{ ch }}.{% endfor %}',
  '{% for k, v in obj %}{{ k }}={{ v }};{% endfor %}',
  '{% for k, v in obj.items() %}{{ k }}={{ v }}{{ loop.index }};{% endfor %}',
  '{% for a, b in pairs %}{{ a }}{{ b }}{% endfor %}{% for a, b in nested %}{{ a + b }}{% endfor %}',
  '{% for k, v in emptyobj %}x{% else %}no keys{% endfor %}',
  '{% for x in obj %}[{{ x }}]{% else %}object with one name{% endfor %}',
  '{% for x in map %}{{ x }}{% endfor %}{% for x in set %}{{ x }}{% endfor %}{% for k, v in map %}{{ k }}={{ v }}{% endfor %}',
  '{% for row in nested %}{% for x in row %}{{ loop.index }}{{ x }}{% endfor %}|{{ loop.index }}{% endfor %}',
  '{% for x in cols %}{% set y = x %}{% endfor %}[{{ y }}][{{ x }}]',
  '{% set y = "outer" %}{% for x in cols %}{% set y = x %}{% endfor %}{{ y }}',
  '{% set x = "outer" %}{% for x in cols %}{% endfor %}{{ x }}',
  '{% for x in cols %}{% set x = x ~ "!" %}{{ x }}{% endfor %}',
  '{% for x in cols %}{{ loop.index }}{% for y in cols %}{{ loop.index }}{% endfor %}{{ loop.index }} {% endfor %}',
  '{% for x in nums %}{% if loop.first %}first:{% endif %}{{ x }}{% if not loop.last %}, {% endif %}{% endfor %}',
  '{% for x in [1, 2, 3] if x > 1 %}{{ x }}{% endfor %}',
  '{% for x in nested %}{% for y in x %}{% else %}never{% endfor %}{% endfor %}',
  '{% for row in [[1], [], [2]] %}{% for y in row %}{{ y }}{% else %}E{% endfor %};{% endfor %}',
  '{% for row in [[1], none, [2]] %}{% for y in row %}{{ y }}{% else %}E{% endfor %};{% endfor %}',
  '{% for x in cols %}{% else %}{{ x }}{% endfor %}',
  '{% set l = [1] %}{% for x in l %}{{ x }}{% if x < 4 %}{{ l.append(x + 1) }}{% endif %}{% endfor %}',
  '{% for x in cols %}{{ loop }}{% endfor %}',
  '{{ ",\\n".join(cols) }}|{{ "\\\\".join(cols) }}',
  // nunjucks compiles a two-name loop body twice (list and dict branches): a nested loop must work in both
  '{% for k, v in obj %}{% for c in cols if c != "id" %}{{ k }}{{ c }};{% endfor %}{% endfor %}',
  '{% for k, v in pairs %}{% for c in cols if c == "id" %}{% set t = k ~ c %}{{ t }};{% endfor %}{% endfor %}',
  '{% for x in cols %}{% for y in nums %}{% set x = y %}{% endfor %}{{ x }}{% endfor %}',
  '{% set loop = "top" %}{% for x in cols %}{{ loop.index }}{% endfor %}{{ loop }}',
  '{% set n = 0 %}{% for x in cols %}{% set n = n + 1 %}{% if n > 1 %}{% set seen = n %}{% endif %}{% endfor %}{{ n }}[{{ seen }}]',
  '{% for x in cols %}{{ x }}{% else %}{{ x }}{% endfor %}{% for x in empty %}{% else %}[{{ x }}]{% endfor %}',
  'crlf\r\n{%- if t -%}\r\n  yes\r\n{%- endif %}\r\nend',
  'unicode ünïcødé 日本 {{ "日本" ~ s }} ✓',
  'trailing brace {',
  'a {{ "{{ not a tag }}" }} b {{ "%}" }} c',
  // a typical model
  `{{ config(materialized='incremental', unique_key='id') }}
{%- set payment_methods = ['credit_card', 'coupon', 'bank_transfer'] %}

with orders as (
    select * from {{ ref('stg_orders') }}
), payments as (
    select * from {{ source('raw', 'payments') }}
)
select
    order_id,
    {% for method in payment_methods -%}
    sum(case when payment_method = '{{ method }}' then amount else 0 end) as {{ method }}_amount
    {%- if not loop.last %},{% endif %}
    {% endfor %}
from payments
{% if is_incremental() %}
where created_at > (select max(created_at) from {{ this }})
{% endif %}
and created_at >= '{{ var("start_date") }}'
group by 1
`,
];

/** accepted by the fast path now that it follows tsdbt's compiler (plain nunjucks grouped some differently) */
export const FORMERLY_DECLINED: string[] = [
  '{{ s | title }} {{ x is string }} {{ num is divisibleby(3) }} {{ t is true }} {{ (1, 2) }} {{ () }}',
  '{{ not 1 == 2 }} {{ not num + 1 }} {{ 1 ~ 2 * 3 }} {{ 1 + 2 - 3 }} {{ 2 * 3 / 4 }} {{ 7 / 2 % 2 }} {{ 10 - 2 + 3 }}',
  '{{ cols[-4] }}|{{ s[-20] }}|{{ nul[-1] }}|{{ (cols)[-1] }}',
  '{% for x in cols if x != "id" %}{{ x }}{% endfor %}',
  '{{ x is none }} {{ None is none }} {{ undefined_x is none }} {{ nul is not none }}',
  '{{ echo(t and f, t or f, empty or cols, emptyobj and 1, not empty) }}',
  '{% for x in nums %}{{ loop.cycle(1, 2, 3) }}{{ loop.previtem }}{{ loop.nextitem }}{% endfor %}{{ loop }}',
  '{% for k, v in obj %}[{{ loop.previtem }}{{ loop.depth }}]{% endfor %}{% for a, b in pairs %}{{ loop.previtem }}{% endfor %}',
  '{% for ch in "abc" %}{{ loop.previtem }}{{ loop.nextitem }}{% endfor %}{% for x in map %}{{ loop.nextitem }}{% endfor %}',
  '{{ safe ~ 1 }} {{ safe * 2 }} {{ "<b>safe</b>" == safe }} {{ "b" in safe }} {{ safe[-1] }}',
  '{{ this.identifier.upper() }} {{ this == ref("my_model") }} {{ target.get("name") }} {{ obj.d.get("e") }}',
  '{{ cols.copy() }}{{ nums.sort() }}{{ nums }}{{ obj.keys() | list }}{{ map.get("k1") }}',
];

/** templates whose rendering fails in nunjucks: the fast path must fail too, with the same message */
export const RUNTIME_ERRORS: string[] = [
  // an attribute of an undefined name or of a missing attribute (Jinja2's Undefined, when dbt runs)
  '{{ obj.missing.deeper }}',
  '{{ undefined_x.keys() }}',
  '{% for x in nums %}{% endfor %}{{ loop.cycle }}',
  '{{ (undefined_x).y }} {{ cols[9].x }} {{ nul.a.b }}',
  '{{ undefined_fn() }}',
  '{{ s.no_such_method() }}',
  '{{ cols.index("zz") }}',
  '{{ empty.pop() }}',
  '{{ 1 in nul }}',
  '{{ "%d" % "x" ~ undefined_fn() }}',
  '{{ num() }}',
  '{{ obj.missing() }}',
  '{{ obj.d.e() }}',
  '{{ ref("x")() }}',
  '{{ 1 in 2 }}',
  '{{ num | list }}',
  '{% for a, b in [none] %}{% endfor %}',
  'text\n  {{ cols[0] }} {{ nothing()() }}',
  // a callee name with a backslash or newline (nunjucks pasted it into its generated code unescaped)
  '{{ "a\\\\b"() }}',
  '{{ ",\\n".joinx(cols) }}',
  // Python's TypeError / ZeroDivisionError where JavaScript would coerce
  '{{ 1 + "2" }}',
  '{{ 1 ~ 2 + 3 }}',
  '{{ "a" + num }}',
  '{{ 1 / 0 }}',
  '{{ 7 // zero }}',
  '{{ num % 0 }}',
];
