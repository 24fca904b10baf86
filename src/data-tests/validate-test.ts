// Parse-time checks of one generic test: its arguments against the macro's parameters and, for the
// built-in tests, their types; its config (severity, thresholds, limit). Each failure names the line.
import { TsdbtError } from '../errors/tsdbt-error.js';
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

export function checkArgs(t: TestToCheck): void {
  const { label, macro, args } = t;
  const params = macro.params.map((p) => p.name);
  for (const k of Object.keys(args)) {
    if (k === 'column_name' || params.includes(k) || macro.takesKwargs) continue;
    throw new TsdbtError('T001', `${label}: \`${k}\` is not an argument of test \`${t.name}\``, {
      location: t.at(k),
      hint: didYouMean(k, params.filter((p) => p !== 'model')) ?? `its arguments are ${params.filter((p) => p !== 'model').join(', ') || '(none)'}`,
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
