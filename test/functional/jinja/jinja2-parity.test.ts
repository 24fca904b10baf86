// Where nunjucks and dbt's Jinja2 used to differ: printing values as Python does, `for ... if`,
// keyword arguments to filters, str methods on macro output, arithmetic precedence, CPython's str
// methods and `%` formatting, `set` scoped to a loop iteration, loop.changed, and a package macro
// calling a sibling by bare name. Each model builds a table (or compiles) and the test reads it back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeProject } from '../../helpers/project.js';

const MODEL = `{{ config(materialized='table') }}
{%- set rows = [{'k': 'a', 'v': 1}, {'k': 'a', 'v': 2}, {'k': 'b', 'v': 3}] -%}
{%- set ns = namespace(total=0) -%}
{%- set last = 'outer' -%}
{%- for r in rows -%}{%- set last = r.k -%}{%- set ns.total = ns.total + r.v -%}{%- endfor -%}
select
  '{% for r in rows if r.v > 1 %}{{ loop.index }}/{{ loop.length }}:{{ r.v }} {% else %}none{% endfor %}' as filtered,
  '{% for r in rows if r.v > 5 %}{{ r.v }}{% else %}none{% endfor %}' as filtered_empty,
  '{{ last }}:{{ ns.total }}' as scoping,
  '{% for r in rows %}{% if loop.changed(r.k) %}{{ r.k }}{% endif %}{% endfor %}' as changed,
  {{ 'x' | int(default=5) }} as int_default,
  {{ 'ff' | int(base=16) }} as int_base,
  '{{ ['a', 'b'] | join(d='+') }}|{{ 2.567 | round(precision=1) }}|{{ none | default('d', boolean=true) }}' as filter_kwargs,
  '{{ shout('  hi  ').strip().upper() }}|{{ shout('a-b').replace('-', '_') }}' as safe_methods,
  {{ 7 / 2 % 2 }} as prec_div_mod,
  {{ 2 * 8 % 3 }} as prec_mul_mod,
  '{{ 'ab'.center(5, '*') }}|{{ '%s=%s' | format('a', 1) }}|{{ '%5.1f' % 2.25 }}|{{ '+7'.zfill(4) }}|{{ ' a b '.split(none, 1) | join('/') }}' as py_str,
  '{{ wrap_col('x') }}' as pkg_macro,
  '{{ label('x') }}' as root_macro,
  {{ true }} as printed_true,
  '{{ [1, 2] | length }}{{ (1, 2) | join }}' as tuples
`;

const PRINTING = `{{ config(materialized='view') }}
-- none={{ none }} true={{ true }} list={{ [1, 'a'] }} dict={{ {'a': 1} }} tuple={{ (1, 2) }} float={{ 0.5 }} whole={{ 1.0 }} div={{ 3 / 1 }} undefined=[{{ not_defined }}] rel={{ this }} macro={{ shout('m') }}
select 1 as x
`;

const FILES = {
  'packages.yml': 'packages:\n  - package: acme/util_pkg\n    version: [">=1.0.0"]\n',
  'macros/labels.sql': '{% macro label(c) %}root_{{ c }}{% endmacro %}\n{% macro shout(x) %}{{ x }}{% endmacro %}\n',
  'dbt_packages/util_pkg/dbt_project.yml': "name: util_pkg\nversion: '1.0.0'\nconfig-version: 2\n",
  'dbt_packages/util_pkg/macros/wrap.sql': '{% macro wrap_col(c) %}[{{ label(c) }}]{% endmacro %}\n',
  'dbt_packages/util_pkg/macros/label.sql': '{% macro label(c) %}pkg_{{ c }}{% endmacro %}\n',
  'models/parity.sql': MODEL,
  'models/printing.sql': PRINTING,
};

describe("dbt's Jinja2 semantics", () => {
  it('builds models the way dbt renders them', async () => {
    const dir = writeProject(FILES);
    const r = await cli(dir, ['build']);
    expect(r.output).not.toContain('error[');
    expect(r.code).toBe(0);
    const [row] = await queryDb(dir, 'select * from main.parity');
    expect({ ...row, prec_div_mod: Number(row.prec_div_mod), prec_mul_mod: Number(row.prec_mul_mod), int_default: Number(row.int_default), int_base: Number(row.int_base) }).toEqual({
      filtered: '1/2:2 2/2:3 ',
      filtered_empty: 'none',
      scoping: 'outer:6',
      changed: 'ab',
      int_default: 5,
      int_base: 255,
      filter_kwargs: 'a+b|2.6|d',
      safe_methods: 'HI|a_b',
      prec_div_mod: 1.5,
      prec_mul_mod: 1,
      py_str: '**ab*|a=1|  2.2|+007|a/b ',
      pkg_macro: '[pkg_x]',
      root_macro: 'root_x',
      printed_true: true,
      tuples: '212',
    });
    const compiled = readFileSync(join(dir, 'target/compiled/shop/models/printing.sql'), 'utf8');
    expect(compiled).toContain(
      `-- none=None true=True list=[1, 'a'] dict={'a': 1} tuple=(1, 2) float=0.5 whole=1.0 div=3.0 undefined=[] rel="shop"."main"."printing" macro=m`,
    );
  });

  it('reports Python errors where JavaScript would coerce', async () => {
    const dir = writeProject({ 'models/bad.sql': "select '{{ 'n=' ~ 1 + 2 }}' as x\n" });
    const r = await cli(dir, ['build']);
    // the model renders at parse time, so this is a parse error (exit 2) naming the file and line
    expect(r.code).toBe(2);
    expect(r.output).toContain('models/bad.sql:1:');
    expect(r.output).toContain('can only concatenate str (not "int") to str');
  });
});
