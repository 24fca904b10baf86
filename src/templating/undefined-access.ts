// Jinja2's Undefined on attribute access, as dbt has it: an undefined name or a missing attribute
// prints empty, passes `is defined` and `default`, iterates as nothing, but reading an attribute or
// item *of* it raises ("'x' is undefined", "'dict object' has no attribute 'k'"). dbt renders with a
// lenient Undefined while parsing (execute is false), so this only raises at run time. A value that
// is merely None-like (a function returned nothing, a name was set to it, a parameter was not passed)
// acts as None: `none.x` is undefined, `none.x.y` raises "'None' has no attribute 'x'".
// Both render paths report a lookup that gave undefined (noteMiss) and ask, when the next lookup's
// object is undefined, whether Jinja2 would raise (undefinedAccessError).
import { TsdbtError } from '../errors/tsdbt-error.js';
import { PyFloat, SafeString, isPlainObject, isTuple } from './python-repr.js';

const NONE_LIKE = 0; // the undefined value stands for None: reading from it is undefined again
const MISSING = 1; // `obj.key` was missing on obj: reading from it raises
const OF_NONE = 2; // `none.key`: reading from it raises "'None' has no attribute"

/** The last lookup that gave undefined: read by the lookup on its result, right after it returns. */
export interface Miss {
  kind: number;
  obj: unknown;
  key: unknown;
}

let last: Miss = { kind: NONE_LIKE, obj: undefined, key: undefined };

function isBound(obj: unknown, key: unknown): boolean {
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null) return false;
  if (obj instanceof Map) return obj.has(key);
  if (Array.isArray(obj) && typeof key === 'number') return key >= -obj.length && key < obj.length;
  return String(key) in obj;
}

/** `obj[key]` gave undefined. */
export function noteMiss(obj: unknown, key: unknown): void {
  last = obj === null || obj === undefined ? { kind: OF_NONE, obj, key } : isBound(obj, key) ? { kind: NONE_LIKE, obj, key } : { kind: MISSING, obj, key };
}

/** `x[key]` where x is a None-like undefined: the result is undefined, and reading from it raises. */
export function noteNoneMiss(key: unknown): void {
  last = { kind: OF_NONE, obj: null, key };
}

/** The miss the lookup that just returned recorded (taken before the next key is evaluated). */
export function takeMiss(): Miss {
  return last;
}

/** Jinja2's object_type_repr, with tsdbt's classes named by their constructor. */
function typeRepr(obj: unknown): string {
  if (obj === null || obj === undefined) return 'None';
  if (typeof obj === 'string' || obj instanceof SafeString) return 'str object';
  if (typeof obj === 'boolean') return 'bool object';
  if (obj instanceof PyFloat) return 'float object';
  if (typeof obj === 'number') return Number.isInteger(obj) ? 'int object' : 'float object';
  if (Array.isArray(obj)) return isTuple(obj) ? 'tuple object' : 'list object';
  if (isPlainObject(obj) || obj instanceof Map) return 'dict object';
  if (typeof obj === 'function') return 'function object';
  const name = (obj as { constructor?: { name?: string } }).constructor?.name;
  return `${name || 'object'} object`;
}

const keyRepr = (k: unknown) => (typeof k === 'string' ? `'${k}'` : String(k));

function undefinedError(message: string): TsdbtError {
  return new TsdbtError('P001', message, {
    hint: 'reading an attribute of an undefined value fails when dbt runs a model: check the spelling, or guard it with `is defined` / `| default(...)`',
  });
}

/**
 * The error Jinja2 raises for `target[key]` whose target evaluated to undefined, or null when it does
 * not (the target stood for None, or tsdbt is parsing). `unboundName` is the target's name when it is
 * a name bound nowhere; `miss` what the target's own lookup recorded when the target is a lookup.
 */
export function undefinedAccessError(unboundName: string | null, miss: Miss | null, strict: () => boolean): TsdbtError | null {
  let message: string | null = null;
  if (unboundName !== null) message = `'${unboundName}' is undefined`;
  else if (miss !== null && miss.kind === MISSING) {
    const what = typeof miss.key === 'string' ? `has no attribute ${keyRepr(miss.key)}` : `has no element ${keyRepr(miss.key)}`;
    message = `'${typeRepr(miss.obj)}' ${what}`;
  } else if (miss !== null && miss.kind === OF_NONE) message = `'None' has no attribute ${keyRepr(miss.key)}`;
  return message !== null && strict() ? undefinedError(message) : null;
}
