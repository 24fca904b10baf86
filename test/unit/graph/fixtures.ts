// Builds ManifestNode / SourceDefinition objects and manifests in code for the graph tests.
import type { Manifest, ManifestNode, NodeConfig, ResourceType, SourceDefinition } from '../../../src/parser/types.js';

export const PROJECT = 'p';

export interface NodeSpec {
  /** path under the resource folder, e.g. `staging/stg_orders.sql` (default `<name>.sql`) */
  path?: string;
  deps?: string[];
  tags?: string[];
  config?: Partial<NodeConfig>;
  checksum?: string;
  package?: string;
  testMetadata?: string;
  macros?: string[];
  patchPath?: string;
}

const FOLDER: Record<string, string> = {
  model: 'models', seed: 'seeds', snapshot: 'snapshots', test: 'tests', analysis: 'analyses', unit_test: 'models', operation: 'macros',
};

export function node(type: ResourceType, name: string, spec: NodeSpec = {}): ManifestNode {
  const pkg = spec.package ?? PROJECT;
  const ext = type === 'seed' ? 'csv' : type === 'unit_test' ? 'yml' : 'sql';
  const path = spec.path ?? `${name}.${ext}`;
  const folders = path.split('/').slice(0, -1);
  const tags = spec.tags ?? [];
  const materialized = type === 'model' ? 'view' : type === 'test' ? 'test' : type;
  return {
    unique_id: `${type}.${pkg}.${name}`,
    resource_type: type,
    package_name: pkg,
    name,
    path,
    original_file_path: `${FOLDER[type]}/${path}`,
    fqn: [pkg, ...folders, name],
    alias: name,
    schema: 'main',
    database: 'db',
    raw_code: `select 1 -- ${name}`,
    language: 'sql',
    checksum: { name: 'sha256', checksum: spec.checksum ?? `sum-${name}` },
    config: { enabled: true, materialized, tags, meta: {}, pre_hook: [], post_hook: [], ...spec.config },
    tags,
    description: '',
    columns: {},
    meta: {},
    refs: [],
    sources: [],
    depends_on: { nodes: spec.deps ?? [], macros: spec.macros ?? [] },
    relation_name: `"db"."main"."${name}"`,
    patch_path: spec.patchPath ?? null,
    test_metadata: spec.testMetadata ? { name: spec.testMetadata, kwargs: {}, namespace: null } : null,
  };
}

export const model = (name: string, spec: NodeSpec = {}): ManifestNode => node('model', name, spec);
export const seed = (name: string, spec: NodeSpec = {}): ManifestNode => node('seed', name, spec);

/** A generic test (`unique`, `not_null`, ...) on the given nodes. */
export function genericTest(testName: string, on: string[], name = `${testName}_${on.map((id) => id.split('.').pop()).join('_')}`): ManifestNode {
  return node('test', name, { deps: on, testMetadata: testName, path: `schema.yml` });
}

export function source(sourceName: string, table: string, spec: { tags?: string[]; path?: string } = {}): SourceDefinition {
  return {
    unique_id: `source.${PROJECT}.${sourceName}.${table}`,
    resource_type: 'source',
    package_name: PROJECT,
    source_name: sourceName,
    name: table,
    identifier: table,
    schema: sourceName,
    database: 'db',
    path: spec.path ?? 'models/sources.yml',
    original_file_path: spec.path ?? 'models/sources.yml',
    fqn: [PROJECT, sourceName, table],
    description: '',
    source_description: '',
    loader: '',
    columns: {},
    meta: {},
    source_meta: {},
    tags: spec.tags ?? [],
    config: { enabled: true },
    loaded_at_field: null,
    freshness: null,
    relation_name: `"db"."${sourceName}"."${table}"`,
  };
}

export function manifest(members: (ManifestNode | SourceDefinition)[]): Manifest {
  const m: Manifest = { project_name: PROJECT, nodes: {}, sources: {}, macros: {}, docs: {}, parent_map: {}, child_map: {}, disabled: {} };
  for (const x of members) {
    if (x.resource_type === 'source') m.sources[x.unique_id] = x;
    else m.nodes[x.unique_id] = x;
  }
  return m;
}

/** `model.p.a` for short names. */
export const id = (name: string, type = 'model'): string => `${type}.${PROJECT}.${name}`;
