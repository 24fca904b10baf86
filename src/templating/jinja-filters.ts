// Filters dbt's Jinja has and nunjucks lacks or defines differently: dbt's own (`tojson`, `as_bool`,
// `as_number`, `as_native`, `as_text`, `fromyaml`...) and Jinja's (`map`, `select*`/`reject*` with a
// test, `min`/`max`, `unique`, `format`, `int` with a default, `items`, `groupby` giving (grouper,
// list) tuples, `round`/`abs`/`sum`/`float` keeping Python floats).
import type nunjucks from 'nunjucks';
import YAML from 'yaml';
import { splitArgs } from './jinja-args.js';
import { installJinjaTests, testByName } from './jinja-tests.js';
import { PyFloat, SafeString, add, isFloat, percentFormat, pyEq, pyFloat, pyStr, truthy, tuple, unbox } from './python-values.js';
import { pyFixed } from './python-percent.js';
import { installFilterKeywords } from './filter-signatures.js';
import { pyJson } from './python-json.js';

type Filter = (...a: never[]) => unknown;

function asBool(v: unknown): boolean {
  if (typeof v === 'string') return ['true', '1', 'yes', 'on'].includes(v.trim().toLowerCase());
  return Boolean(v);
}

function asNumber(v: unknown): unknown {
  return typeof v === 'number' || v instanceof PyFloat ? v : Number(String(v).trim());
}

function asNative(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  try {
    return JSON.parse(t);
  } catch {
    if (t === 'True') return true;
    if (t === 'False') return false;
    if (t === 'None') return null;
    return v;
  }
}

/** `a.b.c` attribute paths as Jinja's `attribute=` arguments allow. */
function attr(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const part of path.split('.')) {
    if (cur === null || cur === undefined) return undefined;
    cur = (cur as Record<string, unknown>)[/^\d+$/.test(part) && Array.isArray(cur) ? Number(part) : part];
  }
  return cur;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === null || v === undefined ? [] : typeof v === 'object' && Symbol.iterator in v ? Array.from(v as Iterable<unknown>) : typeof v === 'object' ? Object.keys(v) : Array.from(String(v)));

