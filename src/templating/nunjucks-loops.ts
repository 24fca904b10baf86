// Jinja2's for loops on nunjucks: `{% for x in xs if cond %}` filters per item (before loop.index and
// loop.length are counted), one name over a dict iterates its keys, `{% set %}` in a loop body stays
// local to that iteration (dbt code uses namespace() to carry values out), loop.cycle / changed /
// previtem / nextitem / depth, and `{% for x in tree recursive %}` whose body renders the next level
// with `loop(children)`. The fast interpreter calls the same runtime helpers (and leaves `recursive`
// and `loop(...)` to nunjucks).
import { nodes, runtime, ParserProto, CompilerProto, isNode, type NjNode, type NjParser, type NjCompiler } from './nunjucks-internals.js';
import { Raw, emitBool } from './nunjucks-syntax.js';
import { isPlainObject, pyEq, tuple } from './python-values.js';
import { splitArgs } from './jinja-args.js';

/** a recursive loop compiled as a function of its items and depth */
interface Recursion {
  fn: string;
  depth: string;
}
type C = NjCompiler & { __tsdbtLoops?: number; __tsdbtSetLocal?: boolean; __tsdbtLoopNodes?: NjNode[]; buffer: string };
type P = NjParser & { parseOr(): NjNode };
type Fn = (this: never, ...a: never[]) => unknown;
type Frame = { variables: Record<string, unknown> };
const orig = (name: string) => CompilerProto[name] as unknown as (this: C, ...a: unknown[]) => unknown;
const fromIterator = runtime.fromIterator as (v: unknown) => unknown;

