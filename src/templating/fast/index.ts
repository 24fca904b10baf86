// Fast path for rendering dbt-style Jinja: compiles the common subset (text, comments, {{ }}, set, if,
// for, a few filters) into a tree walked at render time, and returns null for anything else so the
// caller falls back to nunjucks. Output is identical to nunjucks with installJinjaCompat().
import { type Program, UNSUPPORTED } from './ast.js';
import { renderError } from './errors.js';
import { exec } from './render.js';
import { RenderState } from './state.js';
import { TemplateParser } from './template-parser.js';

export interface FastTemplate {
  /**
   * `lookup(name)` gives a global/context value (undefined when unknown). Functions are called with
   * `this` bound to a stand-in for nunjucks' Context that only has `lookup(name)`. Errors are thrown as
   * nunjucks TemplateErrors with 1-based `lineno`/`colno` and the original error as `cause`.
   */
  render(lookup: (name: string) => unknown): string;
}

class Compiled implements FastTemplate {
  constructor(
    private readonly program: Program,
    private readonly source: string,
    private readonly name: string,
  ) {}

  render(lookup: (name: string) => unknown): string {
    const st = new RenderState(lookup, this.program.nSlots);
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

/** null when the template uses anything outside the supported subset (the caller then uses nunjucks) */
export function compileFast(source: string, name: string): FastTemplate | null {
  if (source.indexOf('{') === -1 && source.indexOf('#}') === -1) return new Constant(source);
  let program: Program;
  try {
    program = new TemplateParser(source).parse();
  } catch (e) {
    // UNSUPPORTED, or input malformed in a way the parser did not anticipate: nunjucks reports it properly
    if (e !== UNSUPPORTED && process.env.TSDBT_FAST_JINJA_DEBUG) console.error(`fast jinja: ${name}:`, e);
    return null;
  }
  return new Compiled(program, source, name);
}
