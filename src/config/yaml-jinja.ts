// Renders the Jinja written inside YAML string values (`{{ env_var('X') }}`, `{{ var('x') }}`,
// `{{ target.name }}`) with one shared nunjucks environment, mapping failures to file:line:col.
import nunjucks from 'nunjucks';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { TsdbtError } from '../errors/tsdbt-error.js';
import type { SourceLocation } from '../parser/types.js';
import { nodeLocation } from './yaml-file.js';
import type { YamlFile } from './yaml-file.js';

export interface YamlRenderContext {
  env: Record<string, string | undefined>;
  /** what `var()` sees */
  vars: Record<string, unknown>;
  /** what `target` is; absent while the profile is not chosen yet */
  target?: Record<string, unknown>;
}

const SECRET_PREFIXES = ['TSDBT_ENV_SECRET_', 'DBT_ENV_SECRET_'];
const secrets = new Set<string>();

/** Values read from `*_ENV_SECRET_*` variables, for the console to mask. */
export function secretValues(): ReadonlySet<string> {
  return secrets;
}

// One environment for the whole process: creating one per value is what made naive loaders slow.
const njEnv = new nunjucks.Environment(null, { autoescape: false });
njEnv.addFilter('as_text', (v: unknown) => String(v));
for (const f of ['as_number', 'as_bool', 'as_native']) njEnv.addFilter(f, (v: unknown) => v);
const templates = new Map<string, nunjucks.Template>();

// `{{ ... | as_number }}` and friends return a native value when they are the whole string (dbt).
const NATIVE = /^\s*\{\{[^]*\|\s*(as_number|as_bool|as_native)\s*\}\}\s*$/;

class RenderFailure extends Error {}

export function hasJinja(s: string): boolean {
  return s.includes('{{') || s.includes('{%');
}

/** Render one string; `loc` is where it was written, `file` the file named in messages. */
export function renderYamlString(src: string, ctx: YamlRenderContext, loc: SourceLocation): unknown {
  let tpl = templates.get(src);
  try {
    if (!tpl) {
      tpl = new nunjucks.Template(src, njEnv, undefined, true);
      templates.set(src, tpl);
    }
  } catch (cause) {
    throw new TsdbtError('C002', `invalid Jinja in ${loc.file}: ${firstLine(cause)}`, { location: loc, cause });
  }
  const context = {
    env_var(name: string, dflt?: unknown): unknown {
      const value = ctx.env[name];
      if (value !== undefined) {
        if (SECRET_PREFIXES.some((p) => name.startsWith(p)) && value !== '') secrets.add(value);
        return value;
      }
      if (dflt !== undefined) return dflt;
      throw new RenderFailure(`env var \`${name}\` is not set and has no default (used in ${loc.file})`);
    },
    var(name: string, dflt?: unknown): unknown {
      if (Object.prototype.hasOwnProperty.call(ctx.vars, name)) return renderedVar(name, ctx.vars[name], ctx, loc);
      if (dflt !== undefined) return dflt;
      throw new RenderFailure(`required var \`${name}\` is not defined (used in ${loc.file})`);
    },
    target: ctx.target,
  };
  let out: string;
  try {
    out = tpl.render(context);
  } catch (cause) {
    const inner = findFailure(cause);
    const hint = inner?.message.startsWith('env var')
      ? 'export the variable, or give a default: env_var(\'NAME\', \'default\')'
      : inner?.message.startsWith('var ')
        ? 'a var\'s value cannot read the var itself: give it a plain value, or read another var'
        : inner ? 'pass it with --vars \'{name: value}\' or give a default: var(\'name\', default)' : undefined;
    throw new TsdbtError('C002', inner ? inner.message : `cannot render Jinja in ${loc.file}: ${firstLine(cause)}`, { location: loc, hint, cause });
  }
  const native = NATIVE.exec(src);
  return native ? toNative(out, native[1]!) : out;
}

// var() values being rendered (a var whose Jinja reads itself would never end)
const renderingVars: string[] = [];

/**
 * A var's value as var() returns it in YAML: a string holding Jinja (`"{{ env_var('X', 'd') }}"` under
 * `vars:`) is rendered first, as dbt renders a var's value when it is used.
 */
function renderedVar(name: string, value: unknown, ctx: YamlRenderContext, loc: SourceLocation): unknown {
  if (typeof value !== 'string' || !hasJinja(value)) return value;
  if (renderingVars.includes(name)) {
    throw new RenderFailure(`var \`${name}\` refers to itself (${[...renderingVars, name].join(' -> ')}, used in ${loc.file})`);
  }
  renderingVars.push(name);
  try {
    return renderYamlString(value, ctx, loc);
  } finally {
    renderingVars.pop();
  }
}

function toNative(s: string, filter: string): unknown {
  const t = s.trim();
  if (filter === 'as_bool') return t === 'True' || t === 'true' ? true : t === 'False' || t === 'false' ? false : s;
  if (filter === 'as_number') return t !== '' && !Number.isNaN(Number(t)) ? Number(t) : s;
  try {
    return JSON.parse(t);
  } catch {
    return s;
  }
}

function findFailure(e: unknown): RenderFailure | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (cur instanceof RenderFailure) return cur;
    cur = (cur as { cause?: unknown }).cause;
  }
  // nunjucks rewraps errors and keeps only the message: recognise ours by its text
  const msg = e instanceof Error ? e.message : '';
  const m = /((?:env var|required var|var) `[^`]+` [^\n]*)/.exec(msg);
  return m ? new RenderFailure(m[1]) : undefined;
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n').map((l) => l.trim()).filter(Boolean).pop() ?? msg;
}

/**
 * Render every string value in the file in place, except under paths `skip` accepts (dbt leaves
 * hooks, descriptions and tests for later). Strings without `{{`/`{%` are never rendered.
 */
export function renderYamlTree(y: YamlFile, ctx: YamlRenderContext, skip: (path: readonly (string | number)[]) => boolean): void {
  const marks = jinjaOffsets(y.text);
  if (marks.length === 0) return;
  // only descend into nodes whose text holds a `{{` / `{%`: most of a large file is never visited
  const holdsJinja = (node: Node): boolean => {
    const r = node.range;
    if (!r) return true;
    let lo = 0;
    let hi = marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid]! < r[0]) lo = mid + 1;
      else hi = mid;
    }
    return lo < marks.length && marks[lo]! < r[2];
  };
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isScalar(node)) {
      if (typeof node.value === 'string' && hasJinja(node.value) && !skip(path)) {
        node.value = renderYamlString(node.value, ctx, nodeLocation(y, node));
      }
    } else if (isMap(node)) {
      if (!holdsJinja(node)) return;
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = isScalar(item.key) ? String(item.key.value) : '';
        path.push(key);
        if (!skip(path)) walk(item.value, path);
        path.pop();
      }
    } else if (isSeq(node)) {
      if (!holdsJinja(node)) return;
      node.items.forEach((item, i) => {
        path.push(i);
        walk(item, path);
        path.pop();
      });
    }
  };
  walk(y.doc.contents as Node | null, []);
}

function jinjaOffsets(text: string): number[] {
  const out: number[] = [];
  for (const open of ['{{', '{%']) {
    for (let i = text.indexOf(open); i !== -1; i = text.indexOf(open, i + 2)) out.push(i);
  }
  return out.sort((a, b) => a - b);
}
