// The keys project.yml / dbt_project.yml may hold, their types (as zod schemas whose error text
// names the expected type) and dbt's rules for which values are rendered as Jinja at load time.
import { z } from 'zod';
import { normalizeConfigKey } from './folder-config.js';

/** Resource sections holding folder config trees. */
export const TREE_KEYS = ['models', 'seeds', 'snapshots', 'tests', 'data_tests', 'sources'] as const;

/** Sections dbt accepts that tsdbt does not use (yet). */
export const IGNORED_KEYS = [
  'require-dbt-version', 'flags', 'asset-paths', 'restrict-access', 'exposures', 'metrics',
  'semantic-models', 'saved-queries', 'unit_tests', 'analyses',
] as const;

export const PROJECT_KEYS: ReadonlySet<string> = new Set([
  'name', 'version', 'config-version', 'profile',
  'model-paths', 'seed-paths', 'test-paths', 'macro-paths', 'snapshot-paths', 'analysis-paths', 'docs-paths',
  'target-path', 'log-path', 'packages-install-path', 'clean-targets',
  'vars', 'quoting', 'on-run-start', 'on-run-end', 'dispatch', 'query-comment',
  ...TREE_KEYS, ...IGNORED_KEYS,
]);

const str = z.string({ error: 'a string' });
const strList = z.array(z.string({ error: 'a string' }), { error: 'a list of strings' });
const strOrList = z.union([z.string(), z.array(z.string())], { error: 'a string or a list of strings' });
const mapping = (what: string) => z.record(z.string(), z.unknown(), { error: what });
const bool = z.boolean({ error: 'true or false' });

/** dbt: a project name is a valid identifier (it becomes part of every unique_id). */
export const PROJECT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const projectSchema = z.object({
  name: str,
  version: z.union([z.string(), z.number()], { error: 'a version string such as "1.0.0"' }).optional(),
  'config-version': z.literal(2, { error: '2 (config-version 1 is no longer supported)' }).optional(),
  profile: str.optional(),
  'model-paths': strList.optional(),
  'seed-paths': strList.optional(),
  'test-paths': strList.optional(),
  'macro-paths': strList.optional(),
  'snapshot-paths': strList.optional(),
  'analysis-paths': strList.optional(),
  'docs-paths': strList.optional(),
  'asset-paths': strList.optional(),
  'target-path': str.optional(),
  'log-path': str.optional(),
  'packages-install-path': str.optional(),
  'clean-targets': strList.optional(),
  vars: mapping('a mapping of var names to values').nullable().optional(),
  quoting: z.strictObject({ database: bool.optional(), schema: bool.optional(), identifier: bool.optional() }, {
    error: 'a mapping with database / schema / identifier: true|false',
  }).optional(),
  'on-run-start': strOrList.nullable().optional(),
  'on-run-end': strOrList.nullable().optional(),
  dispatch: z.array(z.object({ macro_namespace: str, search_order: strList }, {
    error: 'a mapping {macro_namespace: name, search_order: [package, ...]}',
  }), { error: 'a list of {macro_namespace, search_order}' }).optional(),
  'require-dbt-version': strOrList.optional(),
  flags: mapping('a mapping of flag names to values').nullable().optional(),
  'query-comment': z.union([z.string(), z.record(z.string(), z.unknown())], { error: 'a string or a mapping' }).nullable().optional(),
});

/**
 * dbt renders the project file at load time except run hooks, query-comment and model hooks,
 * which are rendered at run time with the full context.
 */
export function skipProjectRender(path: readonly (string | number)[]): boolean {
  const first = path[0];
  if (first === 'on-run-start' || first === 'on-run-end' || first === 'query-comment') return true;
  if (typeof first === 'string' && (TREE_KEYS as readonly string[]).includes(first)) {
    for (const p of path) {
      if (typeof p !== 'string') continue;
      const k = normalizeConfigKey(p);
      if (k === 'pre_hook' || k === 'post_hook') return true;
    }
  }
  return false;
}
