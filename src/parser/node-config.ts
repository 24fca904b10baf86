// Turns the merged layers of config (folder, property file, in-file `config()`) into a NodeConfig
// with dbt's defaults, and rejects what cannot work (an unknown materialization, hooks of a wrong shape).
import type { Hook, NodeConfig, SourceLocation } from './types.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { didYouMean } from '../errors/suggest.js';

export const MATERIALIZATIONS = ['view', 'table', 'incremental', 'ephemeral', 'external', 'seed', 'snapshot', 'test', 'unit'];

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
  const out: NodeConfig = {
    ...merged,
    enabled: merged.enabled === undefined ? true : Boolean(merged.enabled),
    materialized: String(merged.materialized ?? defaultMaterialization),
    tags: toTags(merged.tags),
    meta: (merged.meta as Record<string, unknown>) ?? {},
    pre_hook: toHooks(merged.pre_hook, where, 'pre-hook'),
    post_hook: toHooks(merged.post_hook, where, 'post-hook'),
  };
  const known = [...MATERIALIZATIONS, ...extraMaterializations];
  if (!known.includes(out.materialized)) {
    throw new TsdbtError('P006', `unknown materialization '${out.materialized}'`, {
      location: where,
      hint: didYouMean(out.materialized, known) ?? `use one of ${known.join(', ')}`,
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
