// The runtime half of tsdbt's nunjucks patches: helpers the patched compiler emits calls to, plus
// Python-flavoured member lookup (str/list/dict methods, negative indexes, string slices) and `in`.
import { runtime } from './nunjucks-internals.js';
import { truthy, pyEq, add, sub, mul, mod, div, floordiv, pow, neg, pos, pyFloat, concat, inOperator, SafeString, isPlainObject, pyStr, tuple } from './python-values.js';
import { Namespace } from './python-repr.js';
import { pythonMethod } from './python-methods.js';
import { ReturnSignal, isControlSignal, type MacroLocation } from './signals.js';
import { type Miss, noteMiss, noteNoneMiss, takeMiss, undefinedAccessError } from './undefined-access.js';

type Args = unknown[];
type Macro = (...a: Args) => unknown;

const isKeywords = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.prototype.hasOwnProperty.call(v, '__keywords');

class SpreadArg {
  constructor(
    readonly kw: boolean,
    readonly value: unknown,
  ) {}
}

export { Namespace };

function setAttr(obj: unknown, key: unknown, value: unknown): void {
  if (obj instanceof Namespace || isPlainObject(obj)) {
    (obj as Record<string, unknown>)[String(key)] = value;
    return;
  }
  throw new Error(`cannot assign attribute '${String(key)}' on ${obj === null || obj === undefined ? 'None' : 'a non-namespace object'}: create it with namespace()`);
}

function unpack(v: unknown, n: number): unknown[] {
  const arr = Array.isArray(v) ? v : v && typeof v === 'object' && Symbol.iterator in v ? Array.from(v as Iterable<unknown>) : null;
  if (!arr) throw new Error(`cannot unpack non-iterable value into ${n} names`);
  if (arr.length !== n) throw new Error(`${arr.length > n ? 'too many' : 'not enough'} values to unpack (expected ${n}, got ${arr.length})`);
  return arr;
}

function callSpread(this: unknown, fn: unknown, name: string, context: unknown, args: Args): unknown {
  const positional: Args = [];
  const kwargs: Record<string, unknown> = {};
  let hasKw = false;
  for (const a of args) {
    if (a instanceof SpreadArg) {
      if (a.kw) {
        if (a.value && typeof a.value === 'object') for (const [k, v] of Object.entries(a.value)) if (k !== '__keywords') kwargs[k] = v;
        hasKw = true;
      } else positional.push(...Array.from((a.value ?? []) as Iterable<unknown>));
    } else if (isKeywords(a)) {
      Object.assign(kwargs, a);
      hasKw = true;
    } else positional.push(a);
  }
  if (hasKw) positional.push(Object.assign(kwargs, { __keywords: true }));
  return (runtime.callWrap as Macro)(fn, name, context, positional);
}

const NO_EXTRAS = 0;
const JINJA_KWARGS = 2;

/**
 * nunjucks' makeMacro for the macro `name`. An argument given both by position and by keyword raises
 * (as a Python call does), except that a macro using Jinja2's implicit `kwargs` receives the keyword
 * one there, as Jinja2 does. With extras (`mode` 1: `*args`/`**kwargs` in the signature, 2: Jinja2's
 * implicit ones) the extra positional and keyword arguments are kept as varargs (a tuple) / kwargs.
 */
function makeMacro(name: string, mode: number, argNames: string[], kwargNames: string[], func: Macro): Macro {
  const inner = (runtime.makeMacro as (a: string[], k: string[], f: Macro) => Macro)(argNames, kwargNames, func);
  const params = [...argNames, ...kwargNames];
  const known = new Set([...params, 'caller', '__keywords']);
  return function (this: unknown, ...args: Args) {
    const last = args[args.length - 1];
    const kw = isKeywords(last) ? last : undefined;
    const positional = kw ? args.slice(0, -1) : args;
    const extra: Record<string, unknown> = {};
    if (kw) {
      const n = Math.min(positional.length, params.length);
      for (let i = 0; i < n; i++) {
        if (!Object.prototype.hasOwnProperty.call(kw, params[i])) continue;
        if (mode !== JINJA_KWARGS) throw new TypeError(`macro '${name}' got multiple values for argument '${params[i]}'`);
        extra[params[i]] = kw[params[i]];
      }
    }
    if (mode === NO_EXTRAS) return inner.apply(this, args);
    if (kw) for (const k of Object.keys(kw)) if (!known.has(k)) extra[k] = kw[k];
    const kwargs = { ...kw, __keywords: true, __tsdbt_varargs: tuple(positional.slice(params.length)), __tsdbt_kwargs: extra };
    return inner.apply(this, [...positional, kwargs]);
  };
}

/** Runs in the catch block wrapped around every macro body. */
function macroCatch(e: unknown, lineno: number, colno: number, file: string, macro: string, isCaller: boolean): unknown {
  if (e instanceof ReturnSignal && !isCaller) return e.value;
  if (isControlSignal(e)) throw e;
  const err = e instanceof Error ? e : new Error(String(e));
  const tagged = err as Error & { tsdbtMacroLoc?: MacroLocation };
  if (!tagged.tsdbtMacroLoc) tagged.tsdbtMacroLoc = { file, line: lineno + 1, column: colno + 1, macro, trail: [] };
  if (!isCaller) tagged.tsdbtMacroLoc.trail.push(macro);
  throw err;
}

const statics = new WeakMap<object, boolean>();
const PLAIN_FN_PROPS = new Set(['length', 'name', 'prototype', 'caller', 'arguments']);

/** Functions that carry attributes (classes, `modules.datetime.datetime`, `api.Column`) must not be
 * replaced by nunjucks' call wrapper, or `api.Column.create` would be undefined. */
