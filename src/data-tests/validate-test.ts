// Parse-time checks of one generic test: its arguments against the macro's parameters and, for the
// built-in tests, their types; its config (severity, thresholds, limit). Each failure names the line.
import { TsdbtError } from '../errors/tsdbt-error.js';
import { distance } from 'fastest-levenshtein';
import { didYouMean } from '../errors/suggest.js';
import type { SourceLocation } from '../parser/types.js';
import type { TestMacro } from './test-macros.js';
import { isDynamic } from './test-args.js';

const THRESHOLD = /^\s*(==|=|!=|<>|>=|<=|>|<)\s*-?\d+(\.\d+)?\s*$/;
const DATEPARTS = ['microsecond', 'millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'];

type Check = (v: unknown) => string | undefined;
const number: Check = (v) => (typeof v === 'number' || isDynamic(v) ? undefined : 'a number');
const text: Check = (v) => (typeof v === 'string' && v.trim() ? undefined : 'a non-empty string');
const list: Check = (v) => (Array.isArray(v) && v.length ? undefined : 'a non-empty list');
const bool: Check = (v) => (typeof v === 'boolean' ? undefined : 'true or false');
const datepart: Check = (v) => (typeof v === 'string' && DATEPARTS.includes(v.toLowerCase().replace(/s$/, '')) ? undefined : `one of ${DATEPARTS.join(', ')}`);
const columnsSpec: Check = (v) =>
  Array.isArray(v) && v.length && v.every((c) => typeof c === 'string' || (typeof c === 'object' && c !== null && typeof (c as { name?: unknown }).name === 'string'))
    ? undefined
    : 'a list of column names or {name, data_type} mappings';

/** Types of the built-in tests' arguments. */
const BUILTIN_ARGS: Record<string, Record<string, Check>> = {
  accepted_values: { values: list, quote: bool },
  relationships: { to: text, field: text },
  relationships_where: { to: text, field: text, from_condition: text, to_condition: text },
  accepted_range: { min_value: number, max_value: number, inclusive: bool },
  not_null_proportion: { at_least: number, at_most: number },
  unique_combination_of_columns: { combination_of_columns: list },
  expression_is_true: { expression: text },
  row_count: { min_value: number, max_value: number },
  equal_rowcount: { compare_model: text },
  fewer_rows_than: { compare_model: text },
  recency: { field: text, datepart, interval: number },
  not_empty_string: { trim_whitespace: bool },
  matches_regex: { regex: text, flags: (v) => (typeof v === 'string' ? undefined : 'a string of regex flags') },
  columns_match: { columns: columnsSpec, exact: bool },
  sequential_values: { interval: number, datepart, group_by_columns: list },
  mean_between: { min_value: number, max_value: number },
  stddev_between: { min_value: number, max_value: number },
  row_count_anomaly: { threshold: number, min_history: number },
};

const AT_LEAST_ONE: Record<string, string[]> = {
  accepted_range: ['min_value', 'max_value'],
  row_count: ['min_value', 'max_value'],
  mean_between: ['min_value', 'max_value'],
  stddev_between: ['min_value', 'max_value'],
};

export interface TestToCheck {
  label: string;
  name: string;
  builtin: boolean;
  macro: TestMacro;
  args: Record<string, unknown>;
  hasColumn: boolean;
  /** where an argument is written */
  at(word: string): SourceLocation;
}

function configHint(k: string): string | undefined {
  const near = misspeltConfigKey(k);
  return near ? `did you mean the config \`${near}\`?` : undefined;
}

export function checkArgs(t: TestToCheck): void {
  const { label, macro, args } = t;
  const params = macro.params.map((p) => p.name);
  for (const k of Object.keys(args)) {
    if (k === 'column_name' || params.includes(k) || macro.takesKwargs) continue;
    throw new TsdbtError('T001', `${label}: \`${k}\` is not an argument of test \`${t.name}\``, {
      location: t.at(k),
      hint: didYouMean(k, params.filter((p) => p !== 'model')) ?? configHint(k) ?? `its arguments are ${params.filter((p) => p !== 'model').join(', ') || '(none)'}`,
    });
  }
  for (const p of macro.params) {
    if (p.optional || p.name === 'model' || p.name in args) continue;
    if (p.name === 'column_name') {
      if (t.hasColumn) continue;
      throw new TsdbtError('T001', `${label}: test \`${t.name}\` needs a column`, {
        location: t.at(t.name),
        hint: 'declare it under a column (`columns: - name: x  data_tests: [...]`) or pass `column_name:`',
      });
    }
    throw new TsdbtError('T001', `${label}: test \`${t.name}\` needs the argument \`${p.name}\``, {
      location: t.at(t.name),
      hint: `add \`${p.name}: ...\` under \`${t.name}:\``,
    });
  }
  if (!t.builtin) return;
  for (const [k, check] of Object.entries(BUILTIN_ARGS[t.name] ?? {})) {
    if (!(k in args) || args[k] === null) continue;
    const problem = check(args[k]);
    if (problem) {
      throw new TsdbtError('T001', `${label}: argument \`${k}\` of test \`${t.name}\` must be ${problem}, got ${JSON.stringify(args[k])}`, { location: t.at(k) });
    }
  }
  const oneOf = AT_LEAST_ONE[t.name];
  if (oneOf && oneOf.every((k) => args[k] === undefined || args[k] === null)) {
    throw new TsdbtError('T001', `${label}: test \`${t.name}\` needs \`${oneOf.join('` or `')}\``, { location: t.at(t.name) });
  }
}

