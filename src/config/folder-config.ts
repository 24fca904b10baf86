// dbt's hierarchical resource config: the `models:` / `seeds:` / ... trees of project.yml, and the
// merge that gives one node the configs along its fqn (deeper wins; tags, meta and hooks combine).
import { z } from 'zod';
import type { FolderConfigTree } from './types.js';
import { isObj, parseShape } from './validate.js';
import type { Obj } from './validate.js';
import type { YamlFile, YamlPath } from './yaml-file.js';
import { locate } from './yaml-file.js';
import { ownerOfSection, typoOf, type ConfigOwner } from './config-keys.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { didYouMean } from '../errors/suggest.js';

/** Config names dbt accepts without a `+` even when their value is a mapping. */
const MAPPING_CONFIGS = new Set([
  'meta', 'docs', 'persist_docs', 'grants', 'column_types', 'contract', 'quoting', 'freshness', 'options',
  'labels', 'snapshot_meta_column_names',
]);
const LIST_CONFIGS = new Set(['tags', 'pre_hook', 'post_hook']);
const UPDATE_CONFIGS = new Set(['meta', 'docs', 'persist_docs', 'column_types', 'grants', 'quoting', 'labels']);

const normalized = new Map<string, string>();

/** `+pre-hook` -> `pre_hook`: dbt treats `-` and `_` alike in config names. */
export function normalizeConfigKey(key: string): string {
  // few distinct keys, normalized for every node of a large project: remembered
  let n = normalized.get(key);
  if (n === undefined) {
    n = (key.startsWith('+') ? key.slice(1) : key).trim().replace(/-/g, '_');
    if (normalized.size < 10_000) normalized.set(key, n);
  }
  return n;
}

const hook = z.union([z.string(), z.object({ sql: z.string(), transaction: z.boolean().optional() })], {
  error: 'a SQL string or {sql, transaction}',
});
const hooks = z.union([hook, z.array(hook)], { error: 'a SQL string or a list of SQL strings' });
const strOrNull = z.string({ error: 'a string' }).nullable();
const VALUE_SHAPES: Record<string, z.ZodType> = {
  enabled: z.boolean({ error: 'true or false' }),
  materialized: z.string({ error: 'a string (view, table, incremental, ephemeral, ...)' }),
  tags: z.union([z.string(), z.array(z.string())], { error: 'a string or a list of strings' }),
  schema: strOrNull,
  database: strOrNull,
  alias: strOrNull,
  meta: z.record(z.string(), z.unknown(), { error: 'a mapping' }),
  docs: z.record(z.string(), z.unknown(), { error: 'a mapping such as {show: false}' }),
  persist_docs: z.record(z.string(), z.unknown(), { error: 'a mapping such as {relation: true}' }),
  column_types: z.record(z.string(), z.string(), { error: 'a mapping of column name to SQL type' }),
  full_refresh: z.boolean({ error: 'true or false' }).nullable(),
  quote_columns: z.boolean({ error: 'true or false' }).nullable(),
  pre_hook: hooks,
  post_hook: hooks,
};

/** Check a config value's type where dbt defines it, and put list-valued configs in list form. */
export function normalizeConfigValue(y: YamlFile, key: string, value: unknown, path: YamlPath, what: string): unknown {
  const shape = VALUE_SHAPES[key];
  if (shape) parseShape(y, shape, value, path, what);
  if (LIST_CONFIGS.has(key) && value !== null && value !== undefined && !Array.isArray(value)) return [value];
  return value;
}

/** C002 when `key` (normalized) is a typo of a config key dbt knows for the section's resource type. */
export function checkConfigKey(y: YamlFile, key: string, path: YamlPath, what: string, owner: ConfigOwner | undefined = ownerOfSection(String(path[0]))): void {
  if (!owner) return;
  const near = typoOf(key, owner);
  if (!near.length) return;
  throw new TsdbtError('C002', `unknown config key '${key}' in ${what}`, {
    location: locate(y, path),
    hint: `${didYouMean(key, near)} (a key far from every known one is kept as a custom config, as dbt does)`,
  });
}

/** Build the tree for one resource section (`models:` etc.) of the project file. */
export function buildFolderTree(y: YamlFile, value: unknown, path: YamlPath, what: string): FolderConfigTree {
  const tree: FolderConfigTree = { config: {}, children: {} };
  if (value === undefined || value === null) return tree;
  parseShape(y, z.record(z.string(), z.unknown(), { error: 'a mapping of folders and +configs' }), value, path, what);
  for (const [key, v] of Object.entries(value as Obj)) {
    const norm = normalizeConfigKey(key);
    // `shop:` with nothing under it (dbt init leaves these) is an empty folder, not a config
    const isConfig = key.startsWith('+') || (!isObj(v) && v !== null) || MAPPING_CONFIGS.has(norm);
    if (isConfig) {
      checkConfigKey(y, norm, [...path, key], what);
      tree.config[norm] = normalizeConfigValue(y, norm, v, [...path, key], what);
    }
    else tree.children[key] = buildFolderTree(y, v, [...path, key], what);
  }
  return tree;
}

/** Merge `over` onto `base` the way dbt layers configs. Returns a new object. */
export function mergeConfigs(base: Obj, over: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(base)) out[normalizeConfigKey(k)] = v;
  for (const [rawKey, value] of Object.entries(over)) {
    const key = normalizeConfigKey(rawKey);
    const prev = out[key];
    if (key === 'tags') {
      const list = [...asList(prev), ...asList(value)];
      out[key] = [...new Set(list)];
    } else if (key === 'pre_hook' || key === 'post_hook') {
      out[key] = [...asList(prev), ...asList(value)];
    } else if (UPDATE_CONFIGS.has(key) && isObj(prev) && isObj(value)) {
      out[key] = { ...prev, ...value };
    } else {
      out[key] = value;
    }
  }
  return out;
}

function asList(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/**
 * The folder-level config for a node: walk `tree` along `fqn` (package, folders..., node name),
 * merging each level's config over the one above.
 * @example configForPath(project.models, ['shop', 'staging', 'stg_orders'])  // { materialized: 'view', tags: [...] }
 */
export function configForPath(tree: FolderConfigTree, fqn: string[]): Record<string, unknown> {
  // the merge along a folder path is the same for every file of the folder: done once per folder
  let memo = pathMemo.get(tree);
  if (!memo) pathMemo.set(tree, (memo = new Map()));
  const levels: FolderConfigTree[] = [tree];
  for (const part of fqn) {
    const next: FolderConfigTree | undefined = levels[levels.length - 1].children[part];
    if (!next) break;
    levels.push(next);
  }
  const deepest = levels[levels.length - 1];
  let merged = memo.get(deepest);
  if (!merged) {
    merged = {};
    for (const level of levels) merged = mergeConfigs(merged, level.config);
    memo.set(deepest, merged);
  }
  // a copy: callers may change what they get
  return mergeConfigs(merged, {});
}

/** Merged config per tree level, per tree (trees are built once per project load and not changed after). */
const pathMemo = new WeakMap<FolderConfigTree, Map<FolderConfigTree, Record<string, unknown>>>();

/** The deepest level of `tree` along `fqn` (for callers that memoize per folder). */
export function levelFor(tree: FolderConfigTree, fqn: string[]): FolderConfigTree {
  let node = tree;
  for (const part of fqn) {
    const next: FolderConfigTree | undefined = node.children[part];
    if (!next) break;
    node = next;
  }
  return node;
}
