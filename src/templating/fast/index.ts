// Fast path for rendering dbt-style Jinja: compiles the common subset (text, comments, {{ }}, set, if,
// for, filters and tests) into a tree walked at render time, and returns null for anything else so the
// caller falls back to nunjucks. Output equals tsdbt's patched nunjucks (Python semantics, see evaluate.ts).
import type nunjucks from 'nunjucks';
import { type Program, UNSUPPORTED } from './ast.js';
import { defaultEnv, type FilterEnv } from './builtins.js';
import { renderError } from './errors.js';
import { installNunjucksPatches } from './nunjucks-patches.js';
import { exec } from './render.js';
import { RenderState } from './state.js';
import { TemplateParser } from './template-parser.js';

export type { FilterEnv };

export interface FastTemplate {
  /**
   * `lookup(name)` gives a global/context value (undefined when unknown). Functions, filters and tests
   * are called with `this` bound to a stand-in for nunjucks' Context that has `env` and `lookup(name)`.
   * Errors are thrown as nunjucks TemplateErrors with 1-based `lineno`/`colno` and the original error
   * as `cause`.
   */
  render(lookup: (name: string) => unknown): string;
}

class Compiled implements FastTemplate {
  constructor(
    private readonly program: Program,
    private readonly source: string,
    private readonly name: string,
    private readonly env: FilterEnv,
  ) {}

  render(lookup: (name: string) => unknown): string {
    const st = new RenderState(lookup, this.program.nSlots, this.env);
    try {
      exec(this.program.body, st);
    } catch (e) {
      throw renderError(e, this.source, st.pos, this.name);
    }
    return st.out;
  }
}

class Constant implements FastTemplate {
  constructor(private readonly text: string) {}
  render(): string {
    return this.text;
  }
}

/**
 * null when the template uses anything outside the supported subset (the caller then uses nunjucks).
 * `env` is the nunjucks Environment whose filters and tests the template uses (tsdbt's engine passes
 * its own); without one, nunjucks' built-ins plus tsdbt's Jinja filters. Attribute access and loop
 * extras are the patched nunjucks runtime's (installed here if no TemplateEngine did it yet).
 */
export function compileFast(source: string, name: string, env?: nunjucks.Environment): FastTemplate | null {
  installNunjucksPatches();
  if (source.indexOf('{') === -1 && source.indexOf('#}') === -1) return new Constant(source);
  const fenv = (env as unknown as FilterEnv | undefined) ?? defaultEnv();
  let program: Program;
  try {
    program = new TemplateParser(source, fenv).parse();
  } catch (e) {
    // UNSUPPORTED, or input malformed in a way the parser did not anticipate: nunjucks reports it properly
    if (e !== UNSUPPORTED && process.env.TSDBT_FAST_JINJA_DEBUG) console.error(`fast jinja: ${name}:`, e);
    return null;
  }
  return new Compiled(program, source, name, fenv);
}
