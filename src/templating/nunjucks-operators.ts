// Jinja2's arithmetic precedence for nunjucks' parser, and Python printing for `{{ x }}`. nunjucks gives
// every operator its own level (`7 / 2 % 2` is `7 / (2 % 2)`); Jinja2 has three, each left-associative:
// `+ -`, then `~`, then `* / // %` (so `2 * 8 % 3` is 1 and `"a" ~ 1 + 2` adds to a string). Also
// callee names in the generated code escaped, so `",\n".join(cols)` compiles.
import { nodes, lexer, ParserProto, CompilerProto, type NjNode, type NjParser, type NjCompiler } from './nunjucks-internals.js';

type P = NjParser & { parseAdd(): NjNode; parseMul(): NjNode; parsePow(): NjNode };
type Fn = (this: never, ...a: never[]) => unknown;

const MATH1: Record<string, string> = { '+': 'Add', '-': 'Sub' };
const MATH2: Record<string, string> = { '*': 'Mul', '/': 'Div', '//': 'FloorDiv', '%': 'Mod' };

/** One left-associative level: operands from `next`, operators from `ops` (value -> node type). */
function level(p: P, next: () => NjNode, ops: Record<string, string>): NjNode {
  let node = next();
  for (;;) {
    const tok = p.peekToken();
    const type = tok && tok.type === lexer.TOKEN_OPERATOR ? ops[tok.value] : undefined;
    if (type === undefined) return node;
    p.nextToken();
    node = new nodes[type](node.lineno, node.colno, node, next());
  }
}

function patchPrecedence(): void {
  // parseCompare calls parseConcat for its operands: that becomes Jinja2's `+ -` level
  ParserProto.parseConcat = function (this: P) {
    return level(this, () => this.parseAdd(), MATH1);
  } as Fn;
  // then `~`
  ParserProto.parseAdd = function (this: P) {
    let node = this.parseMul();
    while (this.skipValue(lexer.TOKEN_TILDE, '~')) node = new nodes.Concat(node.lineno, node.colno, node, this.parseMul());
    return node;
  } as Fn;
  // then `* / // %`, whose operands are parsePow's (`**`, then unary operators)
  ParserProto.parseMul = function (this: P) {
    return level(this, () => this.parsePow(), MATH2);
  } as Fn;
}

function patchOutput(): void {
  CompilerProto.compileOutput = function (this: NjCompiler & { buffer: string }, n: NjNode, frame: unknown) {
    for (const child of n.children) {
      if (child instanceof nodes.TemplateData) {
        if (!child.value) continue;
        this._emit(`${this.buffer} += `);
        this.compile(child, frame);
        this._emitLine(';');
      } else {
        this._emit(`${this.buffer} += runtime.tsdbtOutput(`);
        this.compile(child, frame);
        this._emitLine(');');
      }
    }
  } as Fn;
}

function patchCalleeNames(): void {
  // nunjucks pastes a callee's name into a JS string escaping only `"`: `",\n".join(cols)` broke the compiled code
  const getName = CompilerProto._getNodeName as (this: NjCompiler, n: NjNode) => unknown;
  let naming = 0;
  CompilerProto._getNodeName = function (this: NjCompiler, n: NjNode) {
    naming++;
    try {
      const name = String(getName.call(this, n));
      return naming > 1 ? name : name.replace(/[\\\n\r\u2028\u2029]/g, (c) => (c === '\\' ? '\\\\' : JSON.stringify(c).slice(1, -1)));
    } finally {
      naming--;
    }
  } as Fn;
}

export function installOperatorPatches(): void {
  patchPrecedence();
  patchOutput();
  patchCalleeNames();
}
