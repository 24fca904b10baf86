// Column-level lineage entry point: parse compiled SQL with DuckDB's own parser and trace every output
// column to upstream `relation.column`s, or say why it cannot be traced.
import type { DuckDBConnection } from '@duckdb/node-api';
import { indexUpstream, type Ctx, type UpstreamIndex } from './context.js';
import { parseSelect, selectShell } from './parse-sql.js';
import { resolveQuery } from './query.js';
import { LineageError, type Col, type ColumnLineageEntry, type ModelColumnLineage, type UpstreamRelation } from './types.js';

export type { ColumnLineageEntry, LineageKind, ModelColumnLineage, UpstreamColumn, UpstreamRelation } from './types.js';
export { indexUpstream, type UpstreamIndex } from './context.js';

function toEntry(c: Col): ColumnLineageEntry {
  const upstream = [...c.deps.values()].sort((a, b) => (a.relation + a.column).localeCompare(b.relation + b.column));
  if (c.reasons.length > 0) return { name: c.name, kind: 'unresolved', upstream, reason: c.reasons.join('; ') };
  const kind = upstream.length === 0 ? 'constant' : c.direct && upstream.length === 1 ? 'direct' : 'derived';
  return { name: c.name, kind, upstream };
}

export interface LineageOptions {
  /** the model's real column names in order (from the catalog); used when the count matches */
  outputNames?: string[];
}

/**
 * Traces each output column of a compiled SELECT to the upstream columns it derives from.
 * Relations in the SQL (`"db"."schema"."name"`, CTEs, subqueries) are matched to `upstreamSchemas`.
 */
export async function columnLineage(
  compiledSql: string,
  upstreamSchemas: UpstreamRelation[] | UpstreamIndex,
  conn: DuckDBConnection,
  opts: LineageOptions = {},
): Promise<ModelColumnLineage> {
  const upstream = Array.isArray(upstreamSchemas) ? indexUpstream(upstreamSchemas) : upstreamSchemas;
  try {
    const root = await parseSelect(conn, compiledSql);
    const ctx: Ctx = { upstream, conn, shell: await selectShell(conn), resolve: resolveQuery };
    const cols = await resolveQuery(root, ctx);
    const names = opts.outputNames;
    const entries = cols.map(toEntry);
    if (names && names.length === entries.length) entries.forEach((e, i) => (e.name = names[i]));
    return { columns: entries };
  } catch (err) {
    if (err instanceof LineageError) return { columns: [], error: err.message };
    // One odd AST shape must not abort docs generation for the whole project; show it on that model instead.
    return { columns: [], error: `lineage could not walk this SQL: ${err instanceof Error ? err.message : String(err)}` };
  }
}
