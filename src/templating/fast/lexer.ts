// Tokenizer for the code inside `{{ }}` / `{% %}`, scanning exactly where nunjucks' lexer would:
// tag ends are recognised before any operator (so `}}` inside a dict closes the tag, as in nunjucks).
import { unsupported } from './ast.js';
import { NUMBER } from '../nunjucks-grammar.js';

import {
  KW_NONE, OP_ASSIGN, OP_DOT, OP_DSLASH, OP_DSTAR, OP_EQ, OP_EQQ, OP_GE, OP_GT, OP_LE, OP_LT, OP_MINUS, OP_NE, OP_NEE, OP_OTHER, OP_PERCENT, OP_PLUS, OP_SLASH, OP_STAR, T_BLOCK_END, T_BOOL, T_COLON, T_COMMA, T_EOF, T_FLOAT, T_INT, T_LBRACKET, T_LCURLY, T_LPAREN, T_NONE, T_OP, T_PIPE, T_RBRACKET, T_RCURLY, T_RPAREN, T_STRING, T_SYMBOL, T_TILDE, T_VAR_END, keyword,
} from './tokens.js';

// nunjucks' whitespaceChars " \n\t\r\xA0" and delimChars "()[]{}%*-+~/#,:|.<>=!"
const WS = new Uint8Array(256);
const DELIM = new Uint8Array(256);
for (const ch of ' \n\t\r\xA0') WS[ch.charCodeAt(0)] = 1;
for (const ch of '()[]{}%*-+~/#,:|.<>=!') DELIM[ch.charCodeAt(0)] = 1;

export class Lexer {
  pos = 0;
  /** current token (valid after peek()) */
  type = T_EOF;
  value = '';
  /** OP_* of a T_OP token, KW_* of a T_SYMBOL token */
  op = 0;
  kw = 0;
  start = 0;
  /** tag end written with a dash (`-%}` / `-}}`) */
  trim = false;
  private peeked = false;

  constructor(readonly src: string) {}

  reset(pos: number): void {
    this.pos = pos;
    this.peeked = false;
  }

  peek(): number {
    if (!this.peeked) this.scan();
    return this.type;
  }

  /** consume the current token */
  next(): number {
    if (!this.peeked) this.scan();
    this.peeked = false;
    return this.type;
  }

  isOp(op: number): boolean {
    return this.peek() === T_OP && this.op === op;
  }

  isKw(kw: number): boolean {
    return this.peek() === T_SYMBOL && this.kw === kw;
  }

