// Teaches nunjucks' parser and compiler the Jinja dbt code uses: `*args`/`**kwargs` in macro signatures
// and calls, implicit `varargs`/`kwargs`, tuples, `{% set ns.x = v %}`, `{% set a, b = t %}`, Python
// truthiness in conditions, `==` on lists, `+`/`*`/`/`/`//`/`%`/`~` with Python meaning,
// `{% break %}`/`{% continue %}`, macros that know their own file:line and honour `return()`, and
// attribute access raising on undefined values as Jinja2's Undefined does (undefined-access.ts).
// Loops are in nunjucks-loops.ts, operator precedence and printing in nunjucks-operators.ts, literals,
// tuples and `is` tests in nunjucks-grammar.ts.
// Installed once per process; the generated code calls the helpers in nunjucks-runtime.ts.
import { nodes, lexer, ParserProto, CompilerProto, isNode, type NjNode, type NjParser, type NjCompiler } from './nunjucks-internals.js';

const Spread = nodes.Node.extend('TsdbtSpread', { fields: ['target', 'kw'] });
const Truthy = nodes.Node.extend('TsdbtTruthy', { fields: ['target'] });
export const Raw = nodes.Node.extend('TsdbtRaw', { fields: ['code'] });
const LoopControl = nodes.Node.extend('TsdbtLoopControl', { fields: ['kind'] });

interface MacroFrame {
  name: string;
  isCaller: boolean;
  varargs?: string;
  kwargs?: string;
  /** `kwargs` is Jinja2's implicit one (the body uses it), not a `**name` in the signature */
  implicitKwargs?: boolean;
  headerDone: boolean;
}

type C = NjCompiler & { __tsdbtMacros?: MacroFrame[]; __tsdbtLoops?: number };
type Fn = (this: never, ...a: never[]) => unknown;
const orig = <T>(proto: Record<string, unknown>, name: string) => proto[name] as unknown as (this: T, ...a: unknown[]) => unknown;
const node = (n: NjNode, f: string) => n[f] as NjNode;

/** `{% break %}` / `{% continue %}` (dbt enables Jinja's loopcontrols extension). */
export const loopControlsExtension = {
  tags: ['break', 'continue'],
  parse(parser: NjParser): NjNode {
    const tok = parser.nextToken();
    parser.advanceAfterBlockEnd(tok.value);
    return new LoopControl(tok.lineno, tok.colno, tok.value);
  },
};

export function emitBool(c: C, n: NjNode, frame: unknown): void {
  switch (n.typename) {
    case 'And':
    case 'Or':
      c._emit('(');
      emitBool(c, node(n, 'left'), frame);
      c._emit(n.typename === 'And' ? ' && ' : ' || ');
      emitBool(c, node(n, 'right'), frame);
      c._emit(')');
      return;
    case 'Not':
      c._emit('!');
      emitBool(c, node(n, 'target'), frame);
      return;
    case 'Compare':
    case 'Is':
    case 'In':
      c._emit('(');
      c.compile(n, frame);
      c._emit(')');
      return;
    default:
      c._emit('runtime.tsdbtTruthy(');
      c.compile(n, frame);
      c._emit(')');
  }
}

function patchParser(): void {
  const parseUnary = orig<NjParser>(ParserProto, 'parseUnary');
  ParserProto.parseUnary = function (this: NjParser, noFilters?: boolean) {
    const tok = this.peekToken();
    if (tok && tok.type === lexer.TOKEN_OPERATOR && (tok.value === '*' || tok.value === '**')) {
      this.nextToken();
      return new Spread(tok.lineno, tok.colno, parseUnary.call(this, noFilters), tok.value === '**');
    }
    return parseUnary.call(this, noFilters);
  } as Fn;
  // `{% set a, b = 1, 2 %}` (nunjucks would assign one value to every target)
  ParserProto.parseSet = function (this: NjParser) {
    const tag = this.peekToken();
    if (!this.skipSymbol('set')) this.fail('parseSet: expected set', tag.lineno, tag.colno);
    const set = new nodes.Set(tag.lineno, tag.colno, []);
    const targets = set.targets as NjNode[];
    for (let t = this.parsePrimary(); t; t = this.parsePrimary()) {
      targets.push(t);
      if (!this.skip(lexer.TOKEN_COMMA)) break;
    }
    if (!this.skipValue(lexer.TOKEN_OPERATOR, '=')) {
      if (!this.skip(lexer.TOKEN_BLOCK_END)) this.fail('parseSet: expected = or block end in set tag', tag.lineno, tag.colno);
      set.body = new nodes.Capture(tag.lineno, tag.colno, this.parseUntilBlocks('endset'));
      set.value = null;
      this.advanceAfterBlockEnd();
    } else {
      let value = this.parseExpression();
      if (this.skip(lexer.TOKEN_COMMA)) {
        const tuple = new nodes.Array(value.lineno, value.colno, [value]);
        do tuple.children.push(this.parseExpression());
        while (this.skip(lexer.TOKEN_COMMA));
        value = tuple;
      }
      set.value = value;
      this.advanceAfterBlockEnd(tag.value);
    }
    return set;
  } as Fn;
}

