// Python-flavoured functions dbt puts in every context: namespace(), dict(), zip() (of tuples), set(), tojson(),
// fromjson(), toyaml(), fromyaml(), diff_of_two_dicts() (Jinja's range/cycler/joiner come from nunjucks).
import YAML from 'yaml';
import { splitArgs, bindArgs } from './jinja-args.js';
import { Namespace } from './nunjucks-runtime.js';
import { pyJson } from './python-json.js';
import { tuple } from './python-values.js';

const MISSING = Symbol('missing');

function iter(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) throw new Error("'NoneType' object is not iterable");
  if (typeof v === 'string') return [...v];
  if (typeof v === 'object' && Symbol.iterator in v) return Array.from(v as Iterable<unknown>);
  if (typeof v === 'object') return Object.keys(v).filter((k) => k !== '__keywords');
  throw new Error(`'${typeof v}' object is not iterable`);
}

function fromPairs(v: unknown): Record<string, unknown> {
  if (Array.isArray(v)) return Object.fromEntries(v as [string, unknown][]);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== '__keywords'));
  return {};
}

export function pythonBuiltins(): Record<string, unknown> {
  const zip = (...args: unknown[]) => {
    const lists = splitArgs(args).positional.map(iter);
    if (!lists.length) return [];
    const n = Math.min(...lists.map((l) => l.length));
    return Array.from({ length: n }, (_, i) => tuple(lists.map((l) => l[i])));
  };
  const set = (v: unknown = []) => [...new Set(iter(v))];
  return {
    namespace: (...args: unknown[]) => {
      const { positional, kwargs } = splitArgs(args);
      return Object.assign(new Namespace(), ...positional.map(fromPairs), kwargs);
    },
    dict: (...args: unknown[]) => {
      const { positional, kwargs } = splitArgs(args);
      return Object.assign({}, ...positional.map(fromPairs), kwargs);
    },
    zip: (...args: unknown[]) => {
      try {
        return zip(...args);
      } catch {
        return bindArgs(['a', 'b', 'default'], args).default ?? null;
      }
    },
    zip_strict: zip,
    set: (v: unknown, dflt: unknown = null) => {
      try {
        return set(v);
      } catch {
        return dflt;
      }
    },
    set_strict: set,
    tojson: (...args: unknown[]) => {
      const a = bindArgs(['value', 'default', 'sort_keys'], args);
      try {
        return pyJson(a.value, a.sort_keys === true);
      } catch {
        return a.default ?? null;
      }
    },
    fromjson: (s: unknown, d: unknown = MISSING) => {
      try {
        return JSON.parse(String(s));
      } catch (e) {
        if (d !== MISSING) return d;
        throw e;
      }
    },
    toyaml: (...args: unknown[]) => {
      const a = bindArgs(['value', 'default', 'sort_keys'], args);
      return YAML.stringify(a.value, { sortMapEntries: a.sort_keys === true });
    },
    fromyaml: (s: unknown, d: unknown = MISSING) => {
      try {
        return YAML.parse(String(s));
      } catch (e) {
        if (d !== MISSING) return d;
        throw e;
      }
    },
    diff_of_two_dicts: (a: Record<string, unknown[]>, b: Record<string, unknown[]>) => {
      const out: Record<string, unknown[]> = {};
      const lowerB = new Map(Object.entries(b ?? {}).map(([k, v]) => [k.toLowerCase(), (v ?? []).map((x) => String(x).toLowerCase())]));
      for (const [k, vals] of Object.entries(a ?? {})) {
        const other = lowerB.get(k.toLowerCase());
        const missing = other ? (vals ?? []).filter((x) => !other.includes(String(x).toLowerCase())) : vals;
        if (missing.length) out[k] = missing;
      }
      return out;
    },
  };
}
