// Checks a snapshot's config the way dbt does (strategy, unique_key, updated_at / check_cols,
// hard_deletes) and turns it into the settings the SQL writers need; every mistake names file and line.
import type { NodeConfig, SourceLocation } from '../parser/types.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { didYouMean } from '../errors/suggest.js';
import type { SnapshotColumnNames } from './snapshot-sql.js';

export interface SnapshotSpec {
  strategy: 'timestamp' | 'check';
  uniqueKey: string[];
  updatedAt: string | null;
  checkCols: 'all' | string[];
  hardDeletes: 'ignore' | 'invalidate' | 'new_record';
  columns: SnapshotColumnNames;
  validToCurrent: string | null;
}

const WHERE_CONFIG = 'in config() inside the snapshot block, under `config:` of the snapshot in a .yml file, or under `snapshots:` in dbt_project.yml';

export const DEFAULT_COLUMNS: SnapshotColumnNames = {
  dbt_valid_from: 'dbt_valid_from',
  dbt_valid_to: 'dbt_valid_to',
  dbt_scd_id: 'dbt_scd_id',
  dbt_updated_at: 'dbt_updated_at',
  dbt_is_deleted: 'dbt_is_deleted',
};

function fail(name: string, what: string, where: SourceLocation, hint: string): never {
  throw new TsdbtError('P006', `snapshot '${name}' ${what}`, { location: where, hint });
}

function strList(v: unknown): string[] | null {
  if (typeof v === 'string' && v.trim()) return [v];
  if (Array.isArray(v) && v.length && v.every((x) => typeof x === 'string' && x.trim())) return v as string[];
  return null;
}

export function snapshotSpec(name: string, config: NodeConfig, where: SourceLocation): SnapshotSpec {
  const strategy = config.strategy;
  if (strategy === undefined || strategy === null || strategy === '') {
    fail(name, 'has no strategy', where, `add strategy='timestamp' with updated_at='<column>', or strategy='check' with check_cols=['<column>', ...] (${WHERE_CONFIG})`);
  }
  if (strategy !== 'timestamp' && strategy !== 'check') {
    fail(name, `has an unknown strategy '${String(strategy)}'`, where, didYouMean(String(strategy), ['timestamp', 'check']) ?? 'use timestamp or check (custom snapshot strategies are not supported)');
  }
  const uniqueKey = strList(config.unique_key);
  if (!uniqueKey) {
    fail(name, 'has no unique_key', where, `add unique_key='<column>' (a column, an expression, or a list of columns identifying one row of the query) ${WHERE_CONFIG}`);
  }
  const updatedAt = typeof config.updated_at === 'string' && config.updated_at.trim() ? config.updated_at : null;
  if (strategy === 'timestamp' && !updatedAt) {
    fail(name, "uses the timestamp strategy but has no updated_at", where, `add updated_at='<column>' naming the column that holds when each row last changed, or use strategy='check'`);
  }
  let checkCols: 'all' | string[] = 'all';
  if (strategy === 'check') {
    const raw = config.check_cols;
    if (raw === 'all') checkCols = 'all';
    else if (Array.isArray(raw) && strList(raw)) checkCols = raw as string[];
    else if (raw === undefined || raw === null) fail(name, "uses the check strategy but has no check_cols", where, `add check_cols='all' or check_cols=['<column>', ...]`);
    else fail(name, `has check_cols ${JSON.stringify(raw)}`, where, `check_cols must be 'all' or a list of column names, e.g. ['status', 'amount']`);
  }
  let hardDeletes: SnapshotSpec['hardDeletes'] = config.invalidate_hard_deletes === true ? 'invalidate' : 'ignore';
  if (config.hard_deletes !== undefined && config.hard_deletes !== null) {
    const h = String(config.hard_deletes);
    if (h !== 'ignore' && h !== 'invalidate' && h !== 'new_record') {
      fail(name, `has hard_deletes '${h}'`, where, didYouMean(h, ['ignore', 'invalidate', 'new_record']) ?? 'use ignore, invalidate or new_record');
    }
    hardDeletes = h;
  }
  const names = config.snapshot_meta_column_names;
  const columns = { ...DEFAULT_COLUMNS };
  if (names && typeof names === 'object') {
    for (const [k, v] of Object.entries(names as Record<string, unknown>)) {
      if (!(k in columns)) fail(name, `has an unknown snapshot_meta_column_names key '${k}'`, where, didYouMean(k, Object.keys(columns)) ?? `use ${Object.keys(columns).join(', ')}`);
      if (typeof v === 'string' && v.trim()) columns[k as keyof SnapshotColumnNames] = v;
    }
  }
  const current = config.dbt_valid_to_current;
  return {
    strategy,
    uniqueKey,
    updatedAt,
    checkCols,
    hardDeletes,
    columns,
    validToCurrent: typeof current === 'string' && current.trim() ? current : null,
  };
}
