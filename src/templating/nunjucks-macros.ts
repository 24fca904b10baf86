// Macro compilation on top of nunjucks: `*args`/`**kwargs` in signatures (and Jinja's implicit
// `varargs`/`kwargs` when the body uses them), an error for an argument given twice, and a try/catch
// around every macro body so `return()` returns from the macro and errors raised inside remember the
// macro's own file, line and column.
import { nodes, CompilerProto, isNode, type NjNode, type NjCompiler } from './nunjucks-internals.js';
import type { MacroFrame } from './nunjucks-syntax.js';

type C = NjCompiler & { __tsdbtMacros?: MacroFrame[]; __tsdbtLoops?: number; __tsdbtLoopNodes?: NjNode[] };
type Fn = (this: never, ...a: never[]) => unknown;
const orig = (name: string) => CompilerProto[name] as unknown as (this: C, ...a: unknown[]) => unknown;

/** Remove `*name` / `**name` from a macro signature; returns the names used. */
function takeSpreadParams(c: C, n: NjNode): { varargs?: string; kwargs?: string } {
  const args = n.args as NjNode;
  const out: { varargs?: string; kwargs?: string } = {};
  args.children = args.children.filter((a) => {
    if (!isNode(a, 'TsdbtSpread')) return true;
    const target = a.target as NjNode;
    if (!isNode(target, 'Symbol')) c.fail('`*`/`**` in a macro signature must be followed by a name', a.lineno, a.colno);
    if (a.kw) out.kwargs = String(target.value);
    else out.varargs = String(target.value);
    return false;
  });
  return out;
}

function declaredNames(n: NjNode): Set<string> {
  const names = new Set<string>();
  for (const a of (n.args as NjNode).children) {
    if (isNode(a, 'Symbol')) names.add(String(a.value));
    else if (isNode(a, 'KeywordArgs') || isNode(a, 'Dict')) for (const p of a.children) names.add(String((p.key as NjNode).value));
  }
  return names;
}

/** Jinja gives a macro `varargs` / `kwargs` when its body refers to them. */
function implicitSpreads(n: NjNode, found: { varargs?: string; kwargs?: string }): void {
  const declared = declaredNames(n);
  for (const sym of (n.body as NjNode).findAll(nodes.Symbol)) {
    const v = String(sym.value);
    if (v === 'varargs' && !found.varargs && !declared.has(v)) found.varargs = v;
    if (v === 'kwargs' && !found.kwargs && !declared.has(v)) found.kwargs = v;
  }
}

export function installMacroPatches(): void {
  const compileMacro = orig('_compileMacro');
  CompilerProto._compileMacro = function (this: C, n: NjNode, frame: unknown) {
    const isCaller = n.typename === 'Caller';
    const spreads = takeSpreadParams(this, n);
    const explicitKwargs = spreads.kwargs !== undefined;
    if (!isCaller) implicitSpreads(n, spreads);
    const implicitKwargs = !explicitKwargs && spreads.kwargs !== undefined;
    const name = isCaller ? 'caller' : String((n.name as NjNode).value);
    const stack = (this.__tsdbtMacros ??= []);
    const loops = this.__tsdbtLoops;
    const loopNodes = this.__tsdbtLoopNodes;
    this.__tsdbtLoops = 0;
    this.__tsdbtLoopNodes = [];
    stack.push({ name, isCaller, ...spreads, implicitKwargs, headerDone: false });
    try {
      return compileMacro.call(this, n, frame);
    } finally {
      stack.pop();
      this.__tsdbtLoops = loops;
      this.__tsdbtLoopNodes = loopNodes;
    }
  } as Fn;

  // dbt exports every macro, `_private` ones too (dbt_utils._is_relation is called across packages)
  CompilerProto.compileMacro = function (this: C, n: NjNode, frame: { set(k: string, v: string): void; parent: unknown }) {
    const funcId = compileMacroFn(this, n);
    const name = String((n.name as NjNode).value);
    frame.set(name, funcId);
    if (frame.parent) {
      this._emitLine(`frame.set("${name}", ${funcId});`);
    } else {
      this._emitLine(`context.addExport("${name}");`);
      this._emitLine(`context.setVariable("${name}", ${funcId});`);
    }
  } as Fn;
  const compileMacroFn = (c: C, n: NjNode) => (CompilerProto._compileMacro as (this: C, n: NjNode) => string).call(c, n);

  const emitLines = orig('_emitLines');
  CompilerProto._emitLines = function (this: C, ...lines: string[]) {
    const top = this.__tsdbtMacros?.[this.__tsdbtMacros.length - 1];
    if (!top || top.headerDone || !lines[0]?.startsWith('var macro_')) return emitLines.apply(this, lines);
    top.headerDone = true;
    const out = [...lines];
    const mode = top.implicitKwargs ? 2 : top.varargs || top.kwargs ? 1 : 0;
    out[0] = out[0].replace('runtime.makeMacro(', `runtime.tsdbtMakeMacro(${JSON.stringify(top.name)}, ${mode}, `);
    out.splice(out.indexOf('var callerFrame = frame;') + 1, 0, 'try {');
    if (top.varargs) out.push(`frame.set(${JSON.stringify(top.varargs)}, kwargs.__tsdbt_varargs || runtime.tsdbtTuple([]));`);
    if (top.kwargs) out.push(`frame.set(${JSON.stringify(top.kwargs)}, kwargs.__tsdbt_kwargs || {});`);
    return emitLines.apply(this, out);
  } as Fn;

  const emitLine = orig('_emitLine');
  CompilerProto._emitLine = function (this: C, code: string) {
    const stack = this.__tsdbtMacros;
    emitLine.call(this, code);
    if (stack?.length && code.startsWith('return new runtime.SafeString(')) {
      const top = stack[stack.length - 1];
      const where = `${JSON.stringify(this.templateName ?? '')}, ${JSON.stringify(top.name)}, ${top.isCaller}`;
      emitLine.call(this, `} catch (e) { frame = callerFrame; return runtime.tsdbtMacroCatch(e, lineno, colno, ${where}); }`);
    }
  } as Fn;
}
