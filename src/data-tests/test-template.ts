// The template of a generic test node: at render time it evaluates the arguments with the run-time
// ref()/source(), builds dbt's `model` argument (the relation, or a `where` subquery) and calls the macro.
import type { CompiledTemplate, TemplateEngine } from '../templating/environment.js';
import type { ManifestNode } from '../parser/types.js';
import type { TestMacro } from './test-macros.js';
import { evaluateArgs } from './test-args.js';
import { specOf } from './test-spec.js';
import { anomalyScope } from './anomaly-history.js';
import { splitArgs } from '../templating/jinja-args.js';

type Fn = (...a: unknown[]) => unknown;

export function testTemplate(engine: TemplateEngine, node: ManifestNode, macro: TestMacro): CompiledTemplate {
  const path = node.original_file_path;
  return {
    path,
    render(scope) {
      const spec = specOf(node);
      if (!spec) throw new Error(`test ${node.name} has no definition`);
      scope.tsdbt_anomaly = anomalyScope(node, spec, scope.invocation_id);
      // dbt's should_store_failures(): the test's store_failures, or --store-failures (resolved at parse time)
      scope.should_store_failures = () => node.config.store_failures === true;
      scope.config = macroConfig(scope.config as Fn & Record<string, unknown>, node, spec.ownConfig ?? []);
      return engine.renderWith(scope, () => {
        const args = evaluateArgs(engine, scope, spec.args, path);
        const rel = spec.target.kind === 'node' ? (scope.ref as Fn)(spec.target.name) : (scope.source as Fn)(spec.target.source, spec.target.table);
        const model = whereSubquery(engine, rel, node.config.where);
        return String(macro.fn({ ...args, model, __keywords: true }) ?? '');
      });
    },
  };
}

/**
 * dbt's get_where_subquery(relation): the relation a test reads, filtered by its `where` config. A
 * project (or package) defining `get_where_subquery` (or its `duckdb__`/`default__` form) replaces it,
 * as in dbt: the documented way to make `where` depend on the run (placeholders, vars, flags).
 */
function whereSubquery(engine: TemplateEngine, rel: unknown, where: unknown): unknown {
  const custom = (engine.macros.get('get_where_subquery') ?? engine.macros.get('duckdb__get_where_subquery') ?? engine.macros.get('default__get_where_subquery')) as Fn | undefined;
  if (custom) return custom(rel);
  return where ? `(select * from ${String(rel)} where ${String(where)}) dbt_subquery` : rel;
}

// what a test macro's `{{ config(...) }}` may set on its node when it runs: how failures are counted
// and judged (dbt_utils.equal_rowcount sets fail_calc this way)
const MACRO_CONFIG_KEYS = new Set(['fail_calc', 'warn_if', 'error_if', 'severity', 'limit']);

/**
 * `config()` for a test macro: dbt applies the generic test definition's config() below the test's
 * own YAML config and above dbt_project.yml, so a key the YAML entry sets is kept.
 */
function macroConfig(base: Fn & Record<string, unknown>, node: ManifestNode, own: readonly string[]): Fn {
  const call = (...args: unknown[]) => {
    const { positional, kwargs } = splitArgs(args);
    const first = positional[0] && typeof positional[0] === 'object' ? (positional[0] as Record<string, unknown>) : {};
    for (const [k, v] of Object.entries({ ...first, ...kwargs })) {
      if (MACRO_CONFIG_KEYS.has(k) && !own.includes(k)) node.config[k] = v;
    }
    return base(...args);
  };
  return Object.assign(call, { get: base.get, require: base.require });
}
