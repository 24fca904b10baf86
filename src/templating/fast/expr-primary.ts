// Operands of nunjucks expressions: literals, names, lists, dicts, groups, then postfix attribute /
// subscript / call operators and `|` filters, built into the same trees tsdbt's patched nunjucks parser
// builds (Jinja2's `'a' 'b'` concatenation, trailing commas in literals and calls, `(x,)` tuples, integral floats boxed).
import { ARRAY, CALL, DICT, Expr, FILTER, GROUP, LIT, LOCAL, LOOKUP, NAME, NEG, POS, TUPLE, unsupported } from './ast.js';
import { type FilterEnv, hasFilter } from './builtins.js';
import { pyFloat } from './runtime.js';
import type { Lexer } from './lexer.js';
import { calleeName } from './names.js';
import {
  OP_ASSIGN, OP_DOT, OP_MINUS, OP_PLUS, T_BOOL, T_COLON, T_COMMA, T_FLOAT, T_INT, T_LBRACKET, T_LCURLY, T_LPAREN, T_NONE,
  T_OP, T_PIPE, T_RBRACKET, T_RCURLY, T_RPAREN, T_STRING, T_SYMBOL,
} from './tokens.js';

export abstract class PrimaryParser {
  constructor(
    readonly lx: Lexer,
    /** filters and tests are checked at parse time: an unknown one leaves the template to nunjucks */
    readonly env: FilterEnv,
  ) {}

  /** slot of a for-loop variable in scope at this point of the template, or -1 */
  protected abstract localSlot(name: string): number;

  abstract parseExpression(): Expr;

  protected parseUnary(noFilters: boolean): Expr {
    const lx = this.lx;
    let node: Expr;
    if (lx.isOp(OP_MINUS) || lx.isOp(OP_PLUS)) {
      const k = lx.op === OP_MINUS ? NEG : POS;
      node = new Expr(k, lx.start);
      lx.next();
      node.a = this.parseUnary(true);
      if (node.a.k === k) unsupported(); // `--x` / `++x` is a JS syntax error in nunjucks' output
    } else node = this.parsePrimary();
    return noFilters ? node : this.parseFilters(node);
  }

  private parseFilters(node: Expr): Expr {
    const lx = this.lx;
    while (lx.peek() === T_PIPE) {
      lx.next();
      const pos = lx.start;
      if (lx.next() !== T_SYMBOL) unsupported();
      const name = lx.value;
      if (!hasFilter(this.env, name) || lx.isOp(OP_DOT)) unsupported();
      const f = new Expr(FILTER, pos);
      f.v = name;
      f.a = node;
      f.list = [];
      if (lx.peek() === T_LPAREN) {
        this.parseArgs(f);
        // nunjucks would keep applying postfix operators to the filter call and lose its arguments
        if (lx.peek() === T_LPAREN || lx.peek() === T_LBRACKET || lx.isOp(OP_DOT)) unsupported();
      }
      node = f;
    }
    return node;
  }

  parsePrimary(): Expr {
    const lx = this.lx;
    const t = lx.next();
    const pos = lx.start;
    let node: Expr;
    if (t === T_STRING || t === T_INT || t === T_FLOAT || t === T_BOOL || t === T_NONE) {
      node = new Expr(LIT, pos);
      node.v = t === T_STRING ? lx.value : t === T_INT ? parseInt(lx.value, 10) : t === T_FLOAT ? pyFloat(parseFloat(lx.value))
        : t === T_BOOL ? lx.value === 'true' : null;
      // adjacent strings are one (Jinja2's implicit concatenation)
      if (t === T_STRING) while (lx.peek() === T_STRING) node.v += (lx.next(), lx.value);
    } else if (t === T_SYMBOL) {
      const slot = this.localSlot(lx.value);
      node = new Expr(slot >= 0 ? LOCAL : NAME, pos);
      node.v = lx.value;
      node.slot = slot;
    } else if (t === T_LPAREN || t === T_LBRACKET || t === T_LCURLY) {
      node = this.parseAggregate(t, pos);
    } else return unsupported();
    return this.parsePostfix(node);
  }

