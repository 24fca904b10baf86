// Turns the merged layers of config (folder, property file, in-file `config()`) into a NodeConfig
// with dbt's defaults, and rejects what cannot work (an unknown materialization, hooks of a wrong shape).
import type { Hook, NodeConfig, SourceLocation } from './types.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { didYouMean } from '../errors/suggest.js';
import { typoOf, type ConfigOwner } from '../config/config-keys.js';

export const MATERIALIZATIONS = ['view', 'table', 'incremental', 'ephemeral', 'external', 'seed', 'snapshot', 'test', 'unit'];
const BUILT_IN = new Set(MATERIALIZATIONS);
const NOT_FOR_MODELS = new Set(['seed', 'snapshot', 'test', 'unit']);

function toHooks(v: unknown, where: SourceLocation, key: string): Hook[] {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((h, index) => {
    if (typeof h === 'string') return { sql: h, transaction: true, index };
    if (h && typeof h === 'object' && typeof (h as Hook).sql === 'string') {
      return { sql: (h as Hook).sql, transaction: (h as Hook).transaction ?? true, index };
    }
    throw new TsdbtError('P006', `\`${key}\` must be a SQL string, a list of them, or {sql, transaction}`, { location: where });
  });
}

function toTags(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return [...new Set((Array.isArray(v) ? v : [v]).map(String))];
}

export function finalizeConfig(merged: Record<string, unknown>, defaultMaterialization: string, where: SourceLocation, extraMaterializations: Iterable<string> = []): NodeConfig {
  // copied key by key: `{ ...merged, enabled, ... }` hit a slow path in V8 (~5 us a call, 30,000 nodes);
  // the keys keep the same order (merged's first, then the defaults it lacks)
  const out = {} as NodeConfig;
  for (const k in merged) out[k] = merged[k];
  out.enabled = merged.enabled === undefined ? true : Boolean(merged.enabled);
  out.materialized = String(merged.materialized ?? defaultMaterialization);
  out.tags = toTags(merged.tags);
  out.meta = (merged.meta as Record<string, unknown>) ?? {};
  out.pre_hook = toHooks(merged.pre_hook, where, 'pre-hook');
  out.post_hook = toHooks(merged.post_hook, where, 'post-hook');
  if (!BUILT_IN.has(out.materialized) && ![...extraMaterializations].includes(out.materialized)) {
    // the closest name, then every one a model can use: the built-ins and the `{% materialization %}` blocks
    const available = [...new Set([...MATERIALIZATIONS.filter((m) => !NOT_FOR_MODELS.has(m)), ...extraMaterializations])];
    const near = didYouMean(out.materialized, [...MATERIALIZATIONS, ...extraMaterializations]);
    throw new TsdbtError('P006', `unknown materialization '${out.materialized}'`, {
      location: where,
      hint: `${near ? `${near} ` : ''}available: ${available.join(', ')}`,
    });
  }
  if (out.on_schema_change && !['ignore', 'append_new_columns', 'sync_all_columns', 'fail'].includes(String(out.on_schema_change))) {
    throw new TsdbtError('P006', `unknown on_schema_change '${String(out.on_schema_change)}'`, {
      location: where,
      hint: 'use ignore, append_new_columns, sync_all_columns or fail',
    });
  }
  return out;
}

/** Where `key` is passed in the file's `config(...)` call (`key=` or `'key':`), for the message. */
function locateConfigKey(raw: string, key: string): { line: number; column: number } | undefined {
  const esc = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?:\\b${esc}\\s*=(?!=)|['"]${esc}['"]\\s*:)`).exec(raw);
  if (!m) return undefined;
  const before = raw.slice(0, m.index);
  return { line: before.split('\n').length, column: m.index - before.lastIndexOf('\n') };
}

/**
 * P006 for a key passed to `config()` in a model/snapshot file that is a typo of a config key dbt
 * knows (`materializd`); keys far from every known one are custom configs and kept, as in dbt.
 */
export function checkConfigCall(fileConfig: Record<string, unknown>, owner: ConfigOwner, file: string, raw: string): void {
  for (const key of Object.keys(fileConfig)) {
    const near = typoOf(key, owner);
    if (!near.length) continue;
    throw new TsdbtError('P006', `unknown config key '${key}' in config()`, {
      location: { file, ...locateConfigKey(raw, key) },
      hint: `${didYouMean(key, near)} (a key far from every known one is kept as a custom config, as dbt does)`,
    });
  }
}
