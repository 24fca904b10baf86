// Jinja2 grammar nunjucks' lexer and parser lack: number literals with exponents and underscores
// (`1e20`, `2.5e-3`, `1_000`), float literals that stay floats (`1.0` is a PyFloat), implicit
// concatenation of adjacent strings (`'a' 'b'`), trailing commas and one-element tuples (`(3,)`,
// `[1, 2,]`, `f(a, b,)`), and tests taking one argument without parentheses (`x is divisibleby 3`, `x is sameas
// false`), whose arguments compile as a real argument list. The fast interpreter reads the same.
import { nodes, lexer, ParserProto, CompilerProto, type NjNode, type NjParser, type NjCompiler, type NjToken } from './nunjucks-internals.js';
import { PyFloat, pyFloat } from './python-values.js';

/** Jinja2's number literals (`1_000`, `2.5`, `1e20`, `1.5E-3`); sticky, run at a token's start */
export const NUMBER = /\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?(?:[eE][+-]?\d+(?:_\d+)*)?/y;

/** names that end a test without parentheses instead of being its argument (`x is odd and y`) */
export const TEST_ARG_STOP = new Set(['else', 'or', 'and', 'if', 'not', 'in', 'is', 'recursive']);

type Fn = (this: never, ...a: never[]) => unknown;
type P = NjParser & {
  parseCompare(): NjNode;
  parsePostfix(node: NjNode): NjNode;
  parseSignature(): NjNode;
  tokens: Tokenizer;
  peeked: NjToken | null;
};
interface Tokenizer {
  str: string;
  index: number;
  lineno: number;
  colno: number;
  in_code: boolean;
  nextToken(): NjToken | null;
}

const T = lexer as Record<string, string>;

function patchLexer(): void {
  const proto = Object.getPrototypeOf((lexer as unknown as { lex(s: string): object }).lex('')) as Tokenizer;
  const next = proto.nextToken;
  // nunjucks reads `1e20` as a name and `1.5e3` as 1.5 then a name: re-read any token starting with a digit
  proto.nextToken = function (this: Tokenizer) {
    const start = this.index;
    const lineno = this.lineno;
    const colno = this.colno;
    const tok = next.call(this);
    if (tok === null) return tok;
    if (tok.type !== T.TOKEN_INT && tok.type !== T.TOKEN_FLOAT && !(tok.type === T.TOKEN_SYMBOL && /^\d/.test(tok.value))) return tok;
    NUMBER.lastIndex = start;
    const m = NUMBER.exec(this.str);
    // a name that merely starts with digits (`1abc`) stays what nunjucks made of it
    if (m === null || (tok.type === T.TOKEN_SYMBOL && m[0].length < tok.value.length)) return tok;
    this.index = start + m[0].length;
    this.colno = colno + m[0].length;
    const value = m[0].replace(/_/g, '');
    return { type: /[.eE]/.test(value) ? T.TOKEN_FLOAT : T.TOKEN_INT, value, lineno, colno };
  } as Tokenizer['nextToken'];
}

const closes = (t: NjToken | null) => t !== null && (t.type === T.TOKEN_RIGHT_PAREN || t.type === T.TOKEN_RIGHT_BRACKET || t.type === T.TOKEN_RIGHT_CURLY);

/** nunjucks' parseAggregate, taking a trailing comma; `(x,)` is marked a tuple */
function parseAggregate(this: P): NjNode | null {
  const tok = this.nextToken();
  let node: NjNode;
  if (tok.type === T.TOKEN_LEFT_PAREN) node = new nodes.Group(tok.lineno, tok.colno);
  else if (tok.type === T.TOKEN_LEFT_BRACKET) node = new nodes.Array(tok.lineno, tok.colno);
  else if (tok.type === T.TOKEN_LEFT_CURLY) node = new nodes.Dict(tok.lineno, tok.colno);
  else return null;
  const add = (n: NjNode) => (node as unknown as { addChild(n: NjNode): void }).addChild(n);
  let trailingComma = false;
  for (;;) {
    if (node.children.length > 0 && !closes(this.peekToken())) {
      if (!this.skip(T.TOKEN_COMMA)) this.fail('parseAggregate: expected comma after expression', tok.lineno, tok.colno);
      trailingComma = true;
    }
    if (closes(this.peekToken())) {
      this.nextToken();
      break;
    }
    trailingComma = false;
    if (node.typename === 'Dict') {
      const key = this.parseExpression();
      if (!this.skip(T.TOKEN_COLON)) this.fail('parseAggregate: expected colon after dict key', tok.lineno, tok.colno);
      const pair = new nodes.Pair(key.lineno, key.colno, key, this.parseExpression());
      // a dict literal's key is an expression in Jinja2 (`{col.name: col}`, `{relation: []}`); keyword
      // arguments, which nunjucks also builds from Pairs, keep their names
      pair.tsdbtExprKey = true;
      add(pair);
    } else add(this.parseExpression());
  }
  if (node.typename === 'Group' && trailingComma) node.tsdbtTuple = true;
  return node;
}

