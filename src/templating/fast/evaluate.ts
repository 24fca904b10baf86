// Evaluates expressions as tsdbt's patched nunjucks compiles them: Python truthiness for and/or/not and
// conditions, `==` by value, `+ - * / // % ** ~` and unary minus with Python meaning (ints and floats),
// Python-flavoured member lookup and `in` (an attribute of an undefined value raising at run time, as
// Jinja2's Undefined does), filters and tests from the environment; `<`... stay JavaScript's, as there.
import {
  ADD, AND, ARRAY, CALL, CMP, CONCAT, DICT, DIV, type Expr, FILTER, FLOORDIV, type Fn, GROUP, IFEXPR, IN, IS, LIT,
  LOCAL, LOOKUP, MOD, MUL, NAME, NEG, NOT, OR, POS, POW, SUB, TUPLE,
} from './ast.js';
import { OP_EQ, OP_EQQ, OP_GT, OP_LE, OP_LT, OP_NE, OP_NEE } from './tokens.js';
import { add, concat, div, floordiv, inOperator, memberLookup, mod, mul, neg, pos, pow, pyEq, sub, truthy, tuple } from './runtime.js';
import type { RenderState } from './state.js';
import { noteMiss, noteNoneMiss, takeMiss, undefinedAccessError } from '../undefined-access.js';

// operands are `unknown`; these casts only let TypeScript accept JS's own operators on them
type N = number;

function compare(op: unknown, l: unknown, r: unknown): boolean {
  switch (op) {
    case OP_EQ: return pyEq(l, r);
    case OP_EQQ: return l === r;
    case OP_NE: return !pyEq(l, r);
    case OP_NEE: return l !== r;
    case OP_LT: return (l as N) < (r as N);
    case OP_GT: return (l as N) > (r as N);
    case OP_LE: return (l as N) <= (r as N);
    default: return (l as N) >= (r as N);
  }
}

/** arguments in nunjucks' order: `first` (a filter's or test's subject), positional ones, then one object of keyword arguments */
function args(e: Expr, st: RenderState, first: Expr | null): unknown[] {
  const list = e.list!;
  const out: unknown[] = [];
  if (first !== null) out.push(evaluate(first, st));
  for (let i = 0; i < list.length; i++) out.push(evaluate(list[i]!, st));
  const keys = e.keys;
  if (keys !== null) {
    const vals = e.vals!;
    const kw: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) kw[keys[i]!] = evaluate(vals[i]!, st);
    kw.__keywords = true; // runtime.makeKeywordArgs
    out.push(kw);
  }
  return out;
}

function call(e: Expr, st: RenderState): unknown {
  st.pos = e.pos;
  const fn = evaluate(e.a!, st);
  const a = args(e, st, null);
  if (!fn) throw new Error('Unable to call `' + e.name + '`, which is undefined or falsey');
  if (typeof fn !== 'function') throw new Error('Unable to call `' + e.name + '`, which is not a function');
  return st.call(fn as Fn, a);
}

/** `obj[key]` (the patched runtime's memberLookup), noting a miss for the lookup on its result */
function lookup(e: Expr, st: RenderState): unknown {
  const obj = evaluate(e.a!, st);
  if (obj === undefined) return lookupOnUndefined(e, st);
  const key = evaluate(e.b!, st);
  const v = memberLookup(obj, key);
  if (v === undefined) noteMiss(obj, key);
  return v;
}

/** `x[key]` with x undefined: Jinja2 raises for an undefined name or a missing attribute (at run time) */
function lookupOnUndefined(e: Expr, st: RenderState): unknown {
  let target = e.a!;
  while (target.k === GROUP) target = target.a!;
  const miss = target.k === LOOKUP ? takeMiss() : null;
  const key = evaluate(e.b!, st);
  const name = target.k === NAME && st.isUnbound(target.v as string) ? (target.v as string) : null;
  const err = undefinedAccessError(name, miss, () => st.strict());
  if (err !== null) {
    st.pos = e.pos;
    throw err;
  }
  noteNoneMiss(key);
  return undefined;
}

export function evaluate(e: Expr, st: RenderState): unknown {
  switch (e.k) {
    case LIT: return e.v;
    case NAME: return st.resolve(e.v as string);
    case LOCAL: return st.slots[e.slot];
    case GROUP: return evaluate(e.a!, st);
    case ARRAY:
    case TUPLE: {
      const list = e.list!;
      const out = new Array<unknown>(list.length);
      for (let i = 0; i < list.length; i++) out[i] = evaluate(list[i]!, st);
      return e.k === TUPLE ? tuple(out) : out;
    }
    case DICT: {
      const keys = e.keys!;
      const vals = e.vals!;
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) out[keys[i]!] = evaluate(vals[i]!, st);
      return out;
    }
    case LOOKUP: return lookup(e, st);
    case CALL: return call(e, st);
    // env.getFilter at render time, like nunjucks' generated code
    case FILTER: return st.call(st.env.getFilter(e.v as string) as Fn, args(e, st, e.a));
    case ADD: return add(evaluate(e.a!, st), evaluate(e.b!, st));
    case CONCAT: return concat(evaluate(e.a!, st), evaluate(e.b!, st));
    case SUB: return sub(evaluate(e.a!, st), evaluate(e.b!, st));
    case MUL: return mul(evaluate(e.a!, st), evaluate(e.b!, st));
    case DIV: return div(evaluate(e.a!, st), evaluate(e.b!, st));
    case FLOORDIV: return floordiv(evaluate(e.a!, st), evaluate(e.b!, st));
    case MOD: return mod(evaluate(e.a!, st), evaluate(e.b!, st));
    case POW: return pow(evaluate(e.a!, st), evaluate(e.b!, st));
    case NEG: return neg(evaluate(e.a!, st));
    case POS: return pos(evaluate(e.a!, st));
    case NOT: return !truthy(evaluate(e.a!, st));
    case AND: {
      const l = evaluate(e.a!, st);
      return truthy(l) ? evaluate(e.b!, st) : l;
    }
    case OR: {
      const l = evaluate(e.a!, st);
      return truthy(l) ? l : evaluate(e.b!, st);
    }
    case CMP: return compare(e.v, evaluate(e.a!, st), evaluate(e.b!, st));
    case IN: return inOperator(evaluate(e.a!, st), evaluate(e.b!, st));
    case IS: return st.call(st.env.getTest(e.v as string) as Fn, args(e, st, e.a)) === true;
    case IFEXPR: return truthy(evaluate(e.a!, st)) ? evaluate(e.b!, st) : e.c === null ? '' : evaluate(e.c, st);
    default: throw new Error('fast jinja: unknown expression kind ' + e.k);
  }
}
