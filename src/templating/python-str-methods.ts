// Python's str methods as dbt macros call them (`name.upper()`, `s.split(None, 1)`, `"-".join(xs)`),
// matching CPython's results: whitespace splitting with maxsplit, center()'s odd-padding rule, zfill
// after a sign, start/end arguments, tuples from partition().
import { splitArgs } from './jinja-args.js';
import { pyStr, tuple } from './python-repr.js';
import { formatString } from './python-format.js';

type Method = (self: never, ...args: never[]) => unknown;

const WS = ' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0';
const isWs = (c: string) => WS.includes(c) || /\s/.test(c);
const stripSet = (chars: unknown) => (chars === undefined || chars === null ? null : String(chars));

function lstrip(s: string, chars?: unknown): string {
  const set = stripSet(chars);
  let i = 0;
  while (i < s.length && (set === null ? isWs(s[i]) : set.includes(s[i]))) i++;
  return s.slice(i);
}

function rstrip(s: string, chars?: unknown): string {
  const set = stripSet(chars);
  let i = s.length;
  while (i > 0 && (set === null ? isWs(s[i - 1]) : set.includes(s[i - 1]))) i--;
  return s.slice(0, i);
}

/** str.split(None, max) / rsplit(None, max): runs of whitespace, the unsplit rest kept as it is. */
function splitWs(s: string, max: number, fromRight: boolean): string[] {
  const parts: string[] = [];
  let rest = fromRight ? rstrip(s) : lstrip(s);
  while (rest !== '' && (max < 0 || parts.length < max)) {
    const m = fromRight ? /\s+(?=\S*$)/.exec(rest) : /\s+/.exec(rest);
    if (!m) break;
    if (fromRight) {
      parts.unshift(rest.slice(m.index + m[0].length));
      rest = rstrip(rest.slice(0, m.index));
    } else {
      parts.push(rest.slice(0, m.index));
      rest = lstrip(rest.slice(m.index + m[0].length));
    }
  }
  if (rest !== '') fromRight ? parts.unshift(rest) : parts.push(rest);
  return parts;
}

function split(s: string, sep?: unknown, maxsplit: unknown = -1, fromRight = false): string[] {
  const max = Number(maxsplit ?? -1);
  if (sep === undefined || sep === null) return splitWs(s, max, fromRight);
  const d = String(sep);
  if (d === '') throw new Error('ValueError: empty separator');
  const parts = s.split(d);
  if (max < 0 || parts.length <= max + 1) return parts;
  return fromRight ? [parts.slice(0, parts.length - max).join(d), ...parts.slice(parts.length - max)] : [...parts.slice(0, max), parts.slice(max).join(d)];
}

/** s[start:end] as Python's optional start/end arguments select it, and the offset it starts at. */
function range(s: string, start: unknown, end: unknown): [string, number] {
  const norm = (v: unknown, dflt: number) => {
    if (v === undefined || v === null) return dflt;
    const n = Number(v);
    return n < 0 ? Math.max(0, s.length + n) : Math.min(n, s.length);
  };
  const a = norm(start, 0);
  return [s.slice(a, Math.max(a, norm(end, s.length))), a];
}

function find(s: string, x: unknown, start?: unknown, end?: unknown, last = false): number {
  const [sub, at] = range(s, start, end);
  const i = last ? sub.lastIndexOf(String(x)) : sub.indexOf(String(x));
  return i === -1 ? -1 : i + at;
}

function affix(s: string, x: unknown, start: unknown, end: unknown, atEnd: boolean): boolean {
  const [sub] = range(s, start, end);
  const test = (p: unknown) => (atEnd ? sub.endsWith(String(p)) : sub.startsWith(String(p)));
  return Array.isArray(x) ? x.some(test) : test(x);
}

function fill(f: unknown): string {
  const c = String(f);
  if ([...c].length !== 1) throw new TypeError('The fill character must be exactly one character long');
  return c;
}

function mustFind(i: number): number {
  if (i === -1) throw new Error('ValueError: substring not found');
  return i;
}

const cased = (c: string) => c.toLowerCase() !== c.toUpperCase();

