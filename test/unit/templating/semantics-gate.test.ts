// The gate that keeps templates needing Python semantics away from the plain-nunjucks fast path:
// it flags what differs, lets the common model shapes through, and for every template it lets through
// the fast path and tsdbt's nunjucks render the same text.
import { describe, expect, it } from 'vitest';
import nunjucks from 'nunjucks';
import { needsPythonSemantics } from '../../../src/templating/semantics-gate.js';
import { compileFast } from '../../../src/templating/fast/index.js';
import { render, engineWith } from './helpers.js';

const SAFE = [
  "select * from {{ ref('orders') }}",
  "{{ config(materialized='table', tags=['a']) }}select 1",
  "{% for c in cols %}{{ c }}{% if not loop.last %},{% endif %}{% endfor %}",
  "{% if is_incremental() %}where x > (select max(x) from {{ this }}){% endif %}",
  "{% if target.name == 'prod' and execute %}1{% endif %}",
  "{% set cols = ['id', 'v'] %}{% for c in cols %}{% if c != 'id' %}{{ c }}{% endif %}{% endfor %}",
  "{{ var('start', '2020-01-01') }} -- 50% of {{ 'a+b' }}",
];

const PYTHON = [
  "{% if my_list %}x{% endif %}",
  "{{ name.upper() }}",
  "{{ 'a' ~ b }}",
  "{{ a + b }}",
  "{{ cols[-1] }}",
  "{% if x in ('a', 'b') %}{% endif %}",
  "{% set ns = namespace(n=0) %}",
  "{{ kwargs }}",
  "{{ loop.cycle('a', 'b') }}",
  "{{ x if y else z }}",
  "{% set z = a or [] %}",
  "{{ modules.datetime.date(2020, 1, 1) }}",
  "{% if cols == [] %}{% endif %}",
  "{{ l.pop() }}",
];

describe('semantics gate', () => {
  it('lets the common model shapes use the fast path', () => {
    for (const t of SAFE) expect(needsPythonSemantics(t), t).toBe(false);
  });

  it('sends templates that need Python semantics to nunjucks', () => {
    for (const t of PYTHON) expect(needsPythonSemantics(t), t).toBe(true);
  });

  it('fast and patched nunjucks agree on every template the gate lets through', () => {
    const scope = { ref: (n: string) => `"db"."main"."${n}"`, config: () => '', is_incremental: () => true, this: '"db"."main"."m"', target: { name: 'prod' }, execute: true, cols: ['id', 'a', 'b'], var: (_n: string, d: unknown) => d };
    const engine = engineWith();
    for (const t of SAFE) {
      const fast = compileFast(t, 'm.sql');
      expect(fast, t).not.toBeNull();
      const viaNunjucks = engine.renderWith(scope, () => new nunjucks.Template(t, engine.env, 'm.sql', true).render({}));
      expect(render(t, scope, engine), t).toBe(viaNunjucks);
    }
  });
});
