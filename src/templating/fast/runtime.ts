// The runtime the fast interpreter shares with tsdbt's patched nunjucks: Python value semantics from
// python-values.ts, and nunjucks' own (patched) runtime for attribute access, iteration and loop extras.
import { runtime } from '../nunjucks-internals.js';

export { truthy, pyEq, add, sub, mul, mod, concat, inOperator } from '../python-values.js';

type Fn = (...args: unknown[]) => unknown;
const rt = runtime as unknown as {
  memberLookup: Fn;
  fromIterator: (v: unknown) => unknown;
  isArray: (v: unknown) => v is unknown[];
  keys: (v: unknown) => string[];
  tsdbtLoop: (frame: { variables: Record<string, unknown> }, arr: unknown, i: number) => void;
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

/** loop.cycle / depth / previtem / nextitem, added by the patched runtime after each iteration's bindings */
export function loopExtras(frame: { variables: Record<string, unknown> }, arr: unknown, i: number): void {
  rt.tsdbtLoop(frame, arr, i);
}
