// The skeleton of a node read from a file: ids, paths, fqn, default placement and documentation from
// its property-file entry. Each parser fills in config, dependencies and naming afterwards.
import type { PropertyEntry } from '../config/types.js';
import type { TargetConfig } from '../config/types.js';
import type { FoundFile } from './discover.js';
import type { ColumnInfo, ManifestNode, ResourceType } from './types.js';

export function columnsFrom(entry: PropertyEntry | undefined): Record<string, ColumnInfo> {
  const cols: Record<string, ColumnInfo> = {};
  for (const c of entry?.columns ?? []) {
    cols[c.name] = { name: c.name, description: c.description ?? '', data_type: c.data_type ?? null, meta: c.meta ?? {}, tags: c.tags ?? [], quote: c.quote ?? null };
  }
  return cols;
}

export interface NodeSkeleton {
  resourceType: ResourceType;
  packageName: string;
  name: string;
  fqn: string[];
  file: FoundFile;
  raw: string;
  checksum: string;
  materialized: string;
  prop: PropertyEntry | undefined;
  target: TargetConfig;
}

export function newNode(s: NodeSkeleton): ManifestNode {
  return {
    unique_id: `${s.resourceType}.${s.packageName}.${s.name}`,
    resource_type: s.resourceType,
    package_name: s.packageName,
    name: s.name,
    path: s.file.resourcePath,
    original_file_path: s.file.projectPath,
    fqn: s.fqn,
    alias: s.name,
    schema: s.target.schema,
    database: s.target.database,
    raw_code: s.raw,
    language: 'sql',
    checksum: { name: 'sha256', checksum: s.checksum },
    config: { enabled: true, materialized: s.materialized, tags: [], meta: {}, pre_hook: [], post_hook: [] },
    tags: [],
    description: s.prop?.description ?? '',
    columns: columnsFrom(s.prop),
    meta: {},
    refs: [],
    sources: [],
    depends_on: { nodes: [], macros: [] },
    relation_name: null,
    patch_path: s.prop ? s.prop.location.file : null,
    abs_path: s.file.abs,
  };
}
