// The runtime the fast interpreter shares with tsdbt's patched nunjucks: Python value semantics from
// python-values.ts, and nunjucks' own (patched) runtime for attribute access, iteration and loop extras.
import { runtime } from '../nunjucks-internals.js';

export { truthy, pyEq, add, sub, mul, mod, div, floordiv, pow, neg, pos, pyFloat, concat, inOperator, pyStr, tuple } from '../python-values.js';
export { loopExtras, loopItems } from '../nunjucks-loops.js';

type Fn = (...args: unknown[]) => unknown;
const rt = runtime as unknown as {
  memberLookup: Fn;
  fromIterator: (v: unknown) => unknown;
  isArray: (v: unknown) => v is unknown[];
  keys: (v: unknown) => string[];
};

export const { fromIterator, isArray, keys } = rt;

/**
 * `obj.key` / `obj[key]`: runtime.memberLookup as patched (nunjucks-patches.ts): tsdbt's Python methods,
 * negative indexes, then jinja-compat's dict/list methods. Read at each call so both paths always use
 * the same function.
 */
export function memberLookup(obj: unknown, key: unknown): unknown {
  return rt.memberLookup(obj, key);
}

