// The nunjucks environment tsdbt renders every model, macro and test with. Names are resolved through
// one dynamic globals object, so a macro defined in one file sees the context of the model that calls
// it (as in dbt), and each template is compiled once and rendered many times.
import nunjucks from 'nunjucks';
import { installJinjaFilters } from './jinja-filters.js';
import { preprocessBlocks } from './block-preprocessor.js';
import { loopControlsExtension } from './nunjucks-syntax.js';
import { installNunjucksPatches } from './fast/nunjucks-patches.js';
import { ReturnSignal } from './signals.js';
import { PACKAGE_LOOKUP } from './nunjucks-runtime.js';

export { ReturnSignal };
import { compileFast, type FastTemplate } from './fast/index.js';

export type Scope = Record<string, unknown>;

export interface CompiledTemplate {
  readonly path: string;
  render(scope: Scope): string;
}

export class TemplateEngine {
  readonly env: nunjucks.Environment;
  /** root-namespace macros: project macros override package macros, which override built-ins */
  readonly macros = new Map<string, unknown>();
  /** macros by namespace (project name, package names, `dbt`) for `package.macro()` calls */
  readonly namespaces = new Map<string, Record<string, unknown>>();
  private readonly stack: Scope[] = [];
  private readonly base: Record<string, unknown>;

  constructor() {
    installNunjucksPatches();
    this.env = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false, dev: true } as nunjucks.ConfigureOptions);
    installJinjaFilters(this.env);
    this.env.addExtension('tsdbtLoopControls', loopControlsExtension);
    this.base = (this.env as unknown as { globals: Record<string, unknown> }).globals;
    const self = this;
    (this.env as unknown as { globals: unknown }).globals = new Proxy(this.base, {
      has(target, key) {
        if (typeof key !== 'string') return false;
        const top = self.stack[self.stack.length - 1];
        return (top !== undefined && key in top) || self.macros.has(key) || self.namespaces.has(key) || key in target;
      },
      get(target, key) {
        if (typeof key !== 'string') return undefined;
        const top = self.stack[self.stack.length - 1];
        if (top !== undefined && key in top) return top[key];
        if (self.macros.has(key)) return self.macros.get(key);
        if (self.namespaces.has(key)) return self.namespaces.get(key);
        return target[key];
      },
    });
  }

  /** The scope of the render in progress (what `this`, `ref`, `config` mean right now). */
  get current(): Scope | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** How a name resolves while rendering: the current scope, then macros, namespaces, nunjucks globals. */
  readonly lookup = (name: string): unknown => {
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined && name in top) return top[name];
    if (this.macros.has(name)) return this.macros.get(name);
    if (this.namespaces.has(name)) return this.namespaces.get(name);
    return this.base[name];
  };

  /**
   * Compile once. Templates within the common Jinja subset use the fast interpreter (no JS code
   * generation, ~10x cheaper to prepare); the rest go to nunjucks, whose syntax errors (with
   * lineno/colno) the caller maps to the user's file.
   */
  compile(source: string, path: string): CompiledTemplate {
    const text = preprocessBlocks(source);
    // same semantics, filters and tests as this.env's nunjucks path (test/unit/templating-fast)
    const fast = compileFast(text, path, this.env);
    if (fast) return { path, render: (scope) => this.renderWith(scope, () => renderFast(fast, this.lookup)) };
    const tmpl = new nunjucks.Template(text, this.env, path, true);
    return { path, render: (scope) => this.renderWith(scope, () => tmpl.render({})) };
  }

  /** Run `fn` with `scope` as the current render scope (nested renders push and pop). */
  renderWith<T>(scope: Scope, fn: () => T): T {
    this.stack.push(scope);
    try {
      return fn();
    } catch (e) {
      // for "did you mean" on an unknown macro: every name the template could have meant (error path only)
      if (e && typeof e === 'object' && !('tsdbtNames' in e)) (e as { tsdbtNames?: () => string[] }).tsdbtNames = () => this.knownNames(scope);
      throw e;
    } finally {
      this.stack.pop();
    }
  }

  /** Macro and function names visible to a render: macros, `package.macro`, the scope's names. */
  knownNames(scope: Scope = {}): string[] {
    const names = new Set<string>([...this.macros.keys(), ...Object.keys(scope)]);
    for (const [ns, macros] of this.namespaces) for (const m of Object.keys(macros)) names.add(`${ns}.${m}`);
    return [...names];
  }

  /**
   * Evaluate a macro file and return the macros it defines, wrapped so `return()` works. With `pkg`
   * (a package's macro file), a bare name the macros call is looked up in that package's namespace
   * after the render scope and before the root macros, as dbt resolves a package's own macros.
   */
  loadMacroFile(source: string, path: string, pkg?: string): Record<string, (...args: unknown[]) => unknown> {
    return this.exportedMacros(new nunjucks.Template(preprocessBlocks(source), this.env, path, true), pkg);
  }

  /** A package's own macro named `name`, unless the render scope defines the name. */
  private packageLookup(pkg: string): (name: string) => unknown {
    return (name) => {
      const top = this.stack[this.stack.length - 1];
      if (top !== undefined && name in top) return undefined;
      return this.namespaces.get(pkg)?.[name];
    };
  }

  /** Like loadMacroFile, from nunjucks code compiled earlier (built-in macros compile once per process). */
  loadCompiledMacros(props: Record<string, unknown>, path: string): Record<string, (...args: unknown[]) => unknown> {
    const src = { type: 'code', obj: props } as unknown as string;
    return this.exportedMacros(new nunjucks.Template(src, this.env, path, true));
  }

  private exportedMacros(tmpl: nunjucks.Template, pkg?: string): Record<string, (...args: unknown[]) => unknown> {
    let exported: Record<string, unknown> = {};
    this.renderWith({}, () =>
      (tmpl as unknown as { getExported(ctx: object, cb: (e: Error | null, r: Record<string, unknown>) => void): void }).getExported(
        pkg === undefined ? {} : { [PACKAGE_LOOKUP]: this.packageLookup(pkg) },
        (err, res) => {
          if (err) throw err;
          exported = res;
        },
      ),
    );
    const out: Record<string, (...args: unknown[]) => unknown> = {};
    for (const [name, fn] of Object.entries(exported)) {
      if (typeof fn === 'function') out[name] = wrapMacro(fn as (...a: unknown[]) => unknown);
    }
    return out;
  }
}

function renderFast(t: FastTemplate, lookup: (name: string) => unknown): string {
  try {
    return t.render(lookup);
  } catch (e) {
    // the fast path's line numbers are 1-based, unlike nunjucks' runtime errors
    if (e && typeof e === 'object') (e as { oneBasedLine?: boolean }).oneBasedLine = true;
    throw e;
  }
}

/** A macro that honours `{{ return(x) }}`: the value is returned instead of the rendered text. */
export function wrapMacro(fn: (...a: unknown[]) => unknown): (...a: unknown[]) => unknown {
  return function (this: unknown, ...args: unknown[]) {
    try {
      return fn.apply(this, args);
    } catch (e) {
      const sig = findReturn(e);
      if (sig) return sig.value;
      throw e;
    }
  };
}

function findReturn(e: unknown): ReturnSignal | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur; i++) {
    if (cur instanceof ReturnSignal) return cur;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}
