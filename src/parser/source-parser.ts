// Sources declared in property files -> SourceDefinitions, including dbt-duckdb's external locations
// (a CSV/Parquet path or glob that DuckDB reads directly).
import { isAbsolute, resolve } from 'node:path';
import type { SourceEntry } from '../config/types.js';
import type { ColumnInfo, SourceDefinition } from './types.js';
import { Relation } from '../templating/relation.js';

function columns(list: SourceEntry['tables'][number]['columns']): Record<string, ColumnInfo> {
  const out: Record<string, ColumnInfo> = {};
  for (const c of list) out[c.name] = { name: c.name, description: c.description ?? '', data_type: c.data_type ?? null, meta: c.meta ?? {}, tags: c.tags ?? [] };
  return out;
}

/** `data/{name}.csv` -> `'/abs/data/orders.csv'`; an expression with `(` such as `read_csv(...)` is kept. */
export function externalRelation(location: string, name: string, identifier: string, root: string): string {
  const loc = location.replace(/\{name\}/g, name).replace(/\{identifier\}/g, identifier);
  if (loc.includes('(')) return loc;
  const path = loc.includes('://') || isAbsolute(loc) ? loc : resolve(root, loc);
  return `'${path.replace(/'/g, "''")}'`;
}

export function parseSources(entries: SourceEntry[], packageName: string, database: string, root: string): SourceDefinition[] {
  const out: SourceDefinition[] = [];
  for (const s of entries) {
    for (const t of s.tables) {
      const identifier = t.identifier ?? t.name;
      const schema = s.schema ?? s.name;
      const db = s.database ?? database;
      const location = t.external_location ?? s.external_location ?? null;
      out.push({
        unique_id: `source.${packageName}.${s.name}.${t.name}`,
        resource_type: 'source',
        package_name: packageName,
        source_name: s.name,
        name: t.name,
        identifier,
        schema,
        database: db,
        path: t.location.file,
        original_file_path: t.location.file,
        fqn: [packageName, s.name, t.name],
        description: t.description ?? '',
        source_description: s.description ?? '',
        loader: s.loader ?? '',
        columns: columns(t.columns),
        meta: { ...(s.meta ?? {}), ...(t.meta ?? {}) },
        source_meta: s.meta ?? {},
        tags: [...new Set([...(s.tags ?? []), ...(t.tags ?? [])])],
        config: { enabled: true, ...s.config, ...t.config },
        loaded_at_field: t.loaded_at_field ?? s.loaded_at_field ?? null,
        freshness: t.freshness === undefined ? s.freshness ?? null : t.freshness,
        external_location: location,
        relation_name: location ? externalRelation(location, t.name, identifier, root) : new Relation(db, schema, identifier).render(),
      });
    }
  }
  return out;
}
