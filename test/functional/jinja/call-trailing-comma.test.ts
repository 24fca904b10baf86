// Jinja2 takes a trailing comma before the `)` of a call's arguments, of a macro's signature and of a
// `{% call %}` block's arguments; packages write keyword calls one argument a line, ending with a comma
// (dbt_date's get_base_dates calls its date_spine that way). Both renderers must read it: the fast path
// (a model with expressions only) and nunjucks (macro files).
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeProject } from '../../helpers/project.js';

const MACROS = `{% macro span(unit, lo, hi,) -%}
  {{ unit }}:{{ lo }}..{{ hi }}
{%- endmacro %}

{% macro wrap(tag,) -%}
  <{{ tag }}>{{ caller() }}</{{ tag }}>
{%- endmacro %}

{% macro spelled_out() -%}
  {{ span(
        unit="day",
        lo=1,
        hi=7,
     )
  }}|{{ span('wk', 2, 3,) }}|{% call wrap('b',) %}x{% endcall %}
{%- endmacro %}
`;

const MODEL = `{{ config(materialized='table') }}
select
  '{{ spelled_out() }}' as from_macros,
  '{{ [1, 2, 3] | join("-",) }}|{{ "a,b".split(",",) | length }}|{{ dict(k=1,) | length }}' as from_model
`;

describe('a trailing comma in call arguments and signatures', () => {
  it('is read as Jinja2 reads it', async () => {
    const dir = writeProject({ 'macros/spans.sql': MACROS, 'models/commas.sql': MODEL });
    const r = await cli(dir, ['build']);
    expect(r.output).not.toContain('error[');
    expect(r.code).toBe(0);
    const [row] = await queryDb(dir, 'select * from main.commas');
    expect(row).toEqual({ from_macros: 'day:1..7|wk:2..3|<b>x</b>', from_model: '1-2-3|2|1' });
  });
});
