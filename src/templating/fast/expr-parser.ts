// Expression parser producing exactly the parse trees of tsdbt's patched nunjucks parser: the operator
// levels (precedence climbing). tsdbt's compiler emits + - * / // % ~ and/or == in, is as calls and
// `not` on a parenthesised operand; the JS operators left (** < ...) only get operands binding tighter,
// so the tree is what runs. Only comparison chains keep JavaScript's grouping, and are declined.
import { ADD, AND, CMP, CONCAT, DIV, Expr, FLOORDIV, IFEXPR, IN, IS, MOD, MUL, NOT, OR, POW, SUB, unsupported } from './ast.js';
import { hasTest } from './builtins.js';
import { PrimaryParser } from './expr-primary.js';
import type { Lexer } from './lexer.js';
import {
  KW_AND, KW_ELSE, KW_IF, KW_IN, KW_IS, KW_NOT, KW_OR, OP_DSLASH, OP_DSTAR, OP_EQ, OP_GE, OP_MINUS, OP_PERCENT, OP_PLUS,
  OP_SLASH, OP_STAR, T_BOOL, T_FLOAT, T_INT, T_LBRACKET, T_LCURLY, T_LPAREN, T_NONE, T_OP, T_PIPE, T_STRING, T_SYMBOL, T_TILDE,
} from './tokens.js';
import { TEST_ARG_STOP } from '../nunjucks-grammar.js';

// binding powers: nunjucks' levels or < and < not < in < is < compare, then Jinja2's arithmetic levels
// as tsdbt's parser patch has them (nunjucks-operators.ts): `+ -` < `~` < `* / // %` < `**`
const P_OR = 1;
const P_AND = 2;
const P_NOT = 3;
const P_IN = 4;
const P_IS = 5;
const P_CMP = 6;
const P_MATH1 = 7;
const P_CONCAT = 8;
const P_MATH2 = 9;
const P_POW = 10;

/** expression kind of each binary operator token */
const OP_KIND: number[] = [];
OP_KIND[OP_PLUS] = ADD;
OP_KIND[OP_MINUS] = SUB;
OP_KIND[OP_STAR] = MUL;
OP_KIND[OP_SLASH] = DIV;
OP_KIND[OP_DSLASH] = FLOORDIV;
OP_KIND[OP_PERCENT] = MOD;
OP_KIND[OP_DSTAR] = POW;

const OP_PREC: number[] = [];
OP_PREC[OP_PLUS] = P_MATH1;
OP_PREC[OP_MINUS] = P_MATH1;
OP_PREC[OP_STAR] = P_MATH2;
OP_PREC[OP_SLASH] = P_MATH2;
OP_PREC[OP_DSLASH] = P_MATH2;
OP_PREC[OP_PERCENT] = P_MATH2;
OP_PREC[OP_DSTAR] = P_POW;
for (let op = OP_EQ; op <= OP_GE; op++) OP_PREC[op] = P_CMP;

const NOT_IN = -1;

function isCompareOp(lx: Lexer): boolean {
  return lx.peek() === T_OP && lx.op >= OP_EQ && lx.op <= OP_GE;
}

/** Precedence climbing that builds the same trees as nunjucks' one-function-per-level descent. */
export abstract class ExprParser extends PrimaryParser {
  parseExpression(): Expr {
    const node = this.parseBin(P_OR);
    if (!this.lx.isKw(KW_IF)) return node;
    this.lx.next();
    const e = new Expr(IFEXPR, node.pos);
    e.b = node;
    e.a = this.parseBin(P_OR);
    if (this.lx.isKw(KW_ELSE)) {
      this.lx.next();
      e.c = this.parseBin(P_OR);
    }
    return e;
  }

  /** expression kind of the operator opPrec() last found */
  private opKind = 0;

