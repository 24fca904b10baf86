// on-run-start / on-run-end from project.yml: rendered with the project context (and `results` at the
// end), executed in order on one connection.
import type { ParsedProject } from '../parser/project-parser.js';
import type { Adapter } from '../adapters/adapter.js';
import type { NodeResult } from '../runner/types.js';
import { templateError } from '../templating/template-errors.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { renderAtRunTime } from '../compiler/compile-node.js';
import { RelationCache } from '../compiler/relation-cache.js';
import { operationNode } from '../operations/operation-node.js';

export async function runProjectHooks(project: ParsedProject, adapter: Adapter, which: 'on-run-start' | 'on-run-end', results: NodeResult[]): Promise<void> {
  const list = which === 'on-run-start' ? project.config.project.onRunStart : project.config.project.onRunEnd;
  if (!list.length) return;
  const file = project.config.project.file.slice(project.config.project.root.length + 1);
  const conn = await adapter.connect();
  try {
    // hooks get a run-time scope (run_query, adapter, ref) like dbt's, plus results/schemas
    const relations = await RelationCache.load(adapter, conn);
    const statusOf = (r: NodeResult) => ({ ...r, node: project.manifest.nodes[r.unique_id], status: r.status });
    const nodes = Object.values(project.manifest.nodes);
    const extra = {
      results: results.map(statusOf),
      schemas: [...new Set(nodes.map((n) => n.schema))],
      database_schemas: [...new Map(nodes.map((n) => [`${n.database}.${n.schema}`, [n.database, n.schema]])).values()],
    };
    for (const [i, hook] of list.entries()) {
      let sql: string;
      try {
        const t = project.engine.compile(hook, file);
        sql = (await renderAtRunTime(operationNode(project, `${which}-${i}`), { project, relations, conn }, (scope) => t.render(Object.assign(scope, extra)))).sql;
      } catch (e) {
        throw e instanceof TsdbtError ? e : templateError(e, file);
      }
      if (!sql.trim()) continue;
      try {
        await conn.run(sql);
      } catch (e) {
        throw new TsdbtError('R001', `${which} hook ${i + 1} failed: ${(e as Error).message}`, { location: { file }, hint: `fix the SQL of the ${which} hook in ${file}` });
      }
    }
  } finally {
    conn.close();
  }
}
