// `{% set xs = xs.append(v) %}` inside a for loop, an idiom packages use to build a list of quoted
// column names: append() mutates the outer list and returns none, and the loop-scoped set must not
// leak, so the next iteration (and the code after the loop) still sees the outer, grown list, as
// Jinja2 does. Checked through a generic test whose SQL is built from that list.
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeProject } from '../../helpers/project.js';

const MACROS = `{% macro quoted_cols(names) %}
  {%- set cols = [] -%}
  {%- for n in names -%}{%- set cols = cols.append(adapter.quote(n)) -%}{%- endfor -%}
  {{- return(cols) -}}
{% endmacro %}

{% test dup_groups(model, keys, quote=false) %}
{%- if quote -%}{%- set keys_sql = quoted_cols(keys) -%}{%- else -%}{%- set keys_sql = keys -%}{%- endif %}
select {% for k in keys_sql %}{{ k }}, {% endfor %}count(*) as n
from {{ model }}
group by {{ keys_sql | join(', ') }}
having count(*) > 1
{% endtest %}
`;

const MODEL = `{{ config(materialized='table') }}
select * from (values (1, 'a'), (1, 'a'), (2, 'b'), (2, 'c'), (3, 'd'), (3, 'd')) as t(k, v)
`;

const SHOWN = `{{ config(materialized='table') }}
select '{{ quoted_cols(['k', 'v', 'w']) | join('|') }}' as cols
`;

describe('set of list.append() inside a for loop', () => {
  it('keeps appending to the outer list and builds the test SQL from it', async () => {
    const dir = writeProject({
      'macros/m.sql': MACROS,
      'models/pairs.sql': MODEL,
      'models/shown.sql': SHOWN,
      'models/schema.yml': `version: 2
models:
  - name: pairs
    data_tests:
      - dup_groups:
          keys: [k, v]
          quote: true
      - dup_groups:
          keys: [k]
`,
    });
    const r = await cli(dir, ['build']);
    expect(r.output).toMatch(/FAIL 2 dup_groups_pairs_k__v__True/);
    expect(r.output).toMatch(/FAIL 3 dup_groups_pairs_k \./);
    expect(await queryDb(dir, 'select cols from shown')).toEqual([{ cols: '"k"|"v"|"w"' }]);
  });
});
