// Jinja2 constructs dbt projects use that tsdbt once rejected or rendered differently: tests with one
// argument and no parentheses, recursive loops with loop(), one-element tuples, implicit string
// concatenation, groupby tuples, zip tuples, true division and exponent literals. The model builds a
// table and its compiled SQL shows the values as dbt prints them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeProject } from '../../helpers/project.js';

const MACROS = `{% macro tree_paths(nodes) -%}
  {%- for n in nodes recursive -%}
    {{ loop.depth }}:{{ n.name }}{% if n.children %}({{ loop(n.children) }}){% endif %}{{ ' ' if not loop.last }}
  {%- endfor -%}
{%- endmacro %}
`;

const MODEL = `{{ config(materialized='table') }}
{%- set rows = [{'k': 'b', 'v': 2}, {'k': 'a', 'v': 1}, {'k': 'b', 'v': 3}] -%}
{%- set tree = [{'name': 'a', 'children': [{'name': 'a1', 'children': []}]}, {'name': 'b', 'children': []}] -%}
select
  '{{ 9 is divisibleby 3 }}|{{ false is sameas false }}|{{ 7 is not divisibleby 2 }}' as bare_tests,
  '{{ tree_paths(tree) }}' as recursive_loop,
  '{{ (3,) }}|{{ (3,) | length }}|{{ [1, 2,] | length }}' as tuples,
  '{{ 'con' 'cat' }}' as implicit_concat,
  '{{ rows | groupby('k') | map(attribute='grouper') | join(',') }}|{% for g, items in rows | groupby('k') %}{{ g }}={{ items | sum(attribute='v') }};{% endfor %}' as grouped,
  $\${{ zip([1, 2], ['x', 'y']) | list }}$$ as zipped,
  {{ 3 / 1 }} as true_div,
  {{ 7 // 2 }} as floor_div,
  {{ 1e20 | int }} as big_int
`;

describe('Jinja2 constructs tsdbt used to reject', () => {
  it('render as dbt renders them', async () => {
    const dir = writeProject({ 'macros/tree.sql': MACROS, 'models/gaps.sql': MODEL });
    const r = await cli(dir, ['build']);
    expect(r.output).not.toContain('error[');
    expect(r.code).toBe(0);
    const [row] = await queryDb(dir, 'select * from main.gaps');
    expect({ ...row, true_div: Number(row.true_div), floor_div: Number(row.floor_div), big_int: String(row.big_int) }).toEqual({
      bare_tests: 'True|True|True',
      recursive_loop: '1:a(2:a1) 1:b',
      tuples: '(3,)|1|2',
      implicit_concat: 'concat',
      grouped: 'a,b|a=1;b=5;',
      zipped: "[(1, 'x'), (2, 'y')]",
      true_div: 3,
      floor_div: 3,
      big_int: '100000000000000000000',
    });
    const compiled = readFileSync(join(dir, 'target/compiled/shop/models/gaps.sql'), 'utf8');
    expect(compiled).toContain('3.0 as true_div,\n  3 as floor_div,\n  100000000000000000000 as big_int');
  });
});
