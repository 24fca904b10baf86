// The template of a generic test node: at render time it evaluates the arguments with the run-time
// ref()/source(), builds dbt's `model` argument (the relation, or a `where` subquery) and calls the macro.
import type { CompiledTemplate, TemplateEngine } from '../templating/environment.js';
import type { ManifestNode } from '../parser/types.js';
import type { TestMacro } from './test-macros.js';
import { evaluateArgs } from './test-args.js';
import { specOf } from './test-spec.js';
import { anomalyScope } from './anomaly-history.js';

type Fn = (...a: unknown[]) => unknown;

export function testTemplate(engine: TemplateEngine, node: ManifestNode, macro: TestMacro): CompiledTemplate {
  const path = node.original_file_path;
  return {
    path,
    render(scope) {
      const spec = specOf(node);
      if (!spec) throw new Error(`test ${node.name} has no definition`);
      scope.tsdbt_anomaly = anomalyScope(node, spec, scope.invocation_id);
      return engine.renderWith(scope, () => {
        const args = evaluateArgs(engine, scope, spec.args, path);
        const rel = spec.target.kind === 'node' ? (scope.ref as Fn)(spec.target.name) : (scope.source as Fn)(spec.target.source, spec.target.table);
        const where = node.config.where;
        const model = where ? `(select * from ${String(rel)} where ${String(where)}) dbt_subquery` : rel;
        return String(macro.fn({ ...args, model, __keywords: true }) ?? '');
      });
    },
  };
}
