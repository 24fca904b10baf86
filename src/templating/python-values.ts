// Python value semantics dbt's Jinja relies on and JavaScript lacks: truthiness (empty list/dict/string
// is false), str() of None/True/lists, `==` on lists and dicts, `+` on lists, `*` on strings, `%`
// formatting. The patched nunjucks compiler calls these; exported so other renderers can share them.
import nunjucks from 'nunjucks';
import { PyDateTime, PyTimedelta } from './python-datetime.js';

type SafeStringCtor = new (s: string) => object;
export const SafeString = (nunjucks.runtime as unknown as { SafeString: SafeStringCtor }).SafeString;

export function isSafeString(v: unknown): boolean {
  return v instanceof SafeString;
}

/** A dict: an object literal (class instances such as relations keep their own behaviour). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Python truthiness: None, False, 0, '', [], {} are false. */
export function truthy(v: unknown): boolean {
  if (!v) return false;
  if (typeof v !== 'object') return true;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof SafeString) return String(v).length > 0;
  if (v instanceof Map || v instanceof Set) return v.size > 0;
  if (isPlainObject(v)) {
    for (const k in v) if (k !== '__keywords') return true;
    return false;
  }
  return true;
}

/** Python repr() of a value (strings quoted), used inside containers. */
export function pyRepr(v: unknown): string {
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (v instanceof SafeString) return pyRepr(String(v));
  return pyStr(v);
}

/** Python str() of a value: None, True, ['a', 1], {'k': 'v'}. */
export function pyStr(v: unknown): string {
  if (v === null) return 'None';
  if (v === undefined) return '';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (isPlainObject(v)) {
    return `{${Object.entries(v).filter(([k]) => k !== '__keywords').map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  }
  return String(v);
}

/** `a ~ b`: Jinja's string concatenation (undefined renders empty, None as None). */
export function concat(a: unknown, b: unknown): string {
  return pyStr(a) + pyStr(b);
}

/** Python `==`: by value for lists and dicts. */
export function pyEq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof SafeString) a = String(a);
  if (b instanceof SafeString) b = String(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => pyEq(x, b[i]));
  // relations, dates: equal when they render the same
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !isPlainObject(a) && Object.getPrototypeOf(a) === Object.getPrototypeOf(b)) return String(a) === String(b);
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && pyEq(a[k], b[k]));
  }
  // eslint-disable-next-line eqeqeq
  return (a === null || a === undefined) ? (b === null || b === undefined) : a == b;
}

export function add(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (a instanceof PyDateTime && b instanceof PyTimedelta) return a.plus(b);
  return (a as number) + (b as number);
}

export function sub(a: unknown, b: unknown): unknown {
  if (a instanceof PyDateTime && b instanceof PyTimedelta) return a.plus(b, -1);
  if (a instanceof PyDateTime && b instanceof PyDateTime) return new PyTimedelta({ milliseconds: a.d.getTime() - b.d.getTime() });
  return (a as number) - (b as number);
}

export function mul(a: unknown, b: unknown): unknown {
  if ((typeof a === 'string' || a instanceof SafeString) && typeof b === 'number') return String(a).repeat(Math.max(0, b));
  if (Array.isArray(a) && typeof b === 'number') return Array.from({ length: Math.max(0, b) }, () => a).flat();
  return (a as number) * (b as number);
}

/** `a % b`: printf-style formatting when `a` is a string, modulo otherwise (Python's sign rule). */
export function mod(a: unknown, b: unknown): unknown {
  if (typeof a === 'string' || a instanceof SafeString) return percentFormat(String(a), b);
  const x = a as number;
  const y = b as number;
  return ((x % y) + y) % y;
}

export function percentFormat(fmt: string, arg: unknown): string {
  const args = Array.isArray(arg) ? [...arg] : [arg];
  const named = isPlainObject(arg) ? arg : null;
  return fmt.replace(/%(\(\w+\))?([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifrx%])/g, (_m, key: string | undefined, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const v = key && named ? named[key.slice(1, -1)] : args.shift();
    let s: string;
    if (conv === 'd' || conv === 'i') s = String(Math.trunc(Number(v)));
    else if (conv === 'f') s = Number(v).toFixed(prec === undefined ? 6 : Number(prec));
    else if (conv === 'r') s = pyRepr(v);
    else if (conv === 'x') s = Math.trunc(Number(v)).toString(16);
    else s = pyStr(v);
    if (width) s = flags.includes('-') ? s.padEnd(Number(width)) : s.padStart(Number(width), flags.includes('0') && conv !== 's' ? '0' : ' ');
    return s;
  });
}

/** `x in y` with Python semantics for strings wrapped as SafeString and for None. */
export function inOperator(key: unknown, val: unknown): boolean {
  if (val instanceof SafeString) val = String(val);
  if (key instanceof SafeString) key = String(key);
  if (Array.isArray(val)) return val.some((x) => pyEq(x, key));
  if (typeof val === 'string') return val.includes(String(key));
  if (val instanceof Set || val instanceof Map) return val.has(key);
  if (val !== null && typeof val === 'object') return String(key) in val;
  throw new Error(`argument of type '${val === null || val === undefined ? 'NoneType' : typeof val}' is not iterable (in \`${pyStr(key)} in ...\`)`);
}
