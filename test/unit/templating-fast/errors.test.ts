// Runtime errors from the fast path: nunjucks' TemplateError shape with 1-based line/column of the
// failing call, the original error kept as `cause`, and positioned errors from nested renders untouched.
import { describe, expect, it } from 'vitest';
import { compileFast, type FastTemplate } from '../../../src/templating/fast/index.js';

interface Located extends Error {
  lineno?: number;
  colno?: number;
  cause?: unknown;
}

function failure(tpl: FastTemplate, lookup: (n: string) => unknown): Located {
  try {
    tpl.render(lookup);
  } catch (e) {
    return e as Located;
  }
  throw new Error('render did not fail');
}

describe('render errors', () => {
  it('calling an undefined name reports where the call is', () => {
    const err = failure(compileFast('select 1\n  from {{ undefined_fn() }}', 'models/a.sql')!, () => undefined);
    expect(err.message).toContain('(models/a.sql) [Line 2, Column 23]');
    expect(err.message).toContain('Unable to call `undefined_fn`, which is undefined or falsey');
    expect([err.lineno, err.colno]).toEqual([2, 23]);
    expect(err.cause).toBeInstanceOf(Error);
  });

  it('calling a value that is not a function names it', () => {
    const err = failure(compileFast('{{ target.name() }}', 'a.sql')!, (n) => (n === 'target' ? { name: 'dev' } : undefined));
    expect(err.message).toContain('Unable to call `target["name"]`, which is not a function');
    expect([err.lineno, err.colno]).toEqual([1, 15]);
  });

  it('keeps the error a function threw as the cause, at the position of its call', () => {
    class UnknownRef extends Error {}
    const boom = new UnknownRef("model 'nope' not found");
    const tpl = compileFast("{% set x = 1 %}\n\n{{ ref('nope') }}", 'b.sql')!;
    const err = failure(tpl, (n) => (n === 'ref' ? () => { throw boom; } : undefined));
    expect(err.cause).toBe(boom);
    expect([err.lineno, err.colno]).toEqual([3, 7]);
  });

  it('passes through errors that already carry a position (a nested template failed)', () => {
    const inner = Object.assign(new Error('inner failure'), { lineno: 9, colno: 4 });
    const err = failure(compileFast('{{ m() }}', 'c.sql')!, () => () => { throw inner; });
    expect(err).toBe(inner);
  });

  it('reports errors outside calls at the expression', () => {
    const err = failure(compileFast('a\nb {{ 1 in 2 }}', 'd.sql')!, () => undefined);
    expect(err.message).toContain("argument of type 'number' is not iterable");
    expect(err.lineno).toBe(2);
  });

  it('errors a Python method raises keep their message and position', () => {
    const err = failure(compileFast("x\n  {{ cols.index('zz') }}", 'g.sql')!, (n) => (n === 'cols' ? ['a'] : undefined));
    expect(err.message).toContain('ValueError: zz is not in list');
    expect([err.lineno, err.colno]).toEqual([2, 16]);
    expect(err.cause).toBeInstanceOf(Error);
  });

  it('calls functions with `this` bound to a context that can look names up', () => {
    const seen: unknown[] = [];
    const tpl = compileFast('{% set x = 5 %}{{ f() }}', 'e.sql')!;
    tpl.render((n) => (n === 'f' ? function (this: { lookup(n: string): unknown }) { seen.push(this.lookup('x'), this.lookup('g')); return ''; } : n === 'g' ? 'G' : undefined));
    expect(seen).toEqual([5, 'G']);
  });

  it('a compiled template renders many times with independent state', () => {
    // Python's list.append returns None, which Jinja prints as None (dbt code uses {% do %})
    const tpl = compileFast('{% set l = [] %}{{ l.append(v) }}{{ l }}', 'f.sql')!;
    expect(tpl.render((n) => (n === 'v' ? 1 : undefined))).toBe('None[1]');
    expect(tpl.render((n) => (n === 'v' ? 2 : undefined))).toBe('None[2]');
  });
});