  private scan(): void {
    const s = this.src;
    const n = s.length;
    let p = this.pos;
    while (p < n) {
      const c = s.charCodeAt(p);
      if (c < 256 && WS[c] === 1) p++;
      else break;
    }
    this.start = p;
    this.peeked = true;
    this.trim = false;
    if (p >= n) {
      this.type = T_EOF;
      this.pos = p;
      return;
    }
    const c = s.charCodeAt(p);
    const c1 = s.charCodeAt(p + 1);
    if (c === 34 || c === 39) return this.scanString(p, c);
    if (c === 37 && c1 === 125) return this.tok(T_BLOCK_END, '%}', p + 2);
    if (c === 45 && c1 === 37 && s.charCodeAt(p + 2) === 125) {
      this.tok(T_BLOCK_END, '-%}', p + 3);
      this.trim = true;
      return;
    }
    if (c === 125 && c1 === 125) return this.tok(T_VAR_END, '}}', p + 2);
    if (c === 45 && c1 === 125 && s.charCodeAt(p + 2) === 125) {
      this.tok(T_VAR_END, '-}}', p + 3);
      this.trim = true;
      return;
    }
    if (c === 114 && c1 === 47) unsupported(); // r/regex/
    if (c < 256 && DELIM[c] === 1) return this.scanDelim(p, c);
    if (c >= 48 && c <= 57) return this.scanNumber(p);
    // a word runs to the next whitespace or delimiter (it does not start with a digit here)
    let ident = true;
    let e = p;
    while (e < n) {
      const d = s.charCodeAt(e);
      if (d < 256 && (WS[d] === 1 || DELIM[d] === 1)) break;
      if (!((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || d === 95 || (d >= 48 && d <= 57))) ident = false;
      e++;
    }
    if (!ident) unsupported(); // nunjucks would take any non-delimiter run as a name
    const word = s.slice(p, e);
    if (word === 'true' || word === 'false') return this.tok(T_BOOL, word, e);
    if (word === 'none' || word === 'null') return this.tok(T_NONE, word, e);
    this.tok(T_SYMBOL, word, e);
    this.kw = word.length <= 4 ? keyword(word) : KW_NONE;
  }

  /** a number literal; one running into a name (`1abc`) is left to nunjucks */
  private scanNumber(p: number): void {
    const s = this.src;
    NUMBER.lastIndex = p;
    const text = NUMBER.exec(s)![0];
    const e = p + text.length;
    const d = s.charCodeAt(e);
    if (e < s.length && !(d < 256 && (WS[d] === 1 || DELIM[d] === 1))) unsupported();
    const value = text.indexOf('_') === -1 ? text : text.replace(/_/g, '');
    this.tok(/[.eE]/.test(value) ? T_FLOAT : T_INT, value, e);
  }

  private tok(type: number, value: string, end: number): void {
    this.type = type;
    this.value = value;
    this.pos = end;
  }

  private scanDelim(p: number, c: number): void {
    const s = this.src;
    let type = T_OP;
    switch (c) {
      case 40: type = T_LPAREN; break;
      case 41: type = T_RPAREN; break;
      case 91: type = T_LBRACKET; break;
      case 93: type = T_RBRACKET; break;
      case 123: type = T_LCURLY; break;
      case 125: type = T_RCURLY; break;
      case 44: type = T_COMMA; break;
      case 58: type = T_COLON; break;
      case 126: type = T_TILDE; break;
      case 124: type = T_PIPE; break;
    }
    if (type !== T_OP) return this.tok(type, '', p + 1);
    const c1 = s.charCodeAt(p + 1);
    const c2 = s.charCodeAt(p + 2);
    let op = OP_OTHER;
    let len = 1;
    switch (c) {
      case 46: op = OP_DOT; break;
      case 43: op = OP_PLUS; break;
      case 45: op = OP_MINUS; break;
      case 42: if (c1 === 42) { op = OP_DSTAR; len = 2; } else op = OP_STAR; break;
      case 47: if (c1 === 47) { op = OP_DSLASH; len = 2; } else op = OP_SLASH; break;
      case 37: op = OP_PERCENT; break;
      case 61:
        if (c1 === 61) { op = c2 === 61 ? OP_EQQ : OP_EQ; len = c2 === 61 ? 3 : 2; } else op = OP_ASSIGN;
        break;
      case 33: if (c1 === 61) { op = c2 === 61 ? OP_NEE : OP_NE; len = c2 === 61 ? 3 : 2; } break;
      case 60: if (c1 === 61) { op = OP_LE; len = 2; } else op = OP_LT; break;
      case 62: if (c1 === 61) { op = OP_GE; len = 2; } else op = OP_GT; break;
    }
    this.tok(T_OP, '', p + len);
    this.op = op;
  }

  /** nunjucks' _parseString: \n \t \r are escapes, any other escaped char stands for itself */
  private scanString(p: number, quote: number): void {
    const s = this.src;
    const n = s.length;
    let out = '';
    let seg = p + 1;
    let i = p + 1;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === quote) break;
      if (c === 92) {
        out += s.slice(seg, i);
        const e = s[i + 1] ?? '';
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
        i += 2;
        seg = i;
      } else i++;
    }
    if (i >= n) unsupported(); // unterminated string: let nunjucks report it
    out += s.slice(seg, i);
    this.tok(T_STRING, out, i + 1);
  }
}
