// The typed, validated configuration every later stage reads: project file, chosen profile target,
// command-line overrides, and the parsed property YAML files.
import type { SourceLocation } from '../parser/types.js';

export interface ProjectPaths {
  modelPaths: string[];
  seedPaths: string[];
  testPaths: string[];
  macroPaths: string[];
  snapshotPaths: string[];
  analysisPaths: string[];
  docsPaths: string[];
  targetPath: string;
  logPath: string;
  packagesInstallPath: string;
  cleanTargets: string[];
}

/** One level of a `models:` / `seeds:` / `snapshots:` / `tests:` tree in project.yml. */
export interface FolderConfigTree {
  /** `+key` entries (and plain keys that are known config keys) at this level */
  config: Record<string, unknown>;
  /** sub-folders / package names */
  children: Record<string, FolderConfigTree>;
}

export interface ProjectConfig {
  name: string;
  version: string;
  configVersion: number;
  profile: string;
  /** absolute path of the project folder */
  root: string;
  /** absolute path of project.yml or dbt_project.yml */
  file: string;
  paths: ProjectPaths;
  vars: Record<string, unknown>;
  quoting: { database?: boolean; schema?: boolean; identifier?: boolean };
  onRunStart: string[];
  onRunEnd: string[];
  dispatch: { macro_namespace: string; search_order: string[] }[];
  models: FolderConfigTree;
  seeds: FolderConfigTree;
  snapshots: FolderConfigTree;
  tests: FolderConfigTree;
  sources: FolderConfigTree;
  /** the raw parsed YAML, kept for `project` in the Jinja context */
  raw: Record<string, unknown>;
}

export interface TargetConfig {
  /** profile name and target name as chosen */
  profileName: string;
  name: string;
  type: 'duckdb';
  /** absolute path of the database file, or ':memory:' */
  path: string;
  /** database name as DuckDB sees it (file stem, or 'memory') */
  database: string;
  schema: string;
  threads: number;
  extensions: string[];
  settings: Record<string, string | number | boolean>;
  /** every other key of the output, as written (for `target.*` in Jinja) */
  raw: Record<string, unknown>;
  /** absolute path of the profiles.yml it came from */
  profilesFile: string;
}

export interface CliOverrides {
  projectDir?: string;
  profilesDir?: string;
  target?: string;
  profile?: string;
  vars?: Record<string, unknown>;
  threads?: number;
}

/** A YAML value with the place it was read from, for error messages. */
export interface Located<T> {
  value: T;
  location: SourceLocation;
}

export interface PropertyColumn {
  name: string;
  description?: string;
  data_type?: string;
  meta?: Record<string, unknown>;
  tags?: string[];
  quote?: boolean;
  /** `tests:` and `data_tests:` entries as written */
  tests: unknown[];
  location: SourceLocation;
}

export interface PropertyEntry {
  kind: 'models' | 'seeds' | 'snapshots' | 'analyses' | 'macros';
  name: string;
  description?: string;
  config: Record<string, unknown>;
  meta?: Record<string, unknown>;
  tags?: string[];
  docs?: Record<string, unknown>;
  columns: PropertyColumn[];
  tests: unknown[];
  /** macros only */
  arguments?: { name: string; type?: string; description?: string }[];
  /** the whole entry as written (for keys a later stage reads: freshness, constraints, ...) */
  raw: Record<string, unknown>;
  location: SourceLocation;
}

export interface SourceTableEntry {
  name: string;
  identifier?: string;
  description?: string;
  meta?: Record<string, unknown>;
  tags?: string[];
  config: Record<string, unknown>;
  loaded_at_field?: string;
  freshness?: Record<string, unknown> | null;
  external_location?: string;
  columns: PropertyColumn[];
  tests: unknown[];
  location: SourceLocation;
}

export interface SourceEntry {
  name: string;
  description?: string;
  schema?: string;
  database?: string;
  loader?: string;
  meta?: Record<string, unknown>;
  tags?: string[];
  config: Record<string, unknown>;
  loaded_at_field?: string;
  freshness?: Record<string, unknown> | null;
  /** dbt-duckdb: `meta.external_location` or `config.external_location` with `{name}` / `{identifier}` placeholders */
  external_location?: string;
  tables: SourceTableEntry[];
  location: SourceLocation;
}

export interface UnitTestEntry {
  name: string;
  model: string;
  description?: string;
  given: { input: string; rows?: unknown; format?: string; fixture?: string }[];
  expect: { rows?: unknown; format?: string; fixture?: string };
  overrides?: { vars?: Record<string, unknown>; macros?: Record<string, unknown>; env_vars?: Record<string, unknown> };
  config: Record<string, unknown>;
  location: SourceLocation;
}

/** Everything found in the property YAML files of a project. */
export interface PropertyFiles {
  entries: PropertyEntry[];
  sources: SourceEntry[];
  unitTests: UnitTestEntry[];
  /** project-relative paths of the files read */
  files: string[];
}

export interface ResolvedConfig {
  project: ProjectConfig;
  target: TargetConfig;
  cli: CliOverrides;
  /** vars after project vars and --vars are merged (--vars wins) */
  vars: Record<string, unknown>;
}
