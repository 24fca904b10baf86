// Evaluates expressions with the semantics of the JS nunjucks would generate for them: JS operators
// (loose ==, + that concatenates), jinja-compat member lookup, kwargs passed as a `__keywords` object.
import {
  ADD, AND, ARRAY, CALL, CMP, CONCAT, DICT, DIV, type Expr, FILTER, FLOORDIV, type Fn, GROUP, IFEXPR, IN, IS, LIT,
  LOCAL, LOOKUP, MOD, MUL, NAME, NEG, NOT, OR, POS, POW, SUB,
} from './ast.js';
import { runTest } from './builtins.js';
import { OP_EQ, OP_EQQ, OP_GT, OP_LE, OP_LT, OP_NE, OP_NEE } from './tokens.js';
import { inOperator, memberLookup } from './members.js';
import type { RenderState } from './state.js';

// operands are `unknown`; these casts only let TypeScript accept JS's own operators on them
type N = number;

function compare(op: unknown, l: unknown, r: unknown): boolean {
  switch (op) {
    case OP_EQ: return (l as N) == (r as N); // eslint-disable-line eqeqeq
    case OP_EQQ: return l === r;
    case OP_NE: return (l as N) != (r as N); // eslint-disable-line eqeqeq
    case OP_NEE: return l !== r;
    case OP_LT: return (l as N) < (r as N);
    case OP_GT: return (l as N) > (r as N);
    case OP_LE: return (l as N) <= (r as N);
    default: return (l as N) >= (r as N);
  }
}

/** arguments in nunjucks' order: positional ones, then one object of keyword arguments */
function args(e: Expr, st: RenderState): unknown[] {
  const list = e.list!;
  const out = new Array<unknown>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = evaluate(list[i]!, st);
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
  const a = args(e, st);
  if (!fn) throw new Error('Unable to call `' + e.name + '`, which is undefined or falsey');
  if (typeof fn !== 'function') throw new Error('Unable to call `' + e.name + '`, which is not a function');
  return st.call(fn as Fn, a);
}

export function evaluate(e: Expr, st: RenderState): unknown {
  switch (e.k) {
    case LIT: return e.v;
    case NAME: return st.resolve(e.v as string);
    case LOCAL: return st.slots[e.slot];
    case GROUP: return evaluate(e.a!, st);
    case ARRAY: {
      const list = e.list!;
      const out = new Array<unknown>(list.length);
      for (let i = 0; i < list.length; i++) out[i] = evaluate(list[i]!, st);
      return out;
    }
    case DICT: {
      const keys = e.keys!;
      const vals = e.vals!;
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) out[keys[i]!] = evaluate(vals[i]!, st);
      return out;
    }
    case LOOKUP: return memberLookup(evaluate(e.a!, st), evaluate(e.b!, st));
    case CALL: return call(e, st);
    case FILTER: return st.call(e.fn!, args(e, st));
    case ADD: return (evaluate(e.a!, st) as N) + (evaluate(e.b!, st) as N);
    case CONCAT: return ((evaluate(e.a!, st) as N) + '') + (evaluate(e.b!, st) as N);
    case SUB: return (evaluate(e.a!, st) as N) - (evaluate(e.b!, st) as N);
    case MUL: return (evaluate(e.a!, st) as N) * (evaluate(e.b!, st) as N);
    case DIV: return (evaluate(e.a!, st) as N) / (evaluate(e.b!, st) as N);
    case FLOORDIV: return Math.floor((evaluate(e.a!, st) as N) / (evaluate(e.b!, st) as N));
    case MOD: return (evaluate(e.a!, st) as N) % (evaluate(e.b!, st) as N);
    case POW: return Math.pow(evaluate(e.a!, st) as N, evaluate(e.b!, st) as N);
    case NEG: return -(evaluate(e.a!, st) as N);
    case POS: return +(evaluate(e.a!, st) as N);
    case NOT: return !evaluate(e.a!, st);
    case AND: return evaluate(e.a!, st) && evaluate(e.b!, st);
    case OR: return evaluate(e.a!, st) || evaluate(e.b!, st);
    case CMP: return compare(e.v, evaluate(e.a!, st), evaluate(e.b!, st));
    case IN: return inOperator(evaluate(e.a!, st), evaluate(e.b!, st));
    case IS: return runTest(e.v as number, evaluate(e.a!, st));
    case IFEXPR: return evaluate(e.a!, st) ? evaluate(e.b!, st) : e.c === null ? '' : evaluate(e.c, st);
    default: throw new Error('fast jinja: unknown expression kind ' + e.k);
  }
}
