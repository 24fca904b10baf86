// Single pass over a template: text found with indexOf, `{# #}` skipped, tags parsed into statements,
// with nunjucks' whitespace control (`{%-` trims the text before, `-%}` the text after, JS `\s` rules).
import { type Program, S_FOR, S_IF, S_OUTPUT, S_SET, S_TEXT, Stmt, unsupported } from './ast.js';
import type { FilterEnv } from './builtins.js';
import { ExprParser } from './expr-parser.js';
import { Lexer } from './lexer.js';
import { KW_IF, KW_IN, OP_ASSIGN, OP_DOT, T_BLOCK_END, T_COMMA, T_LBRACKET, T_LPAREN, T_OP, T_SYMBOL, T_VAR_END } from './tokens.js';

/** the characters of JS regex `\s`, which nunjucks' trimming uses */
function isJsSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028
    || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const IF_ENDS = ['elif', 'elseif', 'else', 'endif'];
const FOR_ENDS = ['endfor', 'else'];

export class TemplateParser extends ExprParser {
  private pos = 0;
  /** the previous tag ended with `-%}` / `-}}` / `-#}` */
  private dropLead = false;
  /** next '#}' at or after pos (-1: none): nunjucks rejects it in plain text */
  private hashBrace = -2;
  private readonly scopes: Map<string, number>[] = [];
  /** names set in the body of each enclosing for loop */
  private readonly loopSets: Set<string>[] = [];
  private nSlots = 0;
  private endTag = '';

  constructor(
    private readonly src: string,
    env: FilterEnv,
  ) {
    super(new Lexer(src), env);
  }

  parse(): Program {
    const body = this.parseNodes(null);
    return { body, nSlots: this.nSlots };
  }