function patchParser(): void {
  const parsePrimary = ParserProto.parsePrimary as (this: P, noPostfix?: boolean) => NjNode;
  ParserProto.parsePrimary = function (this: P, noPostfix?: boolean) {
    const tok = this.peekToken();
    let node: NjNode;
    if (tok && tok.type === T.TOKEN_FLOAT) {
      this.nextToken();
      node = new nodes.Literal(tok.lineno, tok.colno, pyFloat(parseFloat(tok.value)));
    } else if (tok && tok.type === T.TOKEN_STRING) {
      this.nextToken();
      let value = tok.value;
      while (this.peekToken()?.type === T.TOKEN_STRING) value += this.nextToken().value;
      node = new nodes.Literal(tok.lineno, tok.colno, value);
    } else return parsePrimary.call(this, noPostfix);
    return noPostfix ? node : this.parsePostfix(node);
  } as Fn;

  // jinja-compat's parseAggregate reads slices after nunjucks' own fails: keep it as the fallback
  const compatAggregate = ParserProto.parseAggregate as (this: P) => NjNode | null;
  ParserProto.parseAggregate = function (this: P) {
    const { index, lineno, colno, in_code } = this.tokens;
    const peeked = this.peeked;
    try {
      return parseAggregate.call(this);
    } catch {
      Object.assign(this.tokens, { index, lineno, colno, in_code });
      this.peeked = peeked;
      return compatAggregate.call(this);
    }
  } as Fn;

  // nunjucks' parseSignature, taking a trailing comma before `)` as Jinja2 does, in a call, a macro
  // signature or a call block (`f(a=1, b=2,)`)
  ParserProto.parseSignature = function (this: P, tolerant?: boolean, noParens?: boolean) {
    let tok = this.peekToken();
    if (!noParens && tok.type !== T.TOKEN_LEFT_PAREN) {
      if (tolerant) return null;
      this.fail('expected arguments', tok.lineno, tok.colno);
    }
    if (tok.type === T.TOKEN_LEFT_PAREN) tok = this.nextToken();
    const args = new nodes.NodeList(tok.lineno, tok.colno);
    const kwargs = new nodes.KeywordArgs(tok.lineno, tok.colno);
    const add = (list: NjNode, n: NjNode) => (list as unknown as { addChild(n: NjNode): void }).addChild(n);
    let checkComma = false;
    for (;;) {
      tok = this.peekToken();
      if (!noParens && tok.type === T.TOKEN_RIGHT_PAREN) {
        this.nextToken();
        break;
      } else if (noParens && tok.type === T.TOKEN_BLOCK_END) break;
      if (checkComma) {
        if (!this.skip(T.TOKEN_COMMA)) this.fail('parseSignature: expected comma after expression', tok.lineno, tok.colno);
        if (!noParens && this.peekToken().type === T.TOKEN_RIGHT_PAREN) continue;
      }
      const arg = this.parseExpression();
      if (this.skipValue(T.TOKEN_OPERATOR, '=')) add(kwargs, new nodes.Pair(arg.lineno, arg.colno, arg, this.parseExpression()));
      else add(args, arg);
      checkComma = true;
    }
    if (kwargs.children.length) add(args, kwargs);
    return args;
  } as Fn;

  // `x is test`, `x is test(args)` and Jinja2's `x is test arg` (one primary, no parentheses)
  ParserProto.parseIs = function (this: P) {
    const node = this.parseCompare();
    if (!this.skipSymbol('is')) return node;
    const not = this.skipSymbol('not');
    let test = this.parsePrimary(true) as NjNode;
    const tok = this.peekToken();
    if (tok && tok.type === T.TOKEN_LEFT_PAREN) test = new nodes.FunCall(tok.lineno, tok.colno, test, this.parseSignature());
    else if (tok && tok.type === T.TOKEN_SYMBOL && tok.value === 'is') this.fail('You cannot chain multiple tests with is', tok.lineno, tok.colno);
    else if (tok && startsTestArg(tok)) {
      const arg = this.parsePrimary() as NjNode;
      test = new nodes.FunCall(tok.lineno, tok.colno, test, new nodes.NodeList(tok.lineno, tok.colno, [arg]));
    }
    const after = this.peekToken();
    if (after && after.type === T.TOKEN_SYMBOL && after.value === 'is') this.fail('You cannot chain multiple tests with is', after.lineno, after.colno);
    const is = new nodes.Is(node.lineno, node.colno, node, test);
    return not ? new nodes.Not(node.lineno, node.colno, is) : is;
  } as Fn;
}

