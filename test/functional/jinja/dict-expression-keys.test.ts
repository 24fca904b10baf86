// A dict literal's keys are expressions in Jinja2: `{col.column: col}`, `{rel: []}`, `{name: 1}` use
// the values, as package macros that index columns by relation do. String keys and keyword arguments
// (`dict(a=1)`, `f(key=...)`) keep their names.
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeProject } from '../../helpers/project.js';

const MACROS = `{% macro columns_by_relation(relations) -%}
  {%- set seen = {} -%}
  {%- set widest = {} -%}
  {%- for rel in relations -%}
    {%- do seen.update({rel: []}) -%}
    {%- for col in adapter.get_columns_in_relation(rel) -%}
      {%- do seen[rel].append(col.column) -%}
      {%- do widest.update({col.column: col}) -%}
    {%- endfor -%}
  {%- endfor -%}
  {%- for rel in relations -%}
    {{ rel.identifier }}={{ seen[rel] | join('+') }}{{ ';' if not loop.last }}
  {%- endfor %}|{{ widest.keys() | list | join(',') }}
{%- endmacro %}
`;

const MODEL = `{%- set key = 'picked' -%}
{%- set n = 2 -%}
select
  $\${{ {key: 1, 'plain': 2} }}$$ as name_key,
  $\${{ {'a' ~ n: n * 2} }}$$ as expr_key,
  $\${{ dict(kw=1) }}$$ as keyword_args,
  '{{ columns_by_relation([ref('left_side'), ref('right_side')]) }}' as by_relation
`;

describe('dict literals with expression keys', () => {
  it('evaluate their keys as Jinja2 does', async () => {
    const dir = writeProject({
      'macros/by_relation.sql': MACROS,
      'models/left_side.sql': 'select 1 as id, 2 as a\n',
      'models/right_side.sql': 'select 1 as id, 3 as b\n',
      'models/keys.sql': MODEL,
    });
    const r = await cli(dir, ['build']);
    expect(r.output).not.toContain('error[');
    expect(r.code).toBe(0);
    expect(await queryDb(dir, 'select * from main.keys')).toEqual([{
      name_key: "{'picked': 1, 'plain': 2}",
      expr_key: "{'a2': 4}",
      keyword_args: "{'kw': 1}",
      by_relation: 'left_side=id+a;right_side=id+b|id,a,b',
    }]);
  });
});
