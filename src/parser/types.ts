// The plain data every stage passes on: parsed nodes, sources, macros and the manifest that holds them.
// Shapes follow dbt's manifest (v12) so the artifact written from them is readable by dbt tools.

export type ResourceType =
  | 'model'
  | 'seed'
  | 'test'
  | 'snapshot'
  | 'analysis'
  | 'operation'
  | 'unit_test';

export type Materialization =
  | 'view'
  | 'table'
  | 'incremental'
  | 'ephemeral'
  | 'seed'
  | 'snapshot'
  | 'test'
  | 'external'
  | 'unit';

export interface Hook {
  sql: string;
  transaction: boolean;
  index?: number;
}

/** Node config after folder-level (`+key`), property-file and in-model `config()` layers are merged. */
export interface NodeConfig {
  enabled: boolean;
  materialized: string;
  schema?: string | null;
  database?: string | null;
  alias?: string | null;
  tags: string[];
  meta: Record<string, unknown>;
  pre_hook: Hook[];
  post_hook: Hook[];
  full_refresh?: boolean | null;
  unique_key?: string | string[] | null;
  incremental_strategy?: string | null;
  on_schema_change?: string | null;
  column_types?: Record<string, string>;
  quote_columns?: boolean | null;
  delimiter?: string | null;
  docs?: { show: boolean; node_color?: string | null };
  [key: string]: unknown;
}

export interface ColumnInfo {
  name: string;
  description: string;
  data_type?: string | null;
  meta: Record<string, unknown>;
  tags: string[];
  quote?: boolean | null;
}

export interface RefCall {
  name: string;
  package: string | null;
  version: string | number | null;
}

/** Where in a user's file something happened; line and column are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export interface ManifestNode {
  unique_id: string;
  resource_type: ResourceType;
  package_name: string;
  name: string;
  /** path relative to the resource folder (e.g. `staging/stg_orders.sql`) */
  path: string;
  /** path relative to the project root (e.g. `models/staging/stg_orders.sql`) */
  original_file_path: string;
  fqn: string[];
  alias: string;
  schema: string;
  database: string;
  raw_code: string;
  language: 'sql';
  checksum: { name: 'sha256'; checksum: string };
  config: NodeConfig;
  tags: string[];
  description: string;
  columns: Record<string, ColumnInfo>;
  meta: Record<string, unknown>;
  refs: RefCall[];
  sources: [string, string][];
  depends_on: { nodes: string[]; macros: string[] };
  /** quoted relation name, e.g. `"db"."main"."orders"`; null for ephemeral models */
  relation_name: string | null;
  patch_path: string | null;
  compiled_code?: string;
  /** manifest.json's flag: has compiled_code (set when the manifest is written) */
  compiled?: boolean;
  compiled_path?: string | null;
  /** for tests: the node the test is attached to and the generic test's metadata */
  attached_node?: string | null;
  column_name?: string | null;
  test_metadata?: { name: string; kwargs: Record<string, unknown>; namespace: string | null } | null;
  /** absolute path of the file the node came from (not written to the manifest) */
  abs_path?: string;
  [key: string]: unknown;
}

export interface SourceDefinition {
  unique_id: string;
  resource_type: 'source';
  package_name: string;
  source_name: string;
  name: string;
  identifier: string;
  schema: string;
  database: string;
  path: string;
  original_file_path: string;
  fqn: string[];
  description: string;
  source_description: string;
  loader: string;
  columns: Record<string, ColumnInfo>;
  meta: Record<string, unknown>;
  source_meta: Record<string, unknown>;
  tags: string[];
  config: { enabled: boolean; [key: string]: unknown };
  loaded_at_field: string | null;
  freshness: Record<string, unknown> | null;
  /** dbt-duckdb's `external_location`: a CSV/Parquet path or glob read with DuckDB's readers */
  external_location?: string | null;
  relation_name: string;
}

export interface MacroDefinition {
  unique_id: string;
  resource_type: 'macro';
  package_name: string;
  name: string;
  path: string;
  original_file_path: string;
  macro_sql: string;
  description: string;
  arguments: { name: string; type?: string | null; description?: string }[];
  depends_on: { macros: string[] };
  meta: Record<string, unknown>;
  /** absolute file path and 1-based line of the `{% macro %}` tag (not written to the manifest) */
  abs_path?: string;
  line?: number;
}

export interface Manifest {
  project_name: string;
  nodes: Record<string, ManifestNode>;
  sources: Record<string, SourceDefinition>;
  macros: Record<string, MacroDefinition>;
  docs: Record<string, { name: string; block_contents: string; original_file_path: string }>;
  parent_map: Record<string, string[]>;
  child_map: Record<string, string[]>;
  /** nodes that were disabled by config: name -> unique ids */
  disabled: Record<string, ManifestNode[]>;
}

/** A node or source as the selector sees it. */
export type GraphMember = ManifestNode | SourceDefinition;
