// Builds dbt's catalog artifact from DuckDB's own catalog (duckdb_columns / duckdb_tables / duckdb_views):
// columns with types, row counts and approximate sizes for every relation the manifest knows.
import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Manifest } from '../parser/types.js';
import type { CatalogArtifact, CatalogStat, CatalogTable } from './catalog-types.js';

const key = (db: string, schema: string, name: string) => `${db}\u0000${schema}\u0000${name}`.toLowerCase();
const RELATION_TYPES = new Set(['model', 'seed', 'snapshot']);

function stat(id: string, label: string, value: CatalogStat['value'], description: string, include = true): CatalogStat {
  return { id, label, value, include, description };
}

/** unique_id by physical relation, for every built-able node and source in the manifest. */
function relationsOf(manifest: Manifest): Map<string, { id: string; isSource: boolean }> {
  const out = new Map<string, { id: string; isSource: boolean }>();
  for (const n of Object.values(manifest.nodes)) {
    if (!RELATION_TYPES.has(n.resource_type) || n.config.materialized === 'ephemeral') continue;
    out.set(key(n.database, n.schema, n.alias || n.name), { id: n.unique_id, isSource: false });
  }
  for (const s of Object.values(manifest.sources)) {
    out.set(key(s.database, s.schema, s.identifier || s.name), { id: s.unique_id, isSource: true });
  }
  return out;
}

async function rows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

async function approxBytes(conn: DuckDBConnection, db: string, schema: string, name: string, blockSize: number): Promise<number | null> {
  const ident = [db, schema, name].map((p) => `"${p.replaceAll('"', '""')}"`).join('.');
  const r = await conn.runAndReadAll(`select count(distinct block_id) as n from pragma_storage_info('${ident.replaceAll("'", "''")}') where block_id >= 0`);
  const n = Number(r.getRowObjectsJson()[0]?.n ?? 0);
  return n > 0 ? n * blockSize : null;
}

/** Reads only catalog metadata: no model is queried, so this is cheap even for large projects. */
export async function buildCatalog(conn: DuckDBConnection, manifest: Manifest): Promise<CatalogArtifact> {
  const wanted = relationsOf(manifest);
  const catalog: CatalogArtifact = {
    metadata: {
      dbt_schema_version: 'https://schemas.getdbt.com/dbt/catalog/v1.json',
      dbt_version: '1.9.0',
      generated_at: new Date().toISOString(),
      invocation_id: randomUUID(),
      env: {},
    },
    nodes: {},
    sources: {},
    errors: null,
  };
  const tables = new Map<string, CatalogTable>();
  const cols = await rows(conn, `select database_name, schema_name, table_name, column_name, column_index, data_type, comment
    from duckdb_columns() where not internal order by database_name, schema_name, table_name, column_index`);
  for (const c of cols) {
    const [db, schema, name] = [String(c.database_name), String(c.schema_name), String(c.table_name)];
    const hit = wanted.get(key(db, schema, name));
    if (!hit) continue;
    let t = tables.get(hit.id);
    if (!t) {
      t = { metadata: { type: 'VIEW', schema, name, database: db, comment: null, owner: null }, columns: {}, stats: {}, unique_id: hit.id };
      tables.set(hit.id, t);
      (hit.isSource ? catalog.sources : catalog.nodes)[hit.id] = t;
    }
    const colName = String(c.column_name);
    t.columns[colName] = { type: String(c.data_type), index: Number(c.column_index), name: colName, comment: (c.comment as string | null) ?? null };
  }
  const sizeRow = (await rows(conn, 'select block_size from pragma_database_size() where database_name = current_database()'))[0];
  const blockSize = Number(sizeRow?.block_size ?? 262144);
  const tableRows = await rows(conn, 'select database_name, schema_name, table_name, estimated_size, comment from duckdb_tables() where not internal');
  for (const r of tableRows) {
    const hit = wanted.get(key(String(r.database_name), String(r.schema_name), String(r.table_name)));
    const t = hit && tables.get(hit.id);
    if (!t) continue;
    t.metadata.type = 'BASE TABLE';
    t.metadata.comment = (r.comment as string | null) ?? null;
    const bytes = await approxBytes(conn, t.metadata.database, t.metadata.schema, t.metadata.name, blockSize).catch(() => null);
    t.stats = {
      has_stats: stat('has_stats', 'Has Stats?', true, 'Indicates whether there are statistics for this table', false),
      row_count: stat('row_count', 'Row Count', Number(r.estimated_size), "Rows in the table, from DuckDB's catalog (estimated_size)"),
      ...(bytes === null ? {} : { bytes: stat('bytes', 'Approximate Size', bytes, 'Storage blocks the table occupies times the block size') }),
    };
  }
  for (const t of tables.values()) {
    if (!t.stats.has_stats) t.stats = { has_stats: stat('has_stats', 'Has Stats?', false, 'Indicates whether there are statistics for this table', false) };
  }
  return catalog;
}
