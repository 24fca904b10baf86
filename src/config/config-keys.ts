// The config keys dbt (and dbt-duckdb) know per resource type. dbt accepts any other key as a custom
// config, so an unknown key only fails when it is clearly a typo of a known one (a small edit away).
import { distance } from 'fastest-levenshtein';

const COMMON = [
  'enabled', 'tags', 'meta', 'docs', 'pre_hook', 'post_hook', 'database', 'schema', 'alias', 'persist_docs',
  'full_refresh', 'grants', 'materialized', 'group', 'access', 'event_time', 'contract', 'quoting', 'labels',
  'unique_key', 'sql_header', 'packages',
];

const MODEL = [
  ...COMMON, 'incremental_strategy', 'on_schema_change', 'on_configuration_change', 'batch_size', 'lookback',
  'begin', 'concurrent_batches', 'incremental_predicates', 'predicates', 'merge_update_columns',
  'merge_exclude_columns', 'constraints', 'deprecation_date', 'latest_version',
  // dbt-duckdb: external materialization and plugins
  'location', 'format', 'delimiter', 'glob', 'partition_by', 'options', 'plugin', 'overwrite', 'per_thread_output',
  'external_location',
];

const SEED = [...COMMON, 'column_types', 'quote_columns', 'delimiter', 'fast'];

const SNAPSHOT = [
  ...COMMON, 'strategy', 'updated_at', 'check_cols', 'target_schema', 'target_database', 'invalidate_hard_deletes',
  'hard_deletes', 'snapshot_meta_column_names', 'dbt_valid_to_current',
];

const TEST = [...COMMON, 'severity', 'where', 'limit', 'warn_if', 'error_if', 'fail_calc', 'store_failures', 'store_failures_as'];

const SOURCE = ['enabled', 'tags', 'meta', 'freshness', 'loaded_at_field', 'loaded_at_query', 'event_time', 'quoting', 'external_location', 'docs'];

export type ConfigOwner = 'model' | 'seed' | 'snapshot' | 'test' | 'source' | 'analysis';

const BY_TYPE: Record<ConfigOwner, ReadonlySet<string>> = {
  model: new Set(MODEL),
  analysis: new Set(MODEL),
  seed: new Set(SEED),
  snapshot: new Set(SNAPSHOT),
  test: new Set(TEST),
  source: new Set(SOURCE),
};

/** Every key known for some resource type: a key valid anywhere is never called a typo. */
const ANY = new Set([...MODEL, ...SEED, ...SNAPSHOT, ...TEST, ...SOURCE]);

/** The project file section (`models:`, `seeds:`, ...) a folder config tree configures. */
export function ownerOfSection(section: string): ConfigOwner | undefined {
  switch (section) {
    case 'models': return 'model';
    case 'seeds': return 'seed';
    case 'snapshots': return 'snapshot';
    // test configs are checked by the data-tests stage (T001, src/data-tests/validate-test.ts)
    case 'sources': return 'source';
    default: return undefined;
  }
}

/** Edits allowed for a typo: none for short keys (custom `beta` is not `meta`), one, then two for long ones. */
function allowedEdits(key: string): number {
  return key.length < 5 ? 0 : key.length < 7 ? 1 : 2;
}

/**
 * The known keys `key` (already normalized: no `+`, `_` for `-`) is a typo of, closest first; empty
 * when the key is known or is a custom key far from every known one.
 * @example typoOf('materializd', 'model')  // ['materialized']
 */
export function typoOf(key: string, owner: ConfigOwner): string[] {
  if (ANY.has(key)) return [];
  const max = allowedEdits(key);
  const lower = key.toLowerCase();
  const near: [string, number][] = [];
  for (const known of BY_TYPE[owner]) {
    // `Materialized`: the right name in the wrong case is a typo too
    const d = distance(lower, known);
    if (d <= max || lower === known) near.push([known, d]);
  }
  near.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return near.map(([k]) => k);
}
