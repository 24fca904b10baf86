// Template mistakes get a located TsdbtError: an unknown macro (with the closest names), a dispatch
// with no candidate, a Jinja construct tsdbt does not support, and an error raised inside a macro
// (reported at the macro's own line, naming the model that called it).
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

  it('reports a break outside a loop', async () => {
    const out = await fails({ 'models/a.sql': 'select 1 as a\n{% break %}\n' });
    expect(out).toMatch(/^models\/a\.sql:2:\d+: error\[P001\]: '\{% break %\}' is only allowed inside a for loop/m);
  });
});
