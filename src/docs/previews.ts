// Captures the first rows of each built model, seed and snapshot at generate time, so the site can show
// data without ever opening the database.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Manifest } from '../parser/types.js';
import type { CatalogArtifact } from './catalog-types.js';

export interface Preview {
  columns: string[];
  rows: unknown[][];
  error?: string;
}

export async function capturePreviews(conn: DuckDBConnection, manifest: Manifest, catalog: CatalogArtifact, limit: number): Promise<Record<string, Preview>> {
  const out: Record<string, Preview> = {};
  if (limit <= 0) return out;
  for (const id of Object.keys(catalog.nodes)) {
    const node = manifest.nodes[id];
    if (!node?.relation_name) continue;
    try {
      const reader = await conn.runAndReadAll(`select * from ${node.relation_name} limit ${Math.floor(limit)}`);
      // JSON-safe values (BIGINT -> string, dates -> ISO text), as the site embeds them.
      out[id] = { columns: reader.columnNames(), rows: reader.getRowsJson() as unknown[][] };
    } catch (err) {
      out[id] = { columns: [], rows: [], error: err instanceof Error ? err.message : String(err) };
    }
  }
  return out;
}
