// How Python's str() and repr() print values, which is how dbt's Jinja prints `{{ x }}`: None, True,
// [1, 'a'], {'k': 1}, (1, 2). JavaScript has one number type, so the rule for numbers is: integral
// numbers are Python ints (`1e22` prints all 23 digits), others Python floats (`0.1`, `2.5e-07`; NaN
// and infinities as `nan`, `inf`, `-inf`); a float with an integral value (`1.0`, `3 / 1`) is boxed
// as a PyFloat so it prints `1.0`, `3.0`, `1e+20` as Python does.
import nunjucks from 'nunjucks';

type SafeStringCtor = new (s: string) => object;
export const SafeString = (nunjucks.runtime as unknown as { SafeString: SafeStringCtor }).SafeString;

/** A Jinja namespace() object: the one thing `{% set ns.attr = v %}` may assign to. */
export class Namespace {
  [key: string]: unknown;
}

const TUPLE = Symbol('tsdbt.tuple');

/** Mark a list as a Python tuple (it prints `(1, 2)` and is the argument list of `%`). */
export function tuple<T extends unknown[]>(items: T): T {
  (items as unknown as Record<symbol, boolean>)[TUPLE] = true;
  return items;
}

export function isTuple(v: unknown): v is unknown[] {
  return Array.isArray(v) && (v as unknown as Record<symbol, boolean>)[TUPLE] === true;
}

/** A dict: an object literal (class instances such as relations keep their own behaviour). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A Python float whose value is integral (`3 / 1`, `1.0`): a Number object, so arithmetic and
 * comparisons still work, that prints as a float. Non-integral floats stay primitive numbers.
 */
export class PyFloat extends Number {}

/** `n` as a Python float: boxed when integral (or -0), else the primitive. */
export function pyFloat(n: number): number | PyFloat {
  return Number.isInteger(n) ? new PyFloat(n) : n;
}

/** The JavaScript value of a number that may be a boxed PyFloat (other values unchanged). */
export function unbox<T>(v: T): T | number {
  return v instanceof PyFloat ? v.valueOf() : v;
}

/** A Python float: a PyFloat or a non-integral number. */
export function isFloat(v: unknown): boolean {
  return v instanceof PyFloat || (typeof v === 'number' && !Number.isInteger(v));
}

/** Python's repr() of a float: `3.0`, `1e+16`, `0.1`, `nan`. */
export function floatRepr(n: number): string {
  if (!Number.isInteger(n)) return pyNumber(n);
  if (Object.is(n, -0)) return '-0.0';
  if (Math.abs(n) < 1e16) return `${n}.0`;
  const [mant, exp] = n.toExponential().split('e');
  return `${mant}e${exp[0]}${exp.slice(1).padStart(2, '0')}`;
}

/** Python's repr() of a number under the rule above. */
export function pyNumber(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  const [mant, exp] = n.toExponential().split('e');
  const e = Number(exp);
  // Python's repr switches to exponent notation below 1e-4 (JavaScript below 1e-6)
  if (e >= -4) return String(n);
  return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** Python repr() of a str: single quotes unless the text has a single quote and no double quote. */
function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '\\') out += '\\\\';
    else if (ch === q) out += '\\' + q;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

const items = (o: Record<string, unknown>) => Object.entries(o).filter(([k]) => k !== '__keywords');
const dictRepr = (pairs: [unknown, unknown][]) => `{${pairs.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;

/** Python repr() of a value (strings quoted), used inside containers. */
export function pyRepr(v: unknown): string {
  if (typeof v === 'string') return strRepr(v);
  if (v instanceof SafeString) return strRepr(String(v));
  if (v === undefined) return 'None';
  return pyStr(v);
}

/** Python str() of a value; undefined (Jinja's Undefined) is empty. */
export function pyStr(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'undefined':
      return '';
    case 'number':
      return pyNumber(v);
    case 'boolean':
      return v ? 'True' : 'False';
    case 'bigint':
      return String(v);
    case 'function':
      return `<function ${v.name || '<anonymous>'}>`;
  }
  if (v === null) return 'None';
  if (v instanceof PyFloat) return floatRepr(v.valueOf());
  if (Array.isArray(v)) {
    if (!isTuple(v)) return `[${v.map(pyRepr).join(', ')}]`;
    return v.length === 1 ? `(${pyRepr(v[0])},)` : `(${v.map(pyRepr).join(', ')})`;
  }
  if (isPlainObject(v)) return dictRepr(items(v));
  if (v instanceof Map) return dictRepr([...v.entries()]);
  if (v instanceof Set) return v.size ? `{${[...v].map(pyRepr).join(', ')}}` : 'set()';
  if (v instanceof Namespace) return `<Namespace ${dictRepr(Object.entries(v))}>`;
  return String(v);
}