function patchExpressions(): void {
  const assertType = orig<C>(CompilerProto, 'assertType');
  CompilerProto.assertType = function (this: C, n: NjNode, ...types: unknown[]) {
    if (n && typeof n.typename === 'string' && n.typename.startsWith('Tsdbt')) return;
    return assertType.call(this, n, ...types);
  } as Fn;
  const group = orig<C>(CompilerProto, 'compileGroup');
  CompilerProto.compileGroup = function (this: C, n: NjNode, frame: unknown) {
    // `(a, b)` and `(a,)` are tuples in Jinja, not JavaScript's comma operator
    if (n.children.length === 1 && !n.tsdbtTuple) return group.call(this, n, frame);
    this._emit('runtime.tsdbtTuple(');
    this._compileAggregate(n, frame, '[', ']');
    this._emit(')');
  } as Fn;
  const call = (fn: string) =>
    function (this: C, n: NjNode, frame: unknown) {
      this._emit(`runtime.${fn}(`);
      this.compile(node(n, 'left'), frame);
      this._emit(', ');
      this.compile(node(n, 'right'), frame);
      this._emit(')');
    } as Fn;
  CompilerProto.compileAdd = call('tsdbtAdd');
  CompilerProto.compileSub = call('tsdbtSub');
  CompilerProto.compileMul = call('tsdbtMul');
  CompilerProto.compileMod = call('tsdbtMod');
  CompilerProto.compileDiv = call('tsdbtDiv');
  CompilerProto.compileFloorDiv = call('tsdbtFloorDiv');
  CompilerProto.compileConcat = call('tsdbtConcat');
  const lazy = (fn: string) =>
    function (this: C, n: NjNode, frame: unknown) {
      this._emit(`runtime.${fn}(`);
      this.compile(node(n, 'left'), frame);
      this._emit(', function () { return ');
      this.compile(node(n, 'right'), frame);
      this._emit('; })');
    } as Fn;
  CompilerProto.compileOr = lazy('tsdbtOr');
  CompilerProto.compileAnd = lazy('tsdbtAnd');
  CompilerProto.compileNot = function (this: C, n: NjNode, frame: unknown) {
    this._emit('!');
    emitBool(this, node(n, 'target'), frame);
  } as Fn;
  CompilerProto.compileTsdbtTruthy = function (this: C, n: NjNode, frame: unknown) {
    emitBool(this, node(n, 'target'), frame);
  } as Fn;
  CompilerProto.compileTsdbtRaw = function (this: C, n: NjNode) {
    this._emit(String(n.code));
  } as Fn;
  for (const name of ['compileIf', 'compileInlineIf']) {
    const base = orig<C>(CompilerProto, name);
    CompilerProto[name] = function (this: C, n: NjNode, ...rest: unknown[]) {
      const cond = node(n, 'cond');
      if (!isNode(cond, 'TsdbtTruthy')) n.cond = new Truthy(cond.lineno, cond.colno, cond);
      return base.call(this, n, ...rest);
    } as Fn;
  }
  const compare = orig<C>(CompilerProto, 'compileCompare');
  CompilerProto.compileCompare = function (this: C, n: NjNode, frame: unknown) {
    const ops = n.ops as NjNode[];
    if (ops.length !== 1 || (ops[0].type !== '==' && ops[0].type !== '!=')) return compare.call(this, n, frame);
    this._emit(ops[0].type === '!=' ? '!runtime.tsdbtEq(' : 'runtime.tsdbtEq(');
    this.compile(node(n, 'expr'), frame);
    this._emit(', ');
    this.compile(node(ops[0], 'expr'), frame);
    this._emit(')');
  } as Fn;
  // `a.b` / `a[b]`: Jinja2's Undefined raises when `a` is an undefined name or a missing attribute
  CompilerProto.compileLookupVal = function (this: C, n: NjNode, frame: { lookup(name: string): unknown }) {
    let target = node(n, 'target');
    while (isNode(target, 'Group') && target.children.length === 1 && !target.tsdbtTuple) target = target.children[0];
    // a name nunjucks compiles to a JS variable (loop variable, macro parameter) is always bound
    const kind = isNode(target, 'Symbol') && !frame.lookup(String(target.value)) ? JSON.stringify(String(target.value)) : isNode(target, 'LookupVal') ? '1' : '0';
    this._emit(`(lineno = ${n.lineno}, colno = ${n.colno}, runtime.tsdbtMember(context, frame, ${kind}, (`);
    this._compileExpression(node(n, 'target'), frame);
    this._emit(`), ${kind === '1' ? 'runtime.tsdbtTakeMiss()' : 'null'}, `);
    this._compileExpression(node(n, 'val'), frame);
    this._emit('))');
  } as Fn;
  const funCall = orig<C>(CompilerProto, 'compileFunCall');
  CompilerProto.compileFunCall = function (this: C, n: NjNode, frame: unknown) {
    if (!node(n, 'args').children.some((a) => isNode(a, 'TsdbtSpread'))) return funCall.call(this, n, frame);
    this._emit(`(lineno = ${n.lineno}, colno = ${n.colno}, runtime.tsdbtCallSpread(`);
    this._compileExpression(node(n, 'name'), frame);
    this._emit(', "' + this._getNodeName(node(n, 'name')).replace(/"/g, '\\"') + '", context, ');
    this._compileAggregate(node(n, 'args'), frame, '[', '])');
    this._emit(')');
  } as Fn;
  CompilerProto.compileTsdbtSpread = function (this: C, n: NjNode, frame: unknown) {
    this._emit(`runtime.tsdbtSpread(${n.kw ? 'true' : 'false'}, `);
    this.compile(node(n, 'target'), frame);
    this._emit(')');
  } as Fn;
}

function patchStatements(): void {
  const set = orig<C>(CompilerProto, 'compileSet');
  CompilerProto.compileSet = function (this: C, n: NjNode, frame: unknown) {
    const targets = n.targets as NjNode[];
    const value = n.value as NjNode | null;
    if (targets.length === 1 && isNode(targets[0], 'LookupVal') && value) {
      // `{% set ns.total = ns.total + 1 %}`
      this._emit('runtime.tsdbtSetAttr(');
      this._compileExpression(node(targets[0], 'target'), frame);
      this._emit(', ');
      this._compileExpression(node(targets[0], 'val'), frame);
      this._emit(', ');
      this._compileExpression(value, frame);
      this._emitLine(');');
      return;
    }
    if (targets.length < 2 || !value) return set.call(this, n, frame);
    const tmp = this._tmpid();
    this._emit(`var ${tmp} = runtime.tsdbtUnpack(`);
    this._compileExpression(value, frame);
    this._emitLine(`, ${targets.length});`);
    targets.forEach((t, i) => set.call(this, new nodes.Set(n.lineno, n.colno, [t], new Raw(n.lineno, n.colno, `${tmp}[${i}]`)), frame));
  } as Fn;
  CompilerProto.compileTsdbtLoopControl = function (this: C, n: NjNode) {
    if (!this.__tsdbtLoops) this.fail(`'{% ${String(n.kind)} %}' is only allowed inside a for loop`, n.lineno, n.colno);
    this._emitLine(`${String(n.kind)};`);
  } as Fn;
}

export function installSyntaxPatches(): void {
  patchParser();
  patchExpressions();
  patchStatements();
}

export { type MacroFrame, Spread };
