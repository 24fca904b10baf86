// Per-render state: nunjucks' runtime Frame chain (scoping of `set` and loop variables), the context
// variables top-level `set`s write, the hoisted loop slots, and the position used for error reports.
import type { Fn } from './ast.js';
import type { FilterEnv } from './builtins.js';

export class Frame {
  readonly variables: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  constructor(
    readonly parent: Frame | null,
    readonly topLevel: boolean,
  ) {}

  // `variables`, as in nunjucks' Frame: the patched runtime's loop extras write `variables.loop`
  /** Frame.lookup: a variable holding undefined counts as unset */
  lookup(name: string): unknown {
    for (let f: Frame | null = this; f !== null; f = f.parent) {
      const v = f.variables[name];
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** Frame.set(name, val, resolveUp=true): overwrite the nearest frame already holding it, else here */
  assign(name: string, val: unknown): void {
    let f: Frame | null = this;
    while (f !== null && f.variables[name] === undefined) f = f.parent;
    (f ?? this).variables[name] = val;
  }
}

export class RenderState {
  out = '';
  frame: Frame = new Frame(null, true);
  /** nunjucks' hoisted JS variables for loop variables and loop lengths */
  readonly slots: unknown[];
  /** context.setVariable() done by top-level sets: shadows the caller's lookup */
  ctxVars: Record<string, unknown> | null = null;
  /** source offset of the expression being evaluated, for error positions */
  pos = 0;
  /** `this` for called functions, filters and tests, standing in for nunjucks' Context */
  readonly context: { env: FilterEnv; lookup(name: string): unknown };

  constructor(
    readonly lookupFn: (name: string) => unknown,
    nSlots: number,
    readonly env: FilterEnv,
  ) {
    this.slots = nSlots === 0 ? [] : new Array<unknown>(nSlots);
    this.context = { env, lookup: (name: string) => this.contextLookup(name) };
  }

  contextLookup(name: string): unknown {
    const cv = this.ctxVars;
    if (cv !== null && name in cv) return cv[name];
    return this.lookupFn(name);
  }

  /** runtime.contextOrFrameLookup with jinja-compat's True/False/None fallback */
  resolve(name: string): unknown {
    let v = this.frame.lookup(name);
    if (v !== undefined) return v;
    v = this.contextLookup(name);
    if (v !== undefined) return v;
    return name === 'True' ? true : name === 'False' ? false : name === 'None' ? null : undefined;
  }

  /** `name` is bound nowhere (no frame, top-level set or context has it), as Jinja2's undefined names */
  isUnbound(name: string): boolean {
    for (let f: Frame | null = this.frame; f !== null; f = f.parent) if (name in f.variables) return false;
    if (this.ctxVars !== null && name in this.ctxVars) return false;
    return this.lookupFn(name) === undefined;
  }

  /** undefined values raise on attribute access when dbt runs (`execute`), not while it parses */
  strict(): boolean {
    return this.contextLookup('execute') === true;
  }

  /** compileSet's runtime half */
  setVar(name: string, val: unknown): void {
    this.frame.assign(name, val);
    if (this.frame.topLevel) (this.ctxVars ??= Object.create(null) as Record<string, unknown>)[name] = val;
  }

  call(fn: Fn, args: unknown[]): unknown {
    return fn.apply(this.context, args);
  }
}
