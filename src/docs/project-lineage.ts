// Project-wide column lineage: every model's compiled SQL traced against the columns the catalog (or, for
// relations not built yet, the YAML) gives each upstream relation. Sources read in place from files
// (dbt-duckdb's external_location) are matched by file path, with the columns DuckDB reads from the file.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Manifest } from '../parser/types.js';
import type { CatalogArtifact } from './catalog-types.js';
import { columnLineage, indexUpstream, type ModelColumnLineage, type UpstreamRelation } from './lineage/index.js';

/** Splits `"db"."schema"."name"` (or unquoted / partially quoted) into its parts. */
export function parseRelationName(relation: string): string[] {
  const parts: string[] = [];
  const re = /"((?:[^"]|"")*)"|([^."]+)/g;
  for (const m of relation.matchAll(re)) parts.push(m[1] !== undefined ? m[1].replaceAll('""', '"') : m[2].trim());
  return parts;
}

/**
 * The file an external source reads: relation_name is a quoted path (`'data/orders.csv'`) or a reader call
 * (`read_csv('data/orders.csv', ...)`); undefined for ordinary relations.
 */
export function externalPath(relation: string): string | undefined {
  const m = /^\s*'((?:[^']|'')*)'\s*$/.exec(relation) ?? /^\s*(?:read_\w+|\w+_scan)\(\s*'((?:[^']|'')*)'/i.exec(relation);
  return m ? m[1].replaceAll("''", "'") : undefined;
}

/** Column names DuckDB reads from each external source's file(s); a file it cannot read is left out. */
export async function describeExternal(conn: DuckDBConnection, manifest: Manifest, catalog: CatalogArtifact): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const s of Object.values(manifest.sources)) {
    if (!s.relation_name || catalog.sources[s.unique_id] || externalPath(s.relation_name) === undefined) continue;
    try {
      const r = await conn.runAndReadAll(`describe select * from ${s.relation_name}`);
      out.set(s.unique_id, (r.getRowObjectsJson() as { column_name: string }[]).map((c) => c.column_name));
    } catch {
      // missing or unreadable file: its YAML columns are used instead
    }
  }
  return out;
}

/** Columns of a relation in order: the catalog's when built, else the YAML's, else unknown. */
export function knownColumns(id: string, manifest: Manifest, catalog: CatalogArtifact): string[] | null {
  const t = catalog.nodes[id] ?? catalog.sources[id];
  if (t) return Object.values(t.columns).sort((a, b) => a.index - b.index).map((c) => c.name);
  const yaml = Object.values((manifest.nodes[id] ?? manifest.sources[id])?.columns ?? {}).map((c) => c.name);
  return yaml.length > 0 ? yaml : null;
}

export function upstreamRelations(manifest: Manifest, catalog: CatalogArtifact, described = new Map<string, string[]>()): UpstreamRelation[] {
  const out: UpstreamRelation[] = [];
  const members = [...Object.values(manifest.nodes), ...Object.values(manifest.sources)];
  for (const m of members) {
    if (!m.relation_name || m.resource_type === 'test') continue;
    const file = m.resource_type === 'source' ? externalPath(m.relation_name) : undefined;
    if (file !== undefined) {
      out.push({ uniqueId: m.unique_id, database: '', schema: '', name: file, columns: described.get(m.unique_id) ?? knownColumns(m.unique_id, manifest, catalog) });
      continue;
    }
    const [database, schema, name] = parseRelationName(m.relation_name).slice(-3);
    if (!name) continue;
    out.push({ uniqueId: m.unique_id, database, schema, name, columns: knownColumns(m.unique_id, manifest, catalog) });
  }
  return out;
}

/** Lineage for every model and snapshot that has compiled SQL; others are left out. */
export async function projectLineage(conn: DuckDBConnection, manifest: Manifest, catalog: CatalogArtifact): Promise<Record<string, ModelColumnLineage>> {
  const index = indexUpstream(upstreamRelations(manifest, catalog, await describeExternal(conn, manifest, catalog)));
  const out: Record<string, ModelColumnLineage> = {};
  for (const n of Object.values(manifest.nodes)) {
    if (n.resource_type !== 'model' && n.resource_type !== 'snapshot') continue;
    if (!n.compiled_code) {
      out[n.unique_id] = { columns: [], error: 'the model has not been compiled yet (run `tsdbt compile`)' };
      continue;
    }
    const built = catalog.nodes[n.unique_id];
    const outputNames = built ? Object.values(built.columns).sort((a, b) => a.index - b.index).map((c) => c.name) : undefined;
    out[n.unique_id] = await columnLineage(n.compiled_code, index, conn, { outputNames });
  }
  return out;
}
