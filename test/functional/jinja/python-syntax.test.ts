// dbt's Jinja syntax and Python semantics in models and macros (kwargs/varargs, call/caller, return(),
// namespace(), loop attributes, str/list/dict methods, slicing, truthiness, filters, modules): each
// model builds a table and the test reads what landed in DuckDB.
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeProject } from '../../helpers/project.js';

const MACROS = `
{% macro col_list(prefix, *cols, **opts) -%}
  {%- for c in cols -%}{{ prefix ~ c }}{{ opts.get('suffix', '') }}{{ ', ' if not loop.last }}{%- endfor -%}
{%- endmacro %}

{% macro implicit_kwargs(a) -%}
  {{ a }}|{{ varargs | join('-') }}|{{ kwargs | dictsort | map('join', '=') | join(';') }}
{%- endmacro %}

{% macro wrap(tag) -%}<{{ tag }}>{{ caller() }}</{{ tag }}>{%- endmacro %}

{% macro each(items) -%}{% for i in items %}{{ caller(i) }}{% endfor %}{%- endmacro %}

{% macro pick_columns(names) %}
  {% set ns = namespace(found=[], n=0) %}
  {% for n in names %}
    {% if n.startswith('keep_') %}{% do ns.found.append(n.replace('keep_', '')) %}{% set ns.n = ns.n + 1 %}{% endif %}
  {% endfor %}
  {{ return({'cols': ns.found, 'count': ns.n}) }}
{% endmacro %}
`;

const MODEL = `{{ config(materialized='table') }}
{%- set picked = pick_columns(['keep_a', 'drop_b', 'keep_c']) -%}
{%- set d = {'x': 1, 'y': 2} -%}
{%- do d.update({'z': 3}) -%}
{%- set l = [3, 1, 2] -%}
{%- do l.extend([5]) -%}
{%- set a, b = 'left', 'right' -%}
select
  '{{ col_list('t.', 'id', 'name', suffix='_x') }}' as cols,
  '{{ implicit_kwargs(1, 2, 3, k='v', j='w') }}' as implicit,
  '{% call wrap('b') %}bold{% endcall %}' as called,
  '{% call(i) each([1, 2]) %}[{{ i * 10 }}]{% endcall %}' as call_args,
  '{{ picked.cols | join(",") }}:{{ picked.count }}' as picked,
  '{{ "  Mixed Case  ".strip().lower().replace(" ", "_") }}' as str_methods,
  '{{ "a,b,,c".split(",") | length }}|{{ "x-y-z".split("-", 1) | join("+") }}' as split_parts,
  '{{ "{}-{:03d}-{name}".format("p", 7, name="n") }}|{{ "%s=%d" % ("k", 4) }}' as formatting,
  '{{ "abcdef"[1:4] }}|{{ "abcdef"[-2:] }}|{{ [1, 2, 3, 4][::2] | join(",") }}|{{ l[-1] }}' as slices,
  '{{ d.keys() | sort | join(",") }}|{{ d.items() | length }}|{{ d.get("q", "none") }}|{{ d.pop("x") }}' as dict_methods,
  '{{ l | sort | join(",") }}|{{ l | max }}|{{ l | min }}|{{ l | sum }}' as list_filters,
  '{{ "yes" if [] else "no" }}|{{ "yes" if {} else "no" }}|{{ [] or "fallback" }}|{{ "x" in ("x", "y") }}' as truthiness,
  '{{ [1] + [2] == [1, 2] }}|{{ "-" * 3 }}|{{ "a" ~ none ~ 1 }}' as operators,
  '{{ a }}/{{ b }}' as unpacked,
  '{% for x in ["p", "q", "r"] %}{{ loop.index }}{{ loop.cycle("o", "e") }}{{ loop.previtem or "^" }}{% if loop.last %}!{% endif %}{% endfor %}' as loop_attrs,
  '{% for x in range(10) %}{% if x % 2 == 0 %}{% continue %}{% endif %}{% if x > 6 %}{% break %}{% endif %}{{ x }}{% endfor %}' as loop_controls,
  '{{ [{"n": "a", "v": 1}, {"n": "b", "v": 2}, {"n": "c", "v": 3}] | selectattr("v", "ge", 2) | map(attribute="n") | join }}' as filters,
  '{{ none is none }}|{{ "s" is string }}|{{ {} is mapping }}|{{ 1 is number }}|{{ "x" is not none }}' as tests,
  '{{ ("True" | as_bool) is true }}|{{ "42" | as_number + 1 }}|{{ ("[1, 2]" | as_native) | length }}|{{ 5 | as_text }}' as dbt_filters,
  '{{ {"b": 1, "a": [1, 2]} | tojson }}|{{ fromjson("[1, 2]") | length }}|{{ (fromyaml("k: v")).k }}|{{ toyaml({"k": "v"}) | trim }}' as serialization,
  '{{ modules.datetime.date(2024, 1, 31).strftime("%Y/%m/%d") }}|{{ (modules.datetime.datetime(2024, 1, 31) + modules.datetime.timedelta(days=1)).isoformat() }}|{{ modules.re.sub("[0-9]+", "#", "a1b22") }}|{{ modules.re.match("(\\\\w+)-(\\\\d+)", "ab-12").group(2) }}' as modules,
  '{{ zip([1, 2], ["a", "b"]) | map("join", ":") | join(",") }}|{{ set([1, 1, 2]) | length }}|{{ range(1, 4) | join }}|{{ dict(a=1).a }}' as builtins
`;

describe('Jinja syntax and Python semantics', () => {
  it('renders dbt-style Jinja the way dbt does', async () => {
    const dir = writeProject({ 'macros/helpers.sql': MACROS, 'models/syntax.sql': MODEL });
    const r = await cli(dir, ['build']);
    expect(r.output).toContain('PASS=1');
    const [row] = await queryDb(dir, 'select * from main.syntax');
    expect(row).toEqual({
      cols: 't.id_x, t.name_x',
      implicit: '1|2-3|j=w;k=v',
      called: '<b>bold</b>',
      call_args: '[10][20]',
      picked: 'a,c:2',
      str_methods: 'mixed_case',
      split_parts: '4|x+y-z',
      formatting: 'p-007-n|k=4',
      slices: 'bcd|ef|1,3|5',
      dict_methods: 'x,y,z|3|none|1',
      list_filters: '1,2,3,5|5|1|11',
      truthiness: 'no|no|fallback|True',
      operators: 'True|---|aNone1',
      unpacked: 'left/right',
      loop_attrs: '1o^2ep3oq!',
      loop_controls: '135',
      filters: 'bc',
      tests: 'True|True|True|True|True',
      dbt_filters: 'True|43|2|5',
      serialization: '{"b": 1, "a": [1, 2]}|2|v|k: v',
      modules: '2024/01/31|2024-02-01T00:00:00|a#b#|12',
      builtins: '1:a,2:b|2|123|1',
    });
  });
});
