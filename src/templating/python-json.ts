// JSON text as Python's json.dumps writes it (`{"a": 1, "b": [1, 2]}`), which dbt's tojson() and the
// `tojson` filter produce; tsdbt matches it so compiled SQL is byte-identical to dbt's.
import { PyFloat, floatRepr, isSafeString } from './python-values.js';

export function pyJson(v: unknown, sortKeys = false): string {
  if (v === undefined || v === null) return 'null';
  if (isSafeString(v)) return JSON.stringify(String(v));
  if (v instanceof PyFloat) return floatRepr(v.valueOf());
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? 'Infinity' : Number.isNaN(v) ? 'NaN' : '-Infinity';
  if (typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map((x) => pyJson(x, sortKeys)).join(', ')}]`;
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return pyJson((v as { toJSON(): unknown }).toJSON(), sortKeys);
  let entries = Object.entries(v).filter(([k, x]) => k !== '__keywords' && typeof x !== 'function');
  if (sortKeys) entries = entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}: ${pyJson(x, sortKeys)}`).join(', ')}}`;
}
