// Python's str, list and dict methods as dbt macros call them (`name.upper()`, `cols.extend(x)`,
// `d.update(a=1)`), looked up by `memberLookup` before JavaScript's own members.
import { splitArgs } from './jinja-args.js';
import { isPlainObject, pyStr, pyEq } from './python-values.js';
import { formatString } from './python-format.js';

type Method = (self: never, ...args: never[]) => unknown;

const WS = ' \t\n\r\x0b\x0c';
const stripSet = (chars: unknown) => (chars === undefined || chars === null ? WS : String(chars));

function lstrip(s: string, chars?: unknown): string {
  const set = stripSet(chars);
  let i = 0;
  while (i < s.length && set.includes(s[i])) i++;
  return s.slice(i);
}

function rstrip(s: string, chars?: unknown): string {
  const set = stripSet(chars);
  let i = s.length;
  while (i > 0 && set.includes(s[i - 1])) i--;
  return s.slice(0, i);
}

function split(s: string, sep?: unknown, maxsplit: unknown = -1): string[] {
  const max = Number(maxsplit);
  if (sep === undefined || sep === null) {
    const parts = s.trim().split(/\s+/).filter((x) => x !== '');
    if (max < 0 || parts.length <= max + 1) return parts;
    const head = parts.slice(0, max);
    let rest = s.trim();
    for (const h of head) rest = lstrip(rest.slice(rest.indexOf(h) + h.length));
    return [...head, rest];
  }
  const parts = s.split(String(sep));
  if (max < 0 || parts.length <= max + 1) return parts;
  return [...parts.slice(0, max), parts.slice(max).join(String(sep))];
}

function affix(s: string, x: unknown, fn: (p: string) => boolean): boolean {
  return Array.isArray(x) ? x.some((p) => fn(String(p))) : fn(String(x));
}

export const STRING_METHODS: Record<string, Method> = {
  upper: (s: string) => s.toUpperCase(),
  lower: (s: string) => s.toLowerCase(),
  casefold: (s: string) => s.toLowerCase(),
  strip: (s: string, c?: unknown) => rstrip(lstrip(s, c), c),
  lstrip,
  rstrip,
  split,
  rsplit: (s: string, sep?: unknown, max: unknown = -1) => {
    if (Number(max) < 0 || sep === undefined || sep === null) return split(s, sep, max);
    const parts = s.split(String(sep));
    const m = Number(max);
    return parts.length <= m + 1 ? parts : [parts.slice(0, parts.length - m).join(String(sep)), ...parts.slice(parts.length - m)];
  },
  splitlines: (s: string) => s.split(/\r?\n/).filter((x, i, a) => i < a.length - 1 || x !== ''),
  replace: (s: string, a: unknown, b: unknown, count: unknown = -1) => {
    const n = Number(count);
    if (n < 0) return s.split(String(a)).join(String(b));
    let out = s;
    let from = 0;
    for (let i = 0; i < n; i++) {
      const at = out.indexOf(String(a), from);
      if (at === -1) break;
      out = out.slice(0, at) + String(b) + out.slice(at + String(a).length);
      from = at + String(b).length;
    }
    return out;
  },
  startswith: (s: string, p: unknown) => affix(s, p, (x) => s.startsWith(x)),
  endswith: (s: string, p: unknown) => affix(s, p, (x) => s.endsWith(x)),
  find: (s: string, x: unknown) => s.indexOf(String(x)),
  rfind: (s: string, x: unknown) => s.lastIndexOf(String(x)),
  index: (s: string, x: unknown) => {
    const i = s.indexOf(String(x));
    if (i === -1) throw new Error(`ValueError: substring not found: '${String(x)}'`);
    return i;
  },
  count: (s: string, x: unknown) => (String(x) === '' ? s.length + 1 : s.split(String(x)).length - 1),
  join: (s: string, items: unknown) => Array.from(items as Iterable<unknown>, (v) => pyStr(v)).join(s),
  format: (s: string, ...args: unknown[]) => {
    const { positional, kwargs } = splitArgs(args);
    return formatString(s, positional, kwargs);
  },
  title: (s: string) => s.toLowerCase().replace(/(^|[^a-zA-Z])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase()),
  capitalize: (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
  swapcase: (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
  isdigit: (s: string) => /^\d+$/.test(s),
  isnumeric: (s: string) => /^\d+$/.test(s),
  isdecimal: (s: string) => /^\d+$/.test(s),
  isalpha: (s: string) => /^[a-zA-Z]+$/.test(s),
  isalnum: (s: string) => /^[a-zA-Z0-9]+$/.test(s),
  isspace: (s: string) => /^\s+$/.test(s),
  isupper: (s: string) => /[A-Z]/.test(s) && s === s.toUpperCase(),
  islower: (s: string) => /[a-z]/.test(s) && s === s.toLowerCase(),
  zfill: (s: string, w: unknown) => (s.startsWith('-') ? '-' + s.slice(1).padStart(Number(w) - 1, '0') : s.padStart(Number(w), '0')),
  ljust: (s: string, w: unknown, f: unknown = ' ') => s.padEnd(Number(w), String(f)),
  rjust: (s: string, w: unknown, f: unknown = ' ') => s.padStart(Number(w), String(f)),
  center: (s: string, w: unknown, f: unknown = ' ') => {
    const total = Math.max(0, Number(w) - s.length);
    const left = Math.floor(total / 2) + (total % 2 && Number(w) % 2 ? 1 : 0);
    return String(f).repeat(left) + s + String(f).repeat(total - left);
  },
  partition: (s: string, sep: unknown) => {
    const i = s.indexOf(String(sep));
    return i === -1 ? [s, '', ''] : [s.slice(0, i), String(sep), s.slice(i + String(sep).length)];
  },
  rpartition: (s: string, sep: unknown) => {
    const i = s.lastIndexOf(String(sep));
    return i === -1 ? ['', '', s] : [s.slice(0, i), String(sep), s.slice(i + String(sep).length)];
  },
  removeprefix: (s: string, p: unknown) => (s.startsWith(String(p)) ? s.slice(String(p).length) : s),
  removesuffix: (s: string, p: unknown) => (String(p) && s.endsWith(String(p)) ? s.slice(0, -String(p).length) : s),
};

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
  else if (obj !== null && typeof obj === 'object' && (obj as { constructor?: { name?: string } }).constructor?.name === 'SafeString') {
    table = STRING_METHODS;
    self = String(obj);
  }
  if (!table || !Object.prototype.hasOwnProperty.call(table, name)) return undefined;
  if (table === DICT_METHODS && Object.prototype.hasOwnProperty.call(obj, name)) return undefined;
  const fn = table[name] as (...a: unknown[]) => unknown;
  return (...args: unknown[]) => fn(self, ...args);
}