  protected localSlot(name: string): number {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const slot = this.scopes[i]!.get(name);
      if (slot !== undefined) return slot;
    }
    return -1;
  }

  /** statements up to one of `stop` (its name is left in endTag) or the end of the source */
  private parseNodes(stop: string[] | null): Stmt[] {
    const src = this.src;
    const out: Stmt[] = [];
    this.endTag = '';
    for (;;) {
      const start = this.pos;
      let t = src.indexOf('{', start);
      while (t >= 0) {
        const c = src.charCodeAt(t + 1);
        if (c === 123 || c === 37 || c === 35) break;
        t = src.indexOf('{', t + 1);
      }
      const textEnd = t < 0 ? src.length : t;
      if (textEnd > start) this.text(out, start, textEnd, t >= 0 && src.charCodeAt(t + 2) === 45);
      if (t < 0) {
        this.pos = src.length;
        this.endTag = '';
        return out;
      }
      const kind = src.charCodeAt(t + 1);
      const codeStart = t + (src.charCodeAt(t + 2) === 45 ? 3 : 2);
      if (kind === 35) {
        const end = src.indexOf('#}', t + 2);
        if (end < 0) unsupported();
        this.dropLead = src.charCodeAt(end - 1) === 45 && end - 1 > t + 1;
        this.pos = end + 2;
      } else if (kind === 123) {
        this.lx.reset(codeStart);
        const s = new Stmt(S_OUTPUT, codeStart);
        s.e = this.parseExpression();
        if (this.lx.next() !== T_VAR_END) unsupported();
        this.dropLead = this.lx.trim;
        this.pos = this.lx.pos;
        out.push(s);
      } else {
        this.lx.reset(codeStart);
        this.dropLead = false;
        if (this.lx.next() !== T_SYMBOL) unsupported();
        const name = this.lx.value;
        if (stop !== null && stop.includes(name)) {
          this.endTag = name;
          return out;
        }
        if (name === 'if') out.push(this.parseIf(t));
        else if (name === 'for') out.push(this.parseFor(t));
        else if (name === 'set') out.push(this.parseSet(t));
        else unsupported();
      }
    }
  }

  private text(out: Stmt[], from: number, to: number, trimEnd: boolean): void {
    const src = this.src;
    if (this.hashBrace !== -1 && this.hashBrace < from) this.hashBrace = src.indexOf('#}', from);
    if (this.hashBrace !== -1 && this.hashBrace < to) unsupported(); // nunjucks: "unexpected end of comment"
    let a = from;
    let b = to;
    if (this.dropLead) {
      while (a < b && isJsSpace(src.charCodeAt(a))) a++;
      this.dropLead = false;
    }
    if (trimEnd) while (b > a && isJsSpace(src.charCodeAt(b - 1))) b--;
    if (a === b) return;
    const last = out[out.length - 1];
    if (last !== undefined && last.k === S_TEXT) last.text += src.slice(a, b);
    else {
      const s = new Stmt(S_TEXT, a);
      s.text = src.slice(a, b);
      out.push(s);
    }
  }

  private blockEnd(): void {
    if (this.lx.next() !== T_BLOCK_END) unsupported();
    this.dropLead = this.lx.trim;
    this.pos = this.lx.pos;
  }

  private parseIf(tagPos: number): Stmt {
    const s = new Stmt(S_IF, tagPos);
    s.e = this.parseExpression();
    this.blockEnd();
    s.body = this.parseNodes(IF_ENDS);
    const end = this.endTag;
    if (end === 'elif' || end === 'elseif') {
      s.else_ = [this.parseIf(this.lx.start)];
    } else if (end === 'else') {
      this.blockEnd();
      s.else_ = this.parseNodes(['endif']);
      if (this.endTag !== 'endif') unsupported();
      this.blockEnd();
    } else if (end === 'endif') this.blockEnd();
    else unsupported();
    return s;
  }

  /** a bare name, as nunjucks' parsePrimary would return it (no postfix operators) */
  private bareName(): string {
    const lx = this.lx;
    if (lx.next() !== T_SYMBOL) unsupported();
    const name = lx.value;
    const p = lx.peek();
    if (p === T_LPAREN || p === T_LBRACKET || (p === T_OP && lx.op === OP_DOT)) unsupported();
    return name;
  }

  private parseFor(tagPos: number): Stmt {
    const lx = this.lx;
    const s = new Stmt(S_FOR, tagPos);
    const names = [this.bareName()];
    if (lx.peek() === T_COMMA) {
      lx.next();
      names.push(this.bareName());
      if (lx.peek() === T_COMMA || names[0] === names[1]) unsupported();
    }
    if (names.includes('loop') || !lx.isKw(KW_IN)) unsupported();
    lx.next();
    // as Jinja2: the iterable has no `x if y else z`, a trailing `if` filters items (with the loop names bound)
    s.e = this.parseBin(1);
    s.names = names;
    s.slots = names.map(() => this.nSlots++);
    s.lenSlot = this.nSlots++;
    this.scopes.push(new Map(names.map((n, i) => [n, s.slots![i]!])));
    if (lx.isKw(KW_IF)) {
      lx.next();
      s.cond = this.parseExpression();
    }
    this.blockEnd();
    const sets = new Set<string>();
    this.loopSets.push(sets);
    s.body = this.parseNodes(FOR_ENDS);
    for (const n of names) sets.delete(n);
    if (sets.size) s.resets = [...sets];
    // the else block runs in the loop's frame too
    if (this.endTag === 'else') {
      this.blockEnd();
      s.else_ = this.parseNodes(['endfor']);
    }
    this.loopSets.pop();
    if (this.endTag !== 'endfor') unsupported();
    this.blockEnd();
    this.scopes.pop();
    return s;
  }

  private parseSet(tagPos: number): Stmt {
    const lx = this.lx;
    const s = new Stmt(S_SET, tagPos);
    const name = this.bareName();
    if (lx.peek() === T_COMMA || !lx.isOp(OP_ASSIGN)) unsupported(); // several targets, or a `{% set %}` block
    lx.next();
    s.e = this.parseExpression();
    this.blockEnd();
    s.names = [name];
    const slot = this.localSlot(name);
    if (slot >= 0) s.slots = [slot];
    const loop = this.loopSets[this.loopSets.length - 1];
    if (loop !== undefined) {
      s.local = true;
      loop.add(name);
    }
    return s;
  }
}