export function installJinjaFilters(nenv: nunjucks.Environment): void {
  const env = nenv as unknown as { addFilter(n: string, f: Filter): void; getFilter(n: string): (...a: unknown[]) => unknown };
  installJinjaTests(nenv);
  const select = (keep: boolean, byAttr: boolean) =>
    function (this: unknown, seq: unknown, ...args: unknown[]) {
      const { positional } = splitArgs(args);
      const [attrName, testName, ...testArgs] = byAttr ? positional : [undefined, ...positional];
      const test = testName === undefined ? null : testByName(nenv, String(testName));
      return list(seq).filter((item) => {
        const v = byAttr ? attr(item, String(attrName)) : item;
        return (test ? test.call(this, v, ...testArgs) : truthy(v)) === keep;
      });
    };
  const filters: Record<string, Filter> = {
    tojson: (v: unknown) => pyJson(v),
    fromjson: (v: unknown) => JSON.parse(String(v)),
    toyaml: (v: unknown) => YAML.stringify(v),
    fromyaml: (v: unknown) => YAML.parse(String(v)),
    as_bool: asBool,
    as_number: asNumber,
    as_native: asNative,
    as_text: (v: unknown) => (v === null || v === undefined ? '' : v instanceof PyFloat ? pyStr(v) : String(v)),
    map: function (this: unknown, seq: unknown, ...args: unknown[]) {
      const { positional, kwargs } = splitArgs(args);
      if (kwargs.attribute !== undefined) return list(seq).map((x) => attr(x, String(kwargs.attribute)) ?? kwargs.default);
      const f = env.getFilter(String(positional[0]));
      return list(seq).map((x) => f.call(this, x, ...positional.slice(1)));
    } as Filter,
    select: select(true, false) as Filter,
    reject: select(false, false) as Filter,
    selectattr: select(true, true) as Filter,
    rejectattr: select(false, true) as Filter,
    unique: (seq: unknown, ...args: unknown[]) => {
      const { kwargs } = splitArgs(args);
      const seen = new Set<unknown>();
      return list(seq).filter((x) => {
        const k = kwargs.attribute !== undefined ? attr(x, String(kwargs.attribute)) : x;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    },
    min: (seq: unknown, ...args: unknown[]) => pick(list(seq), splitArgs(args).kwargs, -1),
    max: (seq: unknown, ...args: unknown[]) => pick(list(seq), splitArgs(args).kwargs, 1),
    format: (fmt: unknown, ...args: unknown[]) => {
      const { positional, kwargs } = splitArgs(args);
      if (positional.length && Object.keys(kwargs).length) throw new TypeError("the format filter can't handle positional and keyword arguments at the same time");
      return percentFormat(pyStr(fmt), Object.keys(kwargs).length ? kwargs : tuple(positional));
    },
    int: (v: unknown, dflt: unknown = 0, base: unknown = 10) => {
      const n = pyNumberOf(v, Number(base ?? 10));
      return n === undefined || !Number.isFinite(n) ? dflt : Math.trunc(n);
    },
    float: (v: unknown, dflt: unknown = pyFloat(0)) => {
      const n = pyNumberOf(v, 10);
      return n === undefined ? dflt : pyFloat(n);
    },
    // Jinja2's: Python's round() (ties to even; an int stays an int), or math.ceil/floor as a float
    round: (v: unknown, precision: unknown = 0, method: unknown = 'common') => {
      const n = unbox(v) as number;
      const p = Number(unbox(precision ?? 0));
      const m = method ?? 'common';
      if (m !== 'common' && m !== 'ceil' && m !== 'floor') throw new Error('method must be common, ceil or floor');
      if (m !== 'common') return pyFloat((m === 'ceil' ? Math.ceil : Math.floor)(n * 10 ** p) / 10 ** p);
      if (!isFloat(v)) return p >= 0 ? v : Math.round(n / 10 ** -p) * 10 ** -p;
      if (!Number.isFinite(n)) return v;
      return pyFloat(p >= 0 ? Number(pyFixed(n, p)) : Number(pyFixed(n / 10 ** -p, 0)) * 10 ** -p);
    },
    abs: (v: unknown) => (v instanceof PyFloat ? new PyFloat(Math.abs(v.valueOf())) : Math.abs(v as number)),
    sum: (seq: unknown, attribute: unknown = undefined, start: unknown = 0) =>
      list(seq).reduce((acc: unknown, x) => add(acc, attribute === undefined || attribute === null ? x : attr(x, String(attribute))), start ?? 0),
    groupby: (seq: unknown, attribute: unknown, dflt: unknown = null, caseSensitive: unknown = false) => groupBy(list(seq), String(attribute), dflt, truthy(caseSensitive)),
    // Jinja2's: only undefined is replaced, unless `boolean` asks for Python falsiness
    default: (v: unknown, dflt: unknown = '', boolean: unknown = false) => (v === undefined || (truthy(boolean) && !truthy(v)) ? dflt : v),
    join: (seq: unknown, d: unknown = '', attribute?: unknown) =>
      list(seq).map((x) => pyStr(attribute === undefined || attribute === null ? x : attr(x, String(attribute)))).join(pyStr(d)),
    string: (v: unknown) => pyStr(v),
    truncate: (v: unknown, length: unknown = 255, killwords: unknown = false, end: unknown = '...', leeway: unknown = 5) => {
      const [str, n, e] = [pyStr(v), Number(length ?? 255), pyStr(end ?? '...')];
      if (str.length <= n + Number(leeway ?? 5)) return str;
      if (truthy(killwords)) return str.slice(0, n - e.length) + e;
      const head = str.slice(0, n - e.length);
      return (head.includes(' ') ? head.slice(0, head.lastIndexOf(' ')) : head) + e;
    },
    dictsort: (v: unknown, caseSensitive: unknown = false, by: unknown = 'key', reverse: unknown = false) => {
      const i = by === 'value' ? 1 : 0;
      const key = (x: unknown) => (typeof x === 'string' && !truthy(caseSensitive) ? x.toLowerCase() : x) as number;
      const pairs = Object.entries((v ?? {}) as Record<string, unknown>).filter(([k]) => k !== '__keywords').map((e) => tuple(e));
      pairs.sort((a, b) => (key(a[i]) < key(b[i]) ? -1 : key(a[i]) > key(b[i]) ? 1 : 0));
      return truthy(reverse) ? pairs.reverse() : pairs;
    },
    items: (v: unknown) => (v && typeof v === 'object' ? Object.entries(v).filter(([k]) => k !== '__keywords').map((e) => tuple(e)) : []),
    count: (v: unknown) => list(v).length,
    map_attr: (v: Record<string, unknown>[], a: string) => v.map((x) => x[a]),
  };
  filters.d = filters.default;
  for (const [name, f] of Object.entries(filters)) env.addFilter(name, f);
  installFilterKeywords(nenv);
}

const DECIMAL = /^[-+]?(\d[\d_]*\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Python's int()/float() of a filter argument: numbers, numeric strings (in `base`), else undefined. */
function pyNumberOf(v: unknown, base: number): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof PyFloat) return v.valueOf();
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v !== 'string' && !(v instanceof SafeString)) return undefined;
  const s = String(v).trim();
  if (base !== 10) {
    const n = parseInt(s.replace(/^[-+]?0[xob]/i, (p) => p.replace(/0[xob]/i, '')), base);
    return Number.isNaN(n) ? undefined : n;
  }
  return DECIMAL.test(s) ? Number(s.replace(/_/g, '')) : undefined;
}

