// Python's str, list and dict methods as dbt macros call them (`name.upper()`, `cols.extend(x)`,
// `d.update(a=1)`), looked up by `memberLookup` before JavaScript's own members.
import { splitArgs } from './jinja-args.js';
import { isPlainObject, pyStr, pyEq, SafeString, tuple } from './python-values.js';
import { STRING_METHODS } from './python-str-methods.js';

export { STRING_METHODS };

type Method = (self: never, ...args: never[]) => unknown;

export const LIST_METHODS: Record<string, Method> = {
  append: (l: unknown[], x: unknown) => {
    l.push(x);
    return null;
  },
  extend: (l: unknown[], xs: unknown) => {
    for (const x of Array.from(xs as Iterable<unknown>)) l.push(x);
    return null;
  },
  pop: (l: unknown[], i?: unknown) => {
    if (!l.length) throw new Error('IndexError: pop from empty list');
    if (i === undefined) return l.pop();
    const idx = Number(i) < 0 ? l.length + Number(i) : Number(i);
    if (idx < 0 || idx >= l.length) throw new Error('IndexError: pop index out of range');
    return l.splice(idx, 1)[0];
  },
  insert: (l: unknown[], i: unknown, x: unknown) => {
    l.splice(Number(i) < 0 ? Math.max(0, l.length + Number(i)) : Number(i), 0, x);
    return null;
  },
  remove: (l: unknown[], x: unknown) => {
    const i = l.findIndex((y) => pyEq(y, x));
    if (i === -1) throw new Error('ValueError: list.remove(x): x not in list');
    l.splice(i, 1);
    return null;
  },
  index: (l: unknown[], x: unknown) => {
    const i = l.findIndex((y) => pyEq(y, x));
    if (i === -1) throw new Error(`ValueError: ${pyStr(x)} is not in list`);
    return i;
  },
  count: (l: unknown[], x: unknown) => l.filter((y) => pyEq(y, x)).length,
  copy: (l: unknown[]) => [...l],
  clear: (l: unknown[]) => {
    l.length = 0;
    return null;
  },
  reverse: (l: unknown[]) => {
    l.reverse();
    return null;
  },
  sort: (l: unknown[], ...args: unknown[]) => {
    const { kwargs } = splitArgs(args);
    l.sort((a, b) => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0));
    if (kwargs.reverse) l.reverse();
    return null;
  },
};

export const DICT_METHODS: Record<string, Method> = {
  update: (d: Record<string, unknown>, ...args: unknown[]) => {
    const { positional, kwargs } = splitArgs(args);
    for (const p of positional) {
      if (Array.isArray(p)) for (const [k, v] of p as [string, unknown][]) d[k] = v;
      else if (p && typeof p === 'object') Object.assign(d, p);
    }
    Object.assign(d, kwargs);
    return null;
  },
  copy: (d: Record<string, unknown>) => ({ ...d }),
  // (key, value) tuples, so `"%s=%s" % kv` and printing work as in Python
  items: (d: Record<string, unknown>) => Object.entries(d).filter(([k]) => k !== '__keywords').map((e) => tuple(e)),
  clear: (d: Record<string, unknown>) => {
    for (const k of Object.keys(d)) delete d[k];
    return null;
  },
  get: (d: Record<string, unknown>, k: unknown, dflt: unknown = null) => (Object.prototype.hasOwnProperty.call(d, String(k)) && d[String(k)] !== undefined ? d[String(k)] : dflt),
};

/** The Python method `name` of `obj` bound to it, or undefined when Python has none. */
export function pythonMethod(obj: unknown, name: string): ((...a: unknown[]) => unknown) | undefined {
  let table: Record<string, Method> | undefined;
  let self: unknown = obj;
  if (typeof obj === 'string') table = STRING_METHODS;
  else if (Array.isArray(obj)) table = LIST_METHODS;
  else if (isPlainObject(obj)) table = DICT_METHODS;
  else if (obj instanceof SafeString) {
    // macro output: Python's str methods (SafeString inherits JavaScript's, e.g. a replace() of one match)
    table = STRING_METHODS;
    self = String(obj);
  }
  if (!table || !Object.prototype.hasOwnProperty.call(table, name)) return undefined;
  if (table === DICT_METHODS && Object.prototype.hasOwnProperty.call(obj, name)) return undefined;
  const fn = table[name] as (...a: unknown[]) => unknown;
  return (...args: unknown[]) => fn(self, ...args);
}
