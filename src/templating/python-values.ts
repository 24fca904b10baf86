// Python value semantics dbt's Jinja relies on and JavaScript lacks: truthiness (empty list/dict/string
// is false), str() of None/True/lists, `==` on lists and dicts, `+` on lists, `*` on strings, `%`
// formatting, int and float arithmetic (`/` always gives a float, `//` of ints an int). The patched
// nunjucks compiler calls these; exported so other renderers can share them.
import { PyDateTime, PyTimedelta } from './python-datetime.js';
import { PyFloat, SafeString, isFloat, isPlainObject, isTuple, pyFloat, pyStr, tuple, unbox } from './python-repr.js';
import { percentFormat } from './python-percent.js';

export { SafeString, isPlainObject, pyRepr, pyStr, tuple, isTuple, PyFloat, pyFloat, isFloat, unbox, floatRepr } from './python-repr.js';
export { percentFormat } from './python-percent.js';

export function isSafeString(v: unknown): boolean {
  return v instanceof SafeString;
}

/** Python truthiness: None, False, 0, '', [], {} are false. */
export function truthy(v: unknown): boolean {
  if (!v) return false;
  if (typeof v !== 'object') return true;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof SafeString) return String(v).length > 0;
  if (v instanceof PyFloat) return v.valueOf() !== 0;
  if (v instanceof Map || v instanceof Set) return v.size > 0;
  if (isPlainObject(v)) {
    for (const k in v) if (k !== '__keywords') return true;
    return false;
  }
  return true;
}

/** `a ~ b`: Jinja's string concatenation (undefined renders empty, None as None). */
export function concat(a: unknown, b: unknown): string {
  return pyStr(a) + pyStr(b);
}

/** Python `==`: by value for lists and dicts. */
export function pyEq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof PyFloat) a = a.valueOf();
  if (b instanceof PyFloat) b = b.valueOf();
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

const isStr = (v: unknown): boolean => typeof v === 'string' || v instanceof SafeString;
const isNum = (v: unknown): boolean => typeof v === 'number' || typeof v === 'boolean' || v instanceof PyFloat;

function pyType(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (isStr(v)) return 'str';
  if (v instanceof PyFloat) return 'float';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return isTuple(v) ? 'tuple' : 'list';
  return isPlainObject(v) ? 'dict' : typeof v;
}

/** Python `a + b`: lists and tuples concatenate; a str and a number do not mix (TypeError, as in dbt). */
export function add(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) return isTuple(a) && isTuple(b) ? tuple([...a, ...b]) : [...a, ...b];
  if (a instanceof PyDateTime && b instanceof PyTimedelta) return a.plus(b);
  if (isStr(a) ? isNum(b) : isNum(a) && isStr(b)) {
    throw new TypeError(isStr(a) ? `can only concatenate str (not "${pyType(b)}") to str` : `unsupported operand type(s) for +: '${pyType(a)}' and '${pyType(b)}'`);
  }
  return numeric((unbox(a) as number) + (unbox(b) as number), a, b);
}

/** An arithmetic result: a float when either operand is one (Python's int/float rule). */
function numeric(r: unknown, a: unknown, b: unknown): unknown {
  return typeof r === 'number' && (isFloat(a) || isFloat(b)) ? pyFloat(r) : r;
}

const isZero = (v: unknown): boolean => v === 0 || v === false || (v instanceof PyFloat && v.valueOf() === 0);

/** Python `a / b`: true division, always a float (dividing by zero raises). */
export function div(a: unknown, b: unknown): unknown {
  if (isZero(b)) throw new Error(`ZeroDivisionError: ${isFloat(a) || isFloat(b) ? 'float ' : ''}division by zero`);
  return pyFloat((unbox(a) as number) / (unbox(b) as number));
}

/** Python `a // b`: floor division (an int for ints, a float when either is a float). */
export function floordiv(a: unknown, b: unknown): unknown {
  if (isZero(b)) throw new Error(`ZeroDivisionError: ${isFloat(a) || isFloat(b) ? 'float floor division' : 'integer division or modulo'} by zero`);
  return numeric(Math.floor((unbox(a) as number) / (unbox(b) as number)), a, b);
}

export function sub(a: unknown, b: unknown): unknown {
  if (a instanceof PyDateTime && b instanceof PyTimedelta) return a.plus(b, -1);
  if (a instanceof PyDateTime && b instanceof PyDateTime) return new PyTimedelta({ milliseconds: a.d.getTime() - b.d.getTime() });
  return numeric((unbox(a) as number) - (unbox(b) as number), a, b);
}

export function mul(a: unknown, b: unknown): unknown {
  if ((typeof a === 'string' || a instanceof SafeString) && typeof b === 'number') return String(a).repeat(Math.max(0, b));
  if (Array.isArray(a) && typeof b === 'number') return Array.from({ length: Math.max(0, b) }, () => a).flat();
  return numeric((unbox(a) as number) * (unbox(b) as number), a, b);
}

/** Python `a ** b`: a float when either is a float or the exponent is negative. */
export function pow(a: unknown, b: unknown): unknown {
  const r = Math.pow(unbox(a) as number, unbox(b) as number);
  return isFloat(a) || isFloat(b) || (unbox(b) as number) < 0 ? pyFloat(r) : r;
}

/** Python's unary `-x` / `+x` (a float stays a float). */
export function neg(a: unknown): unknown {
  return a instanceof PyFloat ? new PyFloat(-a.valueOf()) : -(a as number);
}

export function pos(a: unknown): unknown {
  return a instanceof PyFloat ? a : +(a as number);
}

/** `a % b`: printf-style formatting when `a` is a string, modulo otherwise (Python's sign rule). */
export function mod(a: unknown, b: unknown): unknown {
  if (typeof a === 'string' || a instanceof SafeString) return percentFormat(String(a), b);
  const x = unbox(a) as number;
  const y = unbox(b) as number;
  if (y === 0) throw new Error(`ZeroDivisionError: ${isFloat(a) || isFloat(b) ? 'float modulo' : 'integer modulo by zero'}`);
  const r = x % y;
  return numeric(r !== 0 && r < 0 !== y < 0 ? r + y : r, a, b);
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
