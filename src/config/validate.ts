// Shape checks for parsed YAML: unknown keys (with did-you-mean) and zod schemas whose failures
// are turned into C002 errors at the file:line:col of the offending value.
import type { z } from 'zod';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { didYouMean } from '../errors/suggest.js';
import { formatPath, locate, locateValue } from './yaml-file.js';
import type { YamlFile, YamlPath } from './yaml-file.js';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short name for the kind of value a user wrote, for "got ..." in messages. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v === 'number' ? 'the number' : 'the boolean'} ${String(v)}`;
}

/** C002 for the first key of `obj` not in `known`. `what` names the place ("dbt_project.yml", "model `x`"). */
export function checkKeys(y: YamlFile, obj: Obj, path: YamlPath, known: ReadonlySet<string>, what: string): void {
  for (const key of Object.keys(obj)) {
    if (known.has(key)) continue;
    const suggestion = didYouMean(key, known);
    throw new TsdbtError('C002', `unknown key \`${key}\` in ${what}`, {
      location: locate(y, [...path, key]),
      hint: suggestion ?? `valid keys are: ${[...known].join(', ')}`,
    });
  }
}

/** C002 when a required key is absent. */
export function requireKey(y: YamlFile, obj: Obj, path: YamlPath, key: string, what: string, hint: string): void {
  if (obj[key] === undefined || obj[key] === null) {
    throw new TsdbtError('C002', `${what} is missing the required key \`${key}\``, { location: locate(y, path), hint });
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/**
 * Parse `value` (found at `path` in `y`) with `schema`. Schemas carry their expected type as the
 * error text (`z.string({ error: 'a string' })`) so the message reads "`threads` must be a number".
 */
export function parseShape<T>(y: YamlFile, schema: z.ZodType<T>, value: unknown, path: YamlPath, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const sub = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const full = [...path, ...sub];
  const actual = valueAt(value, issue.path);
  const key = formatPath(full);
  let message: string;
  if (issue.code === 'unrecognized_keys') {
    const bad = issue.keys[0] ?? '';
    message = `unknown key \`${bad}\` in ${key ? `\`${key}\` of ` : ''}${what}`;
    throw new TsdbtError('C002', message, { location: locate(y, [...full, bad]) });
  }
  const expected = issue.message.startsWith('Invalid') || issue.message.startsWith('Too') ? issue.message.toLowerCase() : `must be ${issue.message}`;
  message = actual === undefined && issue.code === 'invalid_type'
    ? `${what}: \`${key}\` is required (${expected})`
    : `${what}: \`${key}\` ${expected}, got ${describeValue(actual)}`;
  throw new TsdbtError('C002', message, { location: actual === undefined ? locate(y, full) : locateValue(y, full) });
}