/** Validates severity / error_if / warn_if / limit / fail_calc; returns the config with dbt's defaults. */
export function checkConfig(label: string, config: Record<string, unknown>, at: (word: string) => SourceLocation): Record<string, unknown> {
  const out = { ...config };
  const severity = String(out.severity ?? 'error').toLowerCase();
  if (severity !== 'error' && severity !== 'warn') {
    throw new TsdbtError('T001', `${label}: severity must be \`error\` or \`warn\`, got \`${String(out.severity)}\``, {
      location: at('severity'),
      hint: didYouMean(String(out.severity).toLowerCase(), ['error', 'warn']) ?? 'use `severity: warn` to report without failing',
    });
  }
  out.severity = severity.toUpperCase();
  for (const k of ['error_if', 'warn_if'] as const) {
    const v = out[k] ?? '!=0';
    if (!THRESHOLD.test(String(v))) {
      throw new TsdbtError('T001', `${label}: \`${k}\` must be a comparison with a number such as ">10" or "!=0", got ${JSON.stringify(v)}`, {
        location: at(k),
        hint: 'quote it in YAML: `error_if: ">10"`',
      });
    }
    out[k] = String(v).trim();
  }
  if (out.limit !== undefined && out.limit !== null && !(Number.isInteger(out.limit) && (out.limit as number) > 0)) {
    throw new TsdbtError('T001', `${label}: \`limit\` must be a positive whole number, got ${JSON.stringify(out.limit)}`, { location: at('limit') });
  }
  out.fail_calc ??= 'count(*)';
  if (out.store_failures_as !== undefined && out.store_failures_as !== null && !['table', 'view', 'ephemeral'].includes(String(out.store_failures_as))) {
    throw new TsdbtError('T001', `${label}: \`store_failures_as\` must be table, view or ephemeral`, { location: at('store_failures_as') });
  }
  return out;
}

/** The config keys of a data test; a key a typo away from one of these is an error (`sevrity`). */
export const TEST_CONFIG_KEYS = [
  'severity', 'error_if', 'warn_if', 'where', 'limit', 'store_failures', 'store_failures_as', 'fail_calc', 'enabled',
  'tags', 'meta', 'alias', 'schema', 'database',
];
// configs dbt knows for every resource: never mistaken for a typo of a test config
const OTHER_CONFIG_KEYS = new Set([
  'materialized', 'docs', 'group', 'persist_docs', 'quoting', 'grants', 'contract', 'access', 'pre_hook', 'post_hook',
  'full_refresh', 'unique_key', 'event_time', 'column_types', 'on_schema_change', 'incremental_strategy', 'labels',
]);

/** The test config key `key` is most likely a misspelling of (edit distance <= 2), else undefined. */
export function misspeltConfigKey(key: string): string | undefined {
  const k = key.toLowerCase().replace(/-/g, '_');
  if (TEST_CONFIG_KEYS.includes(k) || OTHER_CONFIG_KEYS.has(k)) return undefined;
  let best: string | undefined;
  let bestD = 3;
  for (const c of TEST_CONFIG_KEYS) {
    const d = distance(k, c);
    if (d < bestD) (best = c), (bestD = d);
  }
  return best;
}

/**
 * dbt accepts custom config keys, but one a typo away from a test config (`sevrity: warn`) would be
 * silently ignored: an error naming where it is written. `own` holds the keys the test sets itself
 * (located with `at`); the others come from project.yml (`projectAt`).
 */
export function checkConfigKeys(
  label: string,
  config: Record<string, unknown>,
  own: Record<string, unknown>,
  at: (word: string) => SourceLocation,
  projectAt: (word: string) => SourceLocation | undefined,
): void {
  for (const k of Object.keys(config)) {
    const near = misspeltConfigKey(k);
    if (!near) continue;
    const hint = `did you mean \`${near}\`? (custom config keys are accepted, but not one this close to a test config key)`;
    const inProject = !(k in own) ? projectAt(k) : undefined;
    if (inProject) throw new TsdbtError('T001', `unknown data test config key \`${k}\``, { location: inProject, hint });
    throw new TsdbtError('T001', `${label}: unknown config key \`${k}\``, { location: at(k), hint });
  }
}
