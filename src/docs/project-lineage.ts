// Project-wide column lineage: every model's compiled SQL traced against the columns the catalog (or, for
// relations not built yet, the YAML) gives each upstream relation.
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

/** Columns of a relation in order: the catalog's when built, else the YAML's, else unknown. */
export function knownColumns(id: string, manifest: Manifest, catalog: CatalogArtifact): string[] | null {
  const t = catalog.nodes[id] ?? catalog.sources[id];
  if (t) return Object.values(t.columns).sort((a, b) => a.index - b.index).map((c) => c.name);
  const yaml = Object.values((manifest.nodes[id] ?? manifest.sources[id])?.columns ?? {}).map((c) => c.name);
  return yaml.length > 0 ? yaml : null;
}

export function upstreamRelations(manifest: Manifest, catalog: CatalogArtifact): UpstreamRelation[] {
  const out: UpstreamRelation[] = [];
  const members = [...Object.values(manifest.nodes), ...Object.values(manifest.sources)];
  for (const m of members) {
    if (!m.relation_name || m.resource_type === 'test') continue;
    const [database, schema, name] = parseRelationName(m.relation_name).slice(-3);
    if (!name) continue;
    out.push({ uniqueId: m.unique_id, database, schema, name, columns: knownColumns(m.unique_id, manifest, catalog) });
  }
  return out;
}

/** Lineage for every model and snapshot that has compiled SQL; others are left out. */
export async function projectLineage(conn: DuckDBConnection, manifest: Manifest, catalog: CatalogArtifact): Promise<Record<string, ModelColumnLineage>> {
  const index = indexUpstream(upstreamRelations(manifest, catalog));
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
