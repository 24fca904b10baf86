// Evaluates a generic test's YAML arguments as dbt does: a string that is a call (`ref('customers')`,
// `source('raw', 'orders')`, `var('x')`) becomes its value, a string with `{{ }}` is rendered; the rest
// is passed as written. The same code runs at parse time (recording refs) and at run time.
import type { CompiledTemplate, TemplateEngine } from '../templating/environment.js';

const CALL = /^\s*(ref|source|var|env_var)\s*\(.*\)\s*$/s;
const compiled = new WeakMap<TemplateEngine, Map<string, CompiledTemplate>>();

function templateFor(engine: TemplateEngine, text: string, path: string): CompiledTemplate {
  let m = compiled.get(engine);
  if (!m) compiled.set(engine, (m = new Map()));
  let t = m.get(text);
  if (!t) m.set(text, (t = engine.compile(text, path)));
  return t;
}

/** Whether `v` needs evaluating (it names a relation or holds Jinja). */
export function isDynamic(v: unknown): v is string {
  return typeof v === 'string' && (CALL.test(v) || v.includes('{{') || v.includes('{%'));
}

export function evaluateArg(engine: TemplateEngine, scope: Record<string, unknown>, value: unknown, path: string): unknown {
  if (!isDynamic(value)) return value;
  if (CALL.test(value)) {
    let captured: unknown;
    const t = templateFor(engine, `{{ __tsdbt_capture(${value}) }}`, path);
    t.render({ ...scope, __tsdbt_capture: (v: unknown) => ((captured = v), '') });
    return captured;
  }
  return templateFor(engine, value, path).render(scope);
}

export function evaluateArgs(engine: TemplateEngine, scope: Record<string, unknown>, args: Record<string, unknown>, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) out[k] = evaluateArg(engine, scope, v, path);
  return out;
}
