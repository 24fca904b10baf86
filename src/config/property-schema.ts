// The keys dbt accepts in property YAML files (schema.yml), per kind of entry, the value shapes,
// and which values are left unrendered until later stages (descriptions, tests, hooks).
import { z } from 'zod';

export const ENTRY_KINDS = ['models', 'seeds', 'snapshots', 'analyses', 'macros'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Top-level sections accepted but not used by tsdbt. */
export const IGNORED_SECTIONS = ['exposures', 'metrics', 'semantic_models', 'groups', 'saved_queries', 'data_tests', 'functions'];
export const FILE_KEYS: ReadonlySet<string> = new Set(['version', ...ENTRY_KINDS, 'sources', 'unit_tests', ...IGNORED_SECTIONS]);

const COMMON = ['name', 'description', 'config', 'columns', 'tests', 'data_tests', 'docs', 'meta', 'tags'];
export const ENTRY_KEYS: Record<EntryKind, ReadonlySet<string>> = {
  models: new Set([...COMMON, 'latest_version', 'versions', 'constraints', 'access', 'group', 'deprecation_date', 'time_spine']),
  seeds: new Set(COMMON),
  snapshots: new Set([...COMMON, 'relation']),
  analyses: new Set(COMMON),
  macros: new Set(['name', 'description', 'arguments', 'docs', 'meta', 'config']),
};
export const COLUMN_KEYS: ReadonlySet<string> = new Set([
  'name', 'description', 'data_type', 'meta', 'tags', 'quote', 'tests', 'data_tests', 'constraints', 'granularity',
  'policy_tags', 'config',
]);
export const SOURCE_KEYS: ReadonlySet<string> = new Set([
  'name', 'description', 'schema', 'database', 'loader', 'meta', 'tags', 'config', 'loaded_at_field', 'loaded_at_query',
  'freshness', 'quoting', 'tables', 'overrides',
]);
export const SOURCE_TABLE_KEYS: ReadonlySet<string> = new Set([
  'name', 'description', 'identifier', 'meta', 'tags', 'config', 'loaded_at_field', 'loaded_at_query', 'freshness',
  'quoting', 'external', 'columns', 'tests', 'data_tests', 'docs',
]);
export const UNIT_TEST_KEYS: ReadonlySet<string> = new Set(['name', 'model', 'description', 'given', 'expect', 'overrides', 'config', 'versions']);

export const str = z.string({ error: 'a string' });
export const optText = z.string({ error: 'a string' }).nullable().optional();
export const mapping = z.record(z.string(), z.unknown(), { error: 'a mapping' });
export const tagsShape = z.union([z.string(), z.array(z.string())], { error: 'a string or a list of strings' });
export const testsShape = z.array(z.unknown(), { error: 'a list of tests' }).nullable().optional();

export const entryShape = z.object({
  name: z.union([z.string(), z.number()], { error: 'a name' }),
  description: optText,
  config: mapping.nullable().optional(),
  columns: z.array(mapping, { error: 'a list of {name: ...} mappings' }).nullable().optional(),
  tests: testsShape,
  data_tests: testsShape,
  docs: mapping.nullable().optional(),
  meta: mapping.nullable().optional(),
  tags: tagsShape.nullable().optional(),
  arguments: z.array(z.object({ name: str, type: optText, description: optText }, { error: 'a mapping {name, type, description}' }), {
    error: 'a list of {name, type, description}',
  }).nullable().optional(),
});

export const columnShape = z.object({
  name: z.union([z.string(), z.number()], { error: 'a column name' }),
  description: optText,
  data_type: optText,
  meta: mapping.nullable().optional(),
  tags: tagsShape.nullable().optional(),
  quote: z.boolean({ error: 'true or false' }).nullable().optional(),
  tests: testsShape,
  data_tests: testsShape,
});

const NO_RENDER = new Set(['description', 'tests', 'data_tests', 'pre_hook', 'post_hook', 'pre-hook', 'post-hook', 'sql_header', 'rows']);

/** dbt renders property files when read, except text that later stages render with more context. */
export function skipPropertyRender(path: readonly (string | number)[]): boolean {
  const first = path[0];
  if (typeof first === 'string' && (IGNORED_SECTIONS.includes(first) || first === 'macros')) return true;
  for (const p of path) if (typeof p === 'string' && NO_RENDER.has(p)) return true;
  return false;
}
