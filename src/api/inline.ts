// Inline SQL (`compile --inline`, `show --inline`): a throw-away operation node whose Jinja is rendered
// with the run-time scope, so ref(), source(), macros and run_query() work as in a model.
import { renderAtRunTime, type CompileOptions } from '../compiler/compile-node.js';
import type { ParsedProject } from '../parser/project-parser.js';
import type { ManifestNode } from '../parser/types.js';
import { templateError } from '../templating/template-errors.js';

export const INLINE_FILE = '<inline>';

/** The node inline SQL renders as (dbt's `sql_operation.inline_query`). */
export function inlineNode(project: ParsedProject, sql: string): ManifestNode {
  const base = Object.values(project.manifest.nodes)[0];
  return {
    ...base, unique_id: 'sql_operation.inline', name: 'inline_query', resource_type: 'operation', original_file_path: INLINE_FILE, raw_code: sql,
    config: { enabled: true, materialized: 'view', tags: [], meta: {}, pre_hook: [], post_hook: [] },
  } as ManifestNode;
}

/** Render inline SQL to the SQL it stands for. */
export async function renderInline(node: ManifestNode, ctx: CompileOptions): Promise<string> {
  let t;
  try {
    t = ctx.project.engine.compile(node.raw_code, INLINE_FILE);
  } catch (e) {
    throw templateError(e, INLINE_FILE);
  }
  const tmpl = t;
  return (await renderAtRunTime(node, ctx, (scope) => tmpl.render(scope))).sql;
}
