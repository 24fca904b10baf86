// on-run-start / on-run-end from project.yml: rendered with the project context (and `results` at the
// end), executed in order on one connection.
import type { ParsedProject } from '../parser/project-parser.js';
import type { Adapter } from '../adapters/adapter.js';
import type { NodeResult } from '../runner/types.js';
import { templateError } from '../templating/template-errors.js';

export async function runProjectHooks(project: ParsedProject, adapter: Adapter, which: 'on-run-start' | 'on-run-end', results: NodeResult[]): Promise<void> {
  const list = which === 'on-run-start' ? project.config.project.onRunStart : project.config.project.onRunEnd;
  if (!list.length) return;
  const file = project.config.project.file.slice(project.config.project.root.length + 1);
  const conn = await adapter.connect();
  try {
    for (const hook of list) {
      let sql: string;
      try {
        const t = project.engine.compile(hook, file);
        const statusOf = (r: NodeResult) => ({ ...r, node: project.manifest.nodes[r.unique_id], status: r.status });
        sql = t.render({ ...project.base, results: results.map(statusOf), schemas: [...new Set(Object.values(project.manifest.nodes).map((n) => n.schema))], execute: true });
      } catch (e) {
        throw templateError(e, file);
      }
      if (sql.trim()) await conn.run(sql);
    }
  } finally {
    conn.close();
  }
}