export const STRING_METHODS: Record<string, Method> = {
  upper: (s: string) => s.toUpperCase(),
  lower: (s: string) => s.toLowerCase(),
  casefold: (s: string) => s.toLowerCase(),
  strip: (s: string, c?: unknown) => rstrip(lstrip(s, c), c),
  lstrip,
  rstrip,
  split: (s: string, sep?: unknown, max?: unknown) => split(s, sep, max),
  rsplit: (s: string, sep?: unknown, max?: unknown) => split(s, sep, max, true),
  splitlines: (s: string, keepends?: unknown) => {
    const parts = s.match(/[^\r\n\v\f\x1c-\x1e\x85\u2028\u2029]*(\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]|$)/g) ?? [];
    const lines = parts.filter((p, i) => p !== '' || i < parts.length - 1).filter((p) => p !== '');
    return keepends ? lines : lines.map((l) => l.replace(/(\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029])$/, ''));
  },
  replace: (s: string, a: unknown, b: unknown, count: unknown = -1) => {
    const n = Number(count);
    if (n < 0) return s.split(String(a)).join(String(b));
    const parts = s.split(String(a));
    return parts.length <= n + 1 ? parts.join(String(b)) : parts.slice(0, n + 1).join(String(b)) + String(a) + parts.slice(n + 1).join(String(a));
  },
  startswith: (s: string, p: unknown, start?: unknown, end?: unknown) => affix(s, p, start, end, false),
  endswith: (s: string, p: unknown, start?: unknown, end?: unknown) => affix(s, p, start, end, true),
  find: (s: string, x: unknown, start?: unknown, end?: unknown) => find(s, x, start, end),
  rfind: (s: string, x: unknown, start?: unknown, end?: unknown) => find(s, x, start, end, true),
  index: (s: string, x: unknown, start?: unknown, end?: unknown) => mustFind(find(s, x, start, end)),
  rindex: (s: string, x: unknown, start?: unknown, end?: unknown) => mustFind(find(s, x, start, end, true)),
  count: (s: string, x: unknown, start?: unknown, end?: unknown) => {
    const [sub] = range(s, start, end);
    return String(x) === '' ? sub.length + 1 : sub.split(String(x)).length - 1;
  },
  join: (s: string, items: unknown) => Array.from(items as Iterable<unknown>, (v) => pyStr(v)).join(s),
  format: (s: string, ...args: unknown[]) => {
    const { positional, kwargs } = splitArgs(args);
    return formatString(s, positional, kwargs);
  },
  format_map: (s: string, m: Record<string, unknown>) => formatString(s, [], m),
  title: (s: string) => s.replace(/[^\W_]+/g, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).replace(/(\d)([a-z])/gi, (_m, d: string, c: string) => d + c.toUpperCase()),
  istitle: (s: string) => s === STRING_METHODS.title(s as never) && [...s].some(cased),
  capitalize: (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
  swapcase: (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
  isdigit: (s: string) => /^\d+$/.test(s),
  isnumeric: (s: string) => /^\d+$/.test(s),
  isdecimal: (s: string) => /^\d+$/.test(s),
  isalpha: (s: string) => /^\p{L}+$/u.test(s),
  isalnum: (s: string) => /^[\p{L}\d]+$/u.test(s),
  isidentifier: (s: string) => /^[\p{L}_][\p{L}\d_]*$/u.test(s),
  isspace: (s: string) => s !== '' && [...s].every(isWs),
  isupper: (s: string) => [...s].some(cased) && s === s.toUpperCase(),
  islower: (s: string) => [...s].some(cased) && s === s.toLowerCase(),
  zfill: (s: string, w: unknown) => {
    const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
    return sign + s.slice(sign.length).padStart(Number(w) - sign.length, '0');
  },
  ljust: (s: string, w: unknown, f: unknown = ' ') => s.padEnd(Number(w), fill(f)),
  rjust: (s: string, w: unknown, f: unknown = ' ') => s.padStart(Number(w), fill(f)),
  center: (s: string, w: unknown, f: unknown = ' ') => {
    // CPython: left = marg / 2 + (marg & width & 1)
    const width = Number(w);
    const marg = width - s.length;
    if (marg <= 0) return s;
    const left = Math.floor(marg / 2) + (marg & width & 1);
    return fill(f).repeat(left) + s + fill(f).repeat(marg - left);
  },
  expandtabs: (s: string, size: unknown = 8) => {
    let col = 0;
    return s.replace(/[\t\n\r]|[^\t\n\r]+/g, (m) => {
      if (m === '\t') {
        const n = Number(size) > 0 ? Number(size) - (col % Number(size)) : 0;
        col += n;
        return ' '.repeat(n);
      }
      col = m === '\n' || m === '\r' ? 0 : col + m.length;
      return m;
    });
  },
  partition: (s: string, sep: unknown) => {
    const i = s.indexOf(String(sep));
    return tuple(i === -1 ? [s, '', ''] : [s.slice(0, i), String(sep), s.slice(i + String(sep).length)]);
  },
  rpartition: (s: string, sep: unknown) => {
    const i = s.lastIndexOf(String(sep));
    return tuple(i === -1 ? ['', '', s] : [s.slice(0, i), String(sep), s.slice(i + String(sep).length)]);
  },
  removeprefix: (s: string, p: unknown) => (s.startsWith(String(p)) ? s.slice(String(p).length) : s),
  removesuffix: (s: string, p: unknown) => (String(p) && s.endsWith(String(p)) ? s.slice(0, -String(p).length) : s),
};
