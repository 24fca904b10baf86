// Row-count history for `row_count_anomaly`: one row per tested model and run in tsdbt's own table
// `tsdbt_meta.row_count_history`, written before the test compares the current count with the past.
import type { AdapterConnection } from '../adapters/adapter.js';
import type { ManifestNode } from '../parser/types.js';
import type { ParsedProject } from '../parser/project-parser.js';
import type { GenericTestSpec } from './test-spec.js';

export const META_SCHEMA = 'tsdbt_meta';

export function historyRelation(database: string): string {
  return `"${database.replace(/"/g, '""')}"."${META_SCHEMA}"."row_count_history"`;
}

/** What the `row_count_anomaly` macro reads from its scope. */
export function anomalyScope(node: ManifestNode, spec: GenericTestSpec, invocationId: unknown): Record<string, string> {
  return { history: historyRelation(node.database), model_id: spec.target.id, invocation_id: String(invocationId ?? '') };
}

function tested(project: ParsedProject, spec: GenericTestSpec): string | null {
  if (spec.target.kind === 'source') return project.manifest.sources[spec.target.id]?.relation_name ?? null;
  return project.manifest.nodes[spec.target.id]?.relation_name ?? null;
}

export async function recordRowCount(project: ParsedProject, conn: AdapterConnection, node: ManifestNode, spec: GenericTestSpec): Promise<string[]> {
  const rel = tested(project, spec);
  if (!rel) return [];
  const hist = historyRelation(node.database);
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const sql = [
    `create schema if not exists "${node.database.replace(/"/g, '""')}"."${META_SCHEMA}"`,
    `create table if not exists ${hist} (model_id varchar, invocation_id varchar, run_started_at timestamp, row_count bigint)`,
    `delete from ${hist} where model_id = ${lit(spec.target.id)} and invocation_id = ${lit(project.invocationId)}`,
    `insert into ${hist} select ${lit(spec.target.id)}, ${lit(project.invocationId)}, ${lit(project.runStartedAt.toISOString().replace('T', ' ').replace('Z', ''))}::timestamp, count(*) from ${rel}`,
  ];
  for (const s of sql) {
    try {
      await conn.run(s);
    } catch (e) {
      // two threads creating the schema or table at once: the loser retries once
      if (!/conflict/i.test((e as Error).message)) throw e;
      await conn.run(s);
    }
  }
  return sql;
}