  /** the binary operator at the current token and its level, or 0 */
  private opPrec(): number {
    const lx = this.lx;
    const t = lx.peek();
    if (t === T_OP) {
      this.opKind = OP_KIND[lx.op] ?? 0;
      return OP_PREC[lx.op] ?? 0;
    }
    if (t === T_TILDE) {
      this.opKind = CONCAT;
      return P_CONCAT;
    }
    if (t !== T_SYMBOL) return 0;
    switch (lx.kw) {
      case KW_OR:
        this.opKind = OR;
        return P_OR;
      case KW_AND:
        this.opKind = AND;
        return P_AND;
      case KW_IN:
        this.opKind = IN;
        return P_IN;
      case KW_IS: return P_IS;
      case KW_NOT: {
        // `not in`; a `not` followed by anything else ends the expression
        const back = lx.start;
        lx.next();
        const isIn = lx.isKw(KW_IN);
        lx.reset(back);
        this.opKind = IN;
        return isIn ? NOT_IN : 0;
      }
      default: return 0;
    }
  }

  protected parseBin(min: number): Expr {
    const lx = this.lx;
    let left: Expr;
    if (min <= P_NOT && lx.isKw(KW_NOT)) {
      const pos = lx.start;
      lx.next();
      left = this.not(pos, this.parseBin(P_NOT));
    } else left = this.parseUnary(false);
    for (;;) {
      let prec = this.opPrec();
      const notIn = prec === NOT_IN;
      if (notIn) prec = P_IN;
      if (prec === 0 || prec < min) return left;
      if (prec === P_IS) {
        left = this.parseIs(left);
        continue;
      }
      if (prec === P_CMP) {
        const op = lx.op;
        lx.next();
        const e = this.bin(CMP, left, this.parseBin(P_MATH1));
        e.v = op;
        // nunjucks emits chains as JS chains (`a < b < c` is `(a < b) < c`, `a == b == c` loose): leave them to nunjucks
        if (isCompareOp(lx)) unsupported();
        left = e;
        continue;
      }
      const kind = this.opKind;
      lx.next();
      if (notIn) lx.next();
      const right = this.parseBin(prec + 1);
      left = this.bin(kind, left, right);
      if (notIn) left = this.not(left.pos, left);
    }
  }

  private bin(k: number, a: Expr, b: Expr): Expr {
    const e = new Expr(k, a.pos);
    e.a = a;
    e.b = b;
    return e;
  }

  private not(pos: number, target: Expr): Expr {
    // tsdbt's compiler emits `!(...)` / `!runtime.tsdbtTruthy(...)`, so any operand is safe
    const e = new Expr(NOT, pos);
    e.a = target;
    return e;
  }

  /** a token that starts a test's one argument without parentheses (`is divisibleby 3`), as in Jinja2 */
  private startsTestArg(): boolean {
    const lx = this.lx;
    const t = lx.peek();
    if (t === T_SYMBOL) return !TEST_ARG_STOP.has(lx.value);
    return t === T_STRING || t === T_INT || t === T_FLOAT || t === T_BOOL || t === T_NONE || t === T_LBRACKET || t === T_LCURLY;
  }

  /**
   * `left is [not] test`, `test(arg)`, `test arg`: the test name as nunjucks' compileIs takes it (`none`
   * is the `null` test, `true`/`false` literals name tests too), from the environment's tests.
   */
  private parseIs(left: Expr): Expr {
    const lx = this.lx;
    lx.next();
    let invert = false;
    if (lx.isKw(KW_NOT)) {
      lx.next();
      invert = true;
    }
    const t = lx.next();
    const name = t === T_NONE ? 'null' : t === T_SYMBOL || t === T_BOOL ? lx.value : '';
    if (name === '' || !hasTest(this.env, name)) unsupported();
    const e = new Expr(IS, left.pos);
    e.a = left;
    e.v = name;
    e.list = [];
    if (t === T_SYMBOL && lx.peek() === T_LPAREN) {
      this.parseArgs(e);
      // one positional argument, the common case (more, or keywords, are left to nunjucks)
      if (e.list.length > 1 || e.keys !== null) unsupported();
    } else if (this.startsTestArg()) e.list.push(this.parsePrimary());
    // nunjucks parses the test with parsePrimary: anything extending it changes the test name; and
    // it takes one `is` per level, so a second one is a syntax error
    const p = lx.peek();
    if (p === T_OP || p === T_LPAREN || p === T_LBRACKET || p === T_PIPE || p === T_TILDE || lx.isKw(KW_IS)) unsupported();
    return invert ? this.not(e.pos, e) : e;
  }
}
