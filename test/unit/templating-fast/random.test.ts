// Seeded random templates built from the supported grammar: whenever the fast path accepts one, its
// output (or failure) must equal tsdbt's nunjucks path; and it must accept most of them.
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { compileFast } from '../../../src/templating/fast/index.js';
import { env, renderFast, renderNunjucks } from './harness.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ATOMS = [
  's', 'num', 'zero', 'nul', 'x', 't', 'f', 'cols', 'obj', 'flt', 'numstr', '"a b"', "'q'", '3', '0', '2.5', 'none', 'true',
  'cols[0]', 'obj.a', 'obj.d.e', 'loop.index', 'i', 'empty', 'emptyobj', 'nums', '[]', '("a", 1)', '()', 'cols[-1]',
  's.upper()', 's.split(" ")', '"%s!"', 'obj.get("a")', 'safe', 'loop.cycle(1, 2)', 'loop.previtem',
];
const BINOPS = ['+', '-', '*', '/', '//', '%', '**', '~', '==', '!=', '<', '>=', 'and', 'or', 'in', 'not in'];
const FILTERS = [
  'upper', 'lower', 'trim', 'default("d")', 'length', 'string', 'int', 'float', 'first', 'last', 'join(",")', 'replace("a", "b")',
  'd(1, true)', 'safe', 'list', 'tojson', 'title', 'unique', 'count', 'as_bool', 'int(7)', 'map("string")', 'select', 'sort',
];
const TESTS = ['defined', 'none', 'string', 'mapping', 'number', 'sequence', 'divisibleby(2)', 'in(cols)', 'true'];

function expr(r: () => number, depth: number): string {
  const p = r();
  if (depth <= 0 || p < 0.3) return ATOMS[Math.floor(r() * ATOMS.length)]!;
  if (p < 0.55) return `${expr(r, depth - 1)} ${BINOPS[Math.floor(r() * BINOPS.length)]} ${expr(r, depth - 1)}`;
  if (p < 0.65) return `not ${expr(r, depth - 1)}`;
  if (p < 0.72) return `(${expr(r, depth - 1)})`;
  if (p < 0.8) return `${expr(r, depth - 1)} | ${FILTERS[Math.floor(r() * FILTERS.length)]}`;
  if (p < 0.86) return `${expr(r, depth - 1)} if ${expr(r, depth - 1)} else ${expr(r, depth - 1)}`;
  if (p < 0.9) return `${expr(r, depth - 1)} is ${r() < 0.5 ? 'not ' : ''}${TESTS[Math.floor(r() * TESTS.length)]}`;
  if (p < 0.95) return `[${expr(r, depth - 1)}, ${expr(r, depth - 1)}]`;
  return `echo(${expr(r, depth - 1)}, k=${expr(r, depth - 1)})`;
}

function ws(r: () => number): string {
  return r() < 0.3 ? '-' : '';
}

function template(r: () => number, depth: number): string {
  let out = '';
  const n = 1 + Math.floor(r() * 3);
  for (let i = 0; i < n; i++) {
    const p = r();
    const text = [' ', '\n  ', 'sql ', '\t\n', ''][Math.floor(r() * 5)]!;
    if (depth <= 0 || p < 0.4) out += `${text}{{${ws(r)} ${expr(r, 2)} ${ws(r)}}}`;
    else if (p < 0.55) out += `${text}{%${ws(r)} set v${i} = ${expr(r, 2)} ${ws(r)}%}{{ v${i} }}`;
    else if (p < 0.75) out += `${text}{%${ws(r)} if ${expr(r, 2)} ${ws(r)}%}${template(r, depth - 1)}{%${ws(r)} else ${ws(r)}%}${template(r, depth - 1)}{% endif %}`;
    else out += `${text}{%${ws(r)} for i in ${r() < 0.5 ? 'cols' : expr(r, 1)} ${ws(r)}%}${template(r, depth - 1)}{%${ws(r)} endfor ${ws(r)}%}`;
  }
  return out;
}

describe('random templates', () => {
  it('render identically whenever the fast path accepts them', () => {
    const r = rng(Number(process.env.RT_SEED ?? 20240611));
    let accepted = 0;
    const total = Number(process.env.RT_TOTAL ?? 600);
    for (let i = 0; i < total; i++) {
      const src = template(r, 2);
      let njCompiles = true;
      try {
        new nunjucks.Template(src, env, 'r.sql', true);
      } catch {
        njCompiles = false;
      }
      if (compileFast(src, 'r.sql', env) === null) continue;
      expect(njCompiles, `accepted a template nunjucks rejects: ${src}`).toBe(true);
      accepted++;
      const fast = renderFast(src)!;
      const nj = renderNunjucks(src);
      if ('error' in nj) {
        expect('error' in fast, src).toBe(true);
        const cause = (m: string) => m.slice(m.indexOf('\n') + 1).trim();
        expect(cause((fast as { error: string }).error), src).toBe(cause(nj.error));
      } else expect(fast, src).toEqual(nj);
    }
    if (process.env.RT_TOTAL) console.log('accepted', accepted, 'of', total);
    expect(accepted).toBeGreaterThan(total / 2);
  });
});