/** Python's sort order for keys of one type (numbers, strings, booleans), None first */
function compareKeys(a: unknown, b: unknown): number {
  const x = unbox(a) as number;
  const y = unbox(b) as number;
  if (x === y) return 0;
  if (x === null || x === undefined) return -1;
  if (y === null || y === undefined) return 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A Python tuple that also answers `.grouper` and `.list`, like Jinja2's _GroupTuple. */
function groupTuple(grouper: unknown, items: unknown[]): unknown[] {
  const t = tuple([grouper, items]);
  Object.defineProperties(t, { grouper: { value: grouper }, list: { value: items } });
  return t;
}

/** Jinja2's groupby: sorted by the attribute (lowercased strings unless case-sensitive), then grouped. */
function groupBy(items: unknown[], attribute: string, dflt: unknown, caseSensitive: boolean): unknown[] {
  const raw = (x: unknown) => {
    const v = attr(x, attribute);
    return v === undefined && dflt !== null && dflt !== undefined ? dflt : v;
  };
  const key = (x: unknown) => {
    const v = raw(x);
    return !caseSensitive && (typeof v === 'string' || v instanceof SafeString) ? String(v).toLowerCase() : v;
  };
  const keyed = items.map((x) => ({ x, k: key(x) })).sort((a, b) => compareKeys(a.k, b.k));
  const out: unknown[] = [];
  let group: unknown[] = [];
  for (let i = 0; i < keyed.length; i++) {
    group.push(keyed[i]!.x);
    if (i + 1 === keyed.length || !pyEq(keyed[i + 1]!.k, keyed[i]!.k)) {
      out.push(groupTuple(caseSensitive ? keyed[i]!.k : raw(group[0]), group));
      group = [];
    }
  }
  return out;
}

function pick(items: unknown[], kwargs: Record<string, unknown>, sign: number): unknown {
  const key = (x: unknown) => (kwargs.attribute !== undefined ? attr(x, String(kwargs.attribute)) : x);
  let best: unknown = undefined;
  for (const x of items) {
    const better = sign > 0 ? (key(x) as number) > (key(best) as number) : (key(x) as number) < (key(best) as number);
    if (best === undefined || better) best = x;
  }
  return best;
}