function hasAttributes(f: object): boolean {
  let v = statics.get(f);
  if (v === undefined) {
    v = Object.getOwnPropertyNames(f).some((n) => !PLAIN_FN_PROPS.has(n));
    statics.set(f, v);
  }
  return v;
}

function installMemberLookup(): void {
  const base = runtime.memberLookup as (...a: Args) => unknown;
  runtime.memberLookup = function (this: unknown, obj: unknown, val: unknown, ...rest: Args) {
    if (rest.length === 2) {
      // slice: strings slice to strings
      if (typeof obj === 'string' || obj instanceof SafeString) return (base.call(this, [...String(obj)], val, ...rest) as string[]).join('');
      return base.call(this, obj, val, ...rest);
    }
    if (typeof val === 'string') {
      const m = pythonMethod(obj, val);
      if (m) return m;
      if (obj !== null && (typeof obj === 'object' || typeof obj === 'function')) {
        const f = (obj as Record<string, unknown>)[val];
        if (typeof f === 'function') {
          if (hasAttributes(f)) return f;
          // a JS object's own methods (agate rows' keys()/values(), relations) win over compat's dict methods
          if (typeof obj === 'object' && !Array.isArray(obj) && !(val in Object.prototype) && (!isPlainObject(obj) || Object.prototype.hasOwnProperty.call(obj, val))) return (f as Macro).bind(obj);
        }
      }
    } else if (typeof val === 'number' && val < 0) {
      if (Array.isArray(obj)) return obj[obj.length + val];
      if (typeof obj === 'string' || obj instanceof SafeString) return String(obj)[String(obj).length + val];
    }
    return base.call(this, obj, val, ...rest);
  };
}

type NjFrame = { variables: Record<string, unknown>; parent: NjFrame | null };
type NjContext = { ctx: Record<string, unknown>; lookup(name: string): unknown };

/** `name` is bound in no frame, in the template's context nor in the globals (a Jinja2 undefined name) */
function isUnbound(context: NjContext, frame: NjFrame, name: string): boolean {
  for (let f: NjFrame | null = frame; f; f = f.parent) if (Object.prototype.hasOwnProperty.call(f.variables, name)) return false;
  return !Object.prototype.hasOwnProperty.call(context.ctx, name) && context.lookup(name) === undefined;
}

/**
 * `obj[key]` as compiled by tsdbt: runtime.memberLookup, recording a miss; on an undefined `obj`,
 * Jinja2's UndefinedError at run time. `target` is the object's expression: a name (string), a lookup
 * (1, with `miss` its recorded miss) or anything else (0).
 */
function member(context: NjContext, frame: NjFrame, target: string | number, obj: unknown, miss: Miss | null, key: unknown, ...rest: Args): unknown {
  if (obj === undefined) {
    const name = typeof target === 'string' && isUnbound(context, frame, target) ? target : null;
    const err = undefinedAccessError(name, target === 1 ? miss : null, () => context.lookup('execute') === true);
    if (err !== null) throw err;
    noteNoneMiss(key);
    return undefined;
  }
  const v = (runtime.memberLookup as (...a: Args) => unknown)(obj, key, ...rest);
  if (v === undefined) noteMiss(obj, key);
  return v;
}

/** Key of the file context through which a package's macros find their own package's macros first. */
export const PACKAGE_LOOKUP = '__tsdbt_package_lookup';

type Ctx = { ctx: Record<string, unknown>; lookup(name: string): unknown };
type Lookup = { lookup(name: string): unknown };

/** Names in a package's macro: its locals, its file, then (dbt's rule) its own package, then the rest. */
function installPackageLookup(): void {
  const base = runtime.contextOrFrameLookup as (context: Ctx, frame: Lookup, name: string) => unknown;
  runtime.contextOrFrameLookup = function (this: unknown, context: Ctx, frame: Lookup, name: string) {
    const ctx = context.ctx;
    const pkg = ctx[PACKAGE_LOOKUP] as ((n: string) => unknown) | undefined;
    if (pkg !== undefined && !(name in ctx)) {
      const local = frame.lookup(name);
      if (local !== undefined) return local;
      const own = pkg(name);
      if (own !== undefined) return own;
    }
    // nunjucks' lookup as jinja-compat patched it (True/False/None)
    return base.call(this, context, frame, name);
  };
}

export function installRuntimePatches(): void {
  installMemberLookup();
  installPackageLookup();
  Object.assign(runtime, {
    inOperator,
    tsdbtTruthy: truthy,
    tsdbtOr: (a: unknown, b: () => unknown) => (truthy(a) ? a : b()),
    tsdbtAnd: (a: unknown, b: () => unknown) => (truthy(a) ? b() : a),
    tsdbtEq: pyEq,
    tsdbtAdd: add,
    tsdbtSub: sub,
    tsdbtMul: mul,
    tsdbtMod: mod,
    tsdbtDiv: div,
    tsdbtFloorDiv: floordiv,
    tsdbtPow: pow,
    tsdbtNeg: neg,
    tsdbtPos: pos,
    tsdbtFloat: pyFloat,
    tsdbtTuple: tuple,
    // `{{ x }}`: printed as Python prints it (None, True, [1, 'a']); undefined prints nothing
    tsdbtOutput: (v: unknown) => (typeof v === 'string' ? v : pyStr(v)),
    tsdbtConcat: concat,
    tsdbtSetAttr: setAttr,
    tsdbtUnpack: unpack,
    tsdbtSpread: (kw: boolean, v: unknown) => new SpreadArg(kw, v),
    tsdbtCallSpread: callSpread,
    tsdbtMakeMacro: makeMacro,
    tsdbtMacroCatch: macroCatch,
    tsdbtMember: member,
    tsdbtTakeMiss: takeMiss,
  });
}