function startsTestArg(tok: NjToken): boolean {
  switch (tok.type) {
    case T.TOKEN_SYMBOL:
      return !TEST_ARG_STOP.has(tok.value);
    case T.TOKEN_STRING:
    case T.TOKEN_INT:
    case T.TOKEN_FLOAT:
    case T.TOKEN_BOOLEAN:
    case T.TOKEN_NONE:
    case T.TOKEN_LEFT_BRACKET:
    case T.TOKEN_LEFT_CURLY:
      return true;
    default:
      return false;
  }
}

function patchCompiler(): void {
  const compileLiteral = CompilerProto.compileLiteral as (this: NjCompiler, n: NjNode, frame: unknown) => void;
  CompilerProto.compileLiteral = function (this: NjCompiler, n: NjNode, frame: unknown) {
    if (n.value instanceof PyFloat) this._emit(`runtime.tsdbtFloat(${n.value.valueOf()})`);
    else compileLiteral.call(this, n, frame);
  } as Fn;
  const compilePair = CompilerProto.compilePair as (this: NjCompiler, n: NjNode, frame: unknown) => void;
  CompilerProto.compilePair = function (this: NjCompiler, n: NjNode, frame: unknown) {
    const key = n.key as NjNode;
    if (!n.tsdbtExprKey || (key.typename === 'Literal' && typeof key.value === 'string')) return compilePair.call(this, n, frame);
    // a computed key: JavaScript gives it the same property name a later `d[key]` lookup uses
    this._emit('[');
    this._compileExpression(key, frame);
    this._emit(']: ');
    this._compileExpression(n.value as NjNode, frame);
  } as Fn;
  // a test's arguments, separated by commas (nunjucks pasted them in without)
  CompilerProto.compileIs = function (this: NjCompiler, n: NjNode, frame: unknown) {
    const right = n.right as NjNode;
    const name = right.name ? (right.name as NjNode).value : right.value;
    this._emit(`env.getTest(${JSON.stringify(String(name))}).call(context, `);
    this.compile(n.left as NjNode, frame);
    for (const a of (right.args as NjNode | undefined)?.children ?? []) {
      this._emit(', ');
      this.compile(a, frame);
    }
    this._emit(') === true');
  } as Fn;
  const unary = (fn: string) =>
    function (this: NjCompiler, n: NjNode, frame: unknown) {
      this._emit(`runtime.${fn}(`);
      this.compile(n.target as NjNode, frame);
      this._emit(')');
    } as Fn;
  CompilerProto.compileNeg = unary('tsdbtNeg');
  CompilerProto.compilePos = unary('tsdbtPos');
  CompilerProto.compilePow = function (this: NjCompiler, n: NjNode, frame: unknown) {
    this._emit('runtime.tsdbtPow(');
    this.compile(n.left as NjNode, frame);
    this._emit(', ');
    this.compile(n.right as NjNode, frame);
    this._emit(')');
  } as Fn;
}

export function installGrammarPatches(): void {
  patchLexer();
  patchParser();
  patchCompiler();
}
