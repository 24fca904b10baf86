// Template mistakes get a located TsdbtError: an unknown macro (with the closest names), a dispatch
// with no candidate, a Jinja construct tsdbt does not support, an error raised inside a macro
// (reported at the macro's own line, naming the model that called it), an attribute of an undefined
// value at run time, and a macro argument given twice.
import { describe, expect, it } from 'vitest';
import { cli, writeProject } from '../../helpers/project.js';

const MACROS = `{% macro cents_to_dollars(col) %}({{ col }} / 100)::decimal(10, 2){% endmacro %}

{% macro checked(x) %}
  {%- if x < 0 -%}
    {{ exceptions.raise_compiler_error("checked() needs a positive number, got " ~ x) }}
  {%- endif -%}
  {{ x }}
{% endmacro %}
`;

async function fails(files: Record<string, string>, command = 'build'): Promise<string> {
  const dir = writeProject({ 'macros/m.sql': MACROS, ...files });
  const r = await cli(dir, [command]);
  expect(r.code).not.toBe(0);
  return r.output;
}

describe('bad template input', () => {
  it('names the closest macros when a macro does not exist', async () => {
    const out = await fails({ 'models/a.sql': 'select\n  {{ cents_to_dollar(5) }} as d\n' });
    expect(out).toMatch(/^models\/a\.sql:2:\d+: error\[P004\]: 'cents_to_dollar' is undefined/m);
    expect(out).toMatch(/hint: did you mean `cents_to_dollars`/);
  });

  it('suggests the package macro for a misspelt namespaced call', async () => {
    const out = await fails({ 'models/a.sql': "select {{ dbt.dataadd('day', 1, 'd') }} as d\n" });
    expect(out).toMatch(/^models\/a\.sql:1:\d+: error\[P004\]: 'dbt\.dataadd' is undefined/m);
    expect(out).toMatch(/did you mean `dbt\.dateadd`/);
  });

  it('lists what a dispatch searched when no candidate exists', async () => {
    const out = await fails({ 'models/a.sql': "select {{ adapter.dispatch('surrogate', 'dbt')() }} as k\n" });
    expect(out).toMatch(/^models\/a\.sql:1:\d+: error\[P004\]: In dispatch: No macro named 'surrogate' found within namespace: 'dbt'/m);
    expect(out).toContain("Searched for: 'duckdb__surrogate', 'default__surrogate'");
  });

  it('names an unsupported Jinja construct with its file and line', async () => {
    const withTag = await fails({ 'models/a.sql': 'select 1 as a\n{% with x = 1 %}{{ x }}{% endwith %}\n' });
    expect(withTag).toMatch(/^models\/a\.sql:2:\d+: error\[P001\]: '\{% with %\}' is not supported by tsdbt/m);
    const include = await fails({ 'models/a.sql': "select 1 as a\n\n{% include 'other.sql' %}\n" });
    expect(include).toMatch(/^models\/a\.sql:3:1: error\[P001\]: '\{% include %\}' is not supported by tsdbt/m);
  });

  it('reports an error raised in a macro at the macro line, naming the caller', async () => {
    const out = await fails({ 'models/a.sql': 'select\n  {{ checked(-3) }} as n\n' });
    expect(out).toMatch(/^macros\/m\.sql:5:\d+: error\[P001\]: Compilation Error: checked\(\) needs a positive number, got -3 \(in macro 'checked', called from models\/a\.sql:2\)/m);
  });

  it('reports an attribute of an undefined value at its line, as Jinja2 raises it when dbt runs', async () => {
    const name = await fails({ 'models/a.sql': 'select\n  {{ undefined_var.x }} as a\n' });
    expect(name).toMatch(/(?:^|\s)models\/a\.sql:2:\d+: error\[P001\]: 'undefined_var' is undefined/m);
    const attr = await fails({ 'models/x.sql': 'select 1 as id\n', 'models/b.sql': "select 1 as a\n\n-- {{ ref('x').nosuch.x }}\n" });
    expect(attr).toMatch(/(?:^|\s)models\/b\.sql:3:\d+: error\[P001\]: 'Relation object' has no attribute 'nosuch'/m);
    const inMacro = await fails({ 'macros/u.sql': "{% macro cfg(d) %}\n  {{ d.settings.mode }}\n{% endmacro %}\n", 'models/c.sql': "select\n  '{{ cfg({}) }}' as m\n" });
    expect(inMacro).toMatch(/(?:^|\s)macros\/u\.sql:2:\d+: error\[P001\]: 'dict object' has no attribute 'settings' \(in macro 'cfg', called from models\/c\.sql:2\)/m);
  });

  it('parses a model reading attributes of undefined values, as dbt does, when they are not rendered at run time', async () => {
    const dir = writeProject({ 'models/a.sql': '{% if not execute %}{{ undefined_var.x.y }}{% endif %}select 1 as a\n' });
    const r = await cli(dir, ['build']);
    expect(r.output).not.toContain('error[');
    expect(r.code).toBe(0);
  });

  it('names the macro when an argument is given twice', async () => {
    const out = await fails({ 'macros/kw.sql': '{% macro kw(a, b, c) %}{{ a }}{{ b }}{{ c }}{% endmacro %}', 'models/a.sql': "select\n  {{ kw(*[7, 8, 9], **{'b': 5}) }} as n\n" });
    expect(out).toMatch(/(?:^|\s)models\/a\.sql:2:\d+: error\[P001\]: macro 'kw' got multiple values for argument 'b'/m);
  });

  it('reports a break outside a loop', async () => {
    const out = await fails({ 'models/a.sql': 'select 1 as a\n{% break %}\n' });
    expect(out).toMatch(/^models\/a\.sql:2:\d+: error\[P001\]: '\{% break %\}' is only allowed inside a for loop/m);
  });
});
