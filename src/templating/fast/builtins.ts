// The filters the fast path supports, taken from nunjucks itself so their behaviour is identical, and
// the few `is` tests (nunjucks' `defined`, `undefined`, `null`; `is none` parses as the `null` test).
import nunjucks from 'nunjucks';
import { type Fn, TEST_DEFINED, TEST_UNDEFINED } from './ast.js';

const SUPPORTED = ['upper', 'lower', 'trim', 'default', 'd', 'join', 'length', 'replace', 'string', 'int', 'float', 'list', 'first', 'last', 'safe'];

let filters: Map<string, Fn> | null = null;

function load(): Map<string, Fn> {
  // a private environment holds pristine built-ins even if the caller's environment overrides some
  const env = new nunjucks.Environment(null, { autoescape: false });
  const m = new Map<string, Fn>();
  for (const name of SUPPORTED) m.set(name, env.getFilter(name) as Fn);
  return m;
}

export function filterFor(name: string): Fn | null {
  filters ??= load();
  return filters.get(name) ?? null;
}

export function runTest(test: number, v: unknown): boolean {
  return test === TEST_DEFINED ? v !== undefined : test === TEST_UNDEFINED ? v === undefined : v === null;
}