  private parseAggregate(open: number, pos: number): Expr {
    const lx = this.lx;
    const node = new Expr(open === T_LPAREN ? GROUP : open === T_LBRACKET ? ARRAY : DICT, pos);
    const items: Expr[] = [];
    const keys: string[] = [];
    let trailingComma = false;
    for (;;) {
      let t = lx.peek();
      if (items.length > 0 && t !== T_RPAREN && t !== T_RBRACKET && t !== T_RCURLY) {
        if (lx.next() !== T_COMMA) unsupported(); // includes slices `a[1:2]`
        t = lx.peek();
        trailingComma = true;
      }
      // nunjucks closes any aggregate with any closing bracket
      if (t === T_RPAREN || t === T_RBRACKET || t === T_RCURLY) {
        lx.next();
        break;
      }
      trailingComma = false;
      if (node.k === DICT) {
        const key = this.parsePrimary();
        // any other key is an expression in Jinja2 (`{relation: []}`): left to nunjucks
        if (key.k === LIT && typeof key.v === 'string') keys.push(key.v);
        else unsupported();
        if (keys[keys.length - 1] === '__proto__' || lx.next() !== T_COLON) unsupported();
      }
      items.push(this.parseExpression());
    }
    if (node.k === GROUP) {
      if (items.length !== 1 || trailingComma) {
        // `()`, `(a,)` and `(a, b)` are tuples
        const tuple = new Expr(TUPLE, pos);
        tuple.list = items;
        return tuple;
      }
      node.a = items[0]!;
    } else if (node.k === DICT) {
      node.keys = keys;
      node.vals = items;
    } else node.list = items;
    return node;
  }

  private parsePostfix(target: Expr): Expr {
    const lx = this.lx;
    let node = target;
    for (;;) {
      const t = lx.peek();
      if (t === T_LPAREN) {
        // `loop(...)` recurses in a recursive loop (or raises Jinja2's error): left to nunjucks
        if (node.k === NAME && node.v === 'loop') unsupported();
        const call = new Expr(CALL, lx.start);
        call.a = node;
        call.name = calleeName(node);
        call.list = [];
        this.parseArgs(call);
        node = call;
      } else if (t === T_LBRACKET) {
        const pos = lx.start;
        lx.next();
        const look = new Expr(LOOKUP, pos);
        look.a = node;
        look.b = this.parseExpression();
        const close = lx.next();
        if (close !== T_RBRACKET && close !== T_RPAREN && close !== T_RCURLY) unsupported();
        node = look;
      } else if (t === T_OP && lx.op === OP_DOT) {
        const pos = lx.start;
        lx.next();
        if (lx.next() !== T_SYMBOL) unsupported();
        const key = new Expr(LIT, lx.start);
        key.v = lx.value;
        const look = new Expr(LOOKUP, pos);
        look.a = node;
        look.b = key;
        node = look;
      } else return node;
    }
  }

  /** `( args )` after the current token: positional into `into.list`, keywords into keys/vals */
  protected parseArgs(into: Expr): void {
    const lx = this.lx;
    lx.next(); // (
    const list = into.list!;
    let first = true;
    for (;;) {
      if (lx.peek() === T_RPAREN) {
        lx.next();
        return;
      }
      if (!first && lx.next() !== T_COMMA) unsupported();
      first = false;
      // Jinja2 takes a trailing comma before the closing parenthesis (`f(a=1, b=2,)`)
      if (lx.peek() === T_RPAREN) continue;
      const arg = this.parseExpression();
      if (lx.isOp(OP_ASSIGN)) {
        lx.next();
        if ((arg.k !== NAME && arg.k !== LOCAL) || arg.v === '__proto__') unsupported();
        (into.keys ??= []).push(arg.v as string);
        (into.vals ??= []).push(this.parseExpression());
      } else list.push(arg);
    }
  }
}
