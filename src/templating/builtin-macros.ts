// Macros every project has without defining them (dbt's `dbt` namespace). Project macros of the same
// name override these. Grows with the compatibility work; kept as functions for speed.
import type { TemplateEngine } from './environment.js';

export function installBuiltinMacros(engine: TemplateEngine, _base: Record<string, unknown>): void {
  if (!engine.namespaces.has('dbt')) engine.namespaces.set('dbt', {});
}