/** The sequence a loop with `nNames` targets walks: dict keys for one name, items passing `keep`. */
export function loopItems(value: unknown, nNames: number, keep: ((item: unknown) => boolean) | null): unknown {
  let v = value;
  if (nNames === 1) {
    // a dict (not an iterable object such as an agate table)
    if (isPlainObject(v) && !(Symbol.iterator in v)) v = Object.keys(v).filter((k) => k !== '__keywords');
    else if (v instanceof Map) v = [...v.keys()];
  }
  v = fromIterator(v);
  if (keep === null || !v || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.filter(keep);
  return Object.entries(v as Record<string, unknown>).map((e) => tuple(e)).filter(keep);
}

/** loop.cycle / changed / depth / previtem / nextitem, after each iteration's bindings. */
export function loopExtras(frame: Frame, arr: unknown, i: number): void {
  const loop = frame.variables.loop as Record<string, unknown> | undefined;
  if (!loop) return;
  if (loop.changed === undefined) {
    let last: unknown[] | undefined;
    loop.changed = (...v: unknown[]) => {
      const changed = last === undefined || !pyEq(v, last);
      last = v;
      return changed;
    };
    loop.cycle = (...xs: unknown[]) => xs[(loop.index0 as number) % xs.length];
    loop.depth = 1;
    loop.depth0 = 0;
  }
  if (Array.isArray(arr)) {
    loop.previtem = i > 0 ? arr[i - 1] : undefined;
    loop.nextitem = arr[i + 1];
  }
}

/** Names a loop body assigns with `{% set %}` (not the loop's own targets): cleared each iteration. */
function bodySets(n: NjNode): string[] {
  const cached = n.__tsdbtSets as string[] | undefined;
  if (cached) return cached;
  const targets = new Set((isNode(n.name, 'Array') ? (n.name as NjNode).children : [n.name as NjNode]).map((t) => String(t.value)));
  const names = new Set<string>();
  for (const s of (n.body as NjNode).findAll(nodes.Set)) for (const t of s.targets as NjNode[]) if (isNode(t, 'Symbol') && !targets.has(String(t.value))) names.add(String(t.value));
  n.__tsdbtSets = [...names];
  return n.__tsdbtSets as string[];
}

function patchParser(): void {
  const parseFor = ParserProto.parseFor as (this: P) => NjNode;
  ParserProto.parseFor = function (this: P) {
    // Jinja2 parses the iterable without `x if y else z`, so a trailing `if` is the loop's filter
    const parseExpression = this.parseExpression;
    let test: NjNode | null = null;
    let recursive = false;
    this.parseExpression = function (this: P) {
      this.parseExpression = parseExpression;
      const arr = this.parseOr();
      if (this.skipSymbol('if')) test = this.parseExpression();
      recursive = this.skipSymbol('recursive');
      return arr;
    } as P['parseExpression'];
    try {
      const node = parseFor.call(this);
      node.tsdbtTest = test;
      node.tsdbtRecursive = recursive;
      return node;
    } finally {
      this.parseExpression = parseExpression;
    }
  } as Fn;
}

function compileFiltered(c: C, n: NjNode, frame: { push(): { set(k: string, v: string): void } }): void {
  const names = isNode(n.name, 'Array') ? (n.name as NjNode).children.map((t) => String(t.value)) : [String((n.name as NjNode).value)];
  const arr = c._tmpid();
  const item = c._tmpid();
  c._emit(`var ${arr} = runtime.tsdbtLoopItems(`);
  c._compileExpression(n.arr as NjNode, frame);
  c._emit(`, ${names.length}, `);
  const test = n.tsdbtTest as NjNode | null;
  if (test) {
    const inner = frame.push();
    c._emitLine(`function (${item}) { frame = frame.push(); try {`);
    names.forEach((name, u) => {
      const id = c._tmpid();
      c._emitLine(`var ${id} = ${names.length > 1 ? `${item}[${u}]` : item}; frame.set(${JSON.stringify(name)}, ${id});`);
      inner.set(name, id);
    });
    c._emit('return ');
    emitBool(c, test, inner);
    c._emitLine('; } finally { frame = frame.pop(); } });');
  } else c._emitLine('null);');
  n.arr = new Raw(n.lineno, n.colno, arr);
}

type CFrame = { push(): { set(k: string, v: string): void } };

/**
 * `{% for x in items recursive %}`: the loop becomes a function of (items, depth) writing to its own
 * buffer; it runs once on the items, and `loop(children)` in its body calls it one level deeper.
 */
function compileRecursive(c: C, n: NjNode, frame: CFrame, compileFor: (this: C, n: NjNode, frame: CFrame) => unknown): void {
  const rec: Recursion = { fn: c._tmpid(), depth: c._tmpid() };
  const items = c._tmpid();
  const buf = c._tmpid();
  c._emitLine(`var ${rec.fn} = function (${items}, ${rec.depth}) { var ${buf} = "";`);
  const arr = n.arr;
  const buffer = c.buffer;
  n.arr = new Raw(n.lineno, n.colno, items);
  n.tsdbtRecursion = rec;
  c.buffer = buf;
  try {
    compileFor.call(c, n, frame);
  } finally {
    n.arr = arr;
    n.tsdbtRecursion = undefined;
    c.buffer = buffer;
  }
  c._emitLine(`return ${buf}; };`);
  c._emit(`${c.buffer} += ${rec.fn}(`);
  c._compileExpression(arr as NjNode, frame);
  c._emitLine(', 1);');
}

/** `loop(items)` in a recursive loop's body: the next level, rendered */
function loopCall(fn: ((items: unknown, depth: number) => string) | null, depth: number, args: unknown[]): string {
  if (fn === null) throw new TypeError("The loop must have the 'recursive' marker to be called recursively.");
  return fn(splitArgs(args).positional[0], depth + 1);
}

function patchCompiler(): void {
  const base = orig('compileFor');
  const compileFor = function (this: C, n: NjNode, frame: CFrame) {
    this.__tsdbtLoops = (this.__tsdbtLoops ?? 0) + 1;
    (this.__tsdbtLoopNodes ??= []).push(n);
    // nunjucks compiles a loop body twice (list and dict branches), so the node is restored after each compile
    const arr = n.arr;
    try {
      compileFiltered(this, n, frame);
      return base.call(this, n, frame);
    } finally {
      n.arr = arr;
      this.__tsdbtLoops--;
      this.__tsdbtLoopNodes.pop();
    }
  };
  CompilerProto.compileFor = function (this: C, n: NjNode, frame: CFrame) {
    if (n.tsdbtRecursive && !n.tsdbtRecursion) return compileRecursive(this, n, frame, compileFor);
    return compileFor.call(this, n, frame);
  } as Fn;
  const emitLoop = orig('_emitLoopBindings');
  CompilerProto._emitLoopBindings = function (this: C, n: NjNode, arr: string, i: string, len: string) {
    for (const name of bodySets(n)) this._emitLine(`frame.variables[${JSON.stringify(name)}] = undefined;`);
    emitLoop.call(this, n, arr, i, len);
    this._emitLine(`runtime.tsdbtLoop(frame, ${arr}, ${i});`);
    const rec = n.tsdbtRecursion as Recursion | undefined;
    if (rec) this._emitLine(`frame.variables.loop.depth = ${rec.depth}; frame.variables.loop.depth0 = ${rec.depth} - 1;`);
  } as Fn;
  // `loop(...)` inside a for body: the enclosing recursive loop's next level, or Jinja2's error
  const funCall = orig('compileFunCall');
  CompilerProto.compileFunCall = function (this: C, n: NjNode, frame: unknown) {
    const callee = n.name as NjNode;
    const loops = this.__tsdbtLoopNodes;
    if (!isNode(callee, 'Symbol') || callee.value !== 'loop' || !loops?.length) return funCall.call(this, n, frame);
    const rec = loops[loops.length - 1].tsdbtRecursion as Recursion | undefined;
    this._emit(`(lineno = ${n.lineno}, colno = ${n.colno}, runtime.tsdbtLoopCall(${rec ? `${rec.fn}, ${rec.depth}` : 'null, 0'}, `);
    this._compileAggregate(n.args as NjNode, frame, '[', ']');
    this._emit('))');
  } as Fn;
  // inside a loop, `{% set %}` binds in the loop's frame instead of overwriting an outer variable
  const compileSet = orig('compileSet');
  const emitLine = orig('_emitLine');
  CompilerProto.compileSet = function (this: C, ...a: unknown[]) {
    const before = this.__tsdbtSetLocal;
    this.__tsdbtSetLocal = (this.__tsdbtLoops ?? 0) > 0;
    try {
      return compileSet.apply(this, a);
    } finally {
      this.__tsdbtSetLocal = before;
    }
  } as Fn;
  CompilerProto._emitLine = function (this: C, code: string) {
    if (this.__tsdbtSetLocal && code.startsWith('frame.set(') && code.endsWith(', true);')) code = code.slice(0, -', true);'.length) + ');';
    return emitLine.call(this, code);
  } as Fn;
}

export function installLoopPatches(): void {
  patchParser();
  patchCompiler();
  Object.assign(runtime, { tsdbtLoop: loopExtras, tsdbtLoopItems: loopItems, tsdbtLoopCall: loopCall });
}
