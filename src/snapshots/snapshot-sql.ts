// Pure writers of the SQL a snapshot sends, following dbt's default snapshot macros (dbt-duckdb's
// merge): the first build, the staging query that classifies rows, and the update + insert merge.
import { q, rel, type Rel } from '../materializations/sql-builders.js';

/** dbt's snapshot meta columns (renamable with `snapshot_meta_column_names`). */
export interface SnapshotColumnNames {
  dbt_valid_from: string;
  dbt_valid_to: string;
  dbt_scd_id: string;
  dbt_updated_at: string;
  dbt_is_deleted: string;
}

export interface SnapshotPlan {
  strategy: 'timestamp' | 'check';
  /** SQL expressions identifying a row (one or more) */
  uniqueKey: string[];
  /** the expression dbt_updated_at / dbt_valid_from take: the updated_at column, or the snapshot time */
  updatedAt: string;
  /** check strategy: columns compared; `changedAll` when a column was added since the last run */
  checkCols: string[];
  columnAdded: boolean;
  hardDeletes: 'ignore' | 'invalidate' | 'new_record';
  columns: SnapshotColumnNames;
  /** `dbt_valid_to_current`: the expression current rows hold instead of null */
  validToCurrent: string | null;
  /** dbt-duckdb's snapshot_get_time() */
  now: string;
}

export const STAGING_ONLY_COLUMNS = ['dbt_change_type', 'dbt_unique_key'];

function hashArgs(args: string[]): string {
  return `md5(${args.map((a) => `coalesce(cast(${a} as varchar), '')`).join(` || '|' || `)})`;
}

function keyCols(p: SnapshotPlan): string[] {
  return p.uniqueKey.length === 1 ? ['dbt_unique_key'] : p.uniqueKey.map((_, i) => `dbt_unique_key_${i + 1}`);
}

function keySelect(p: SnapshotPlan, from = ''): string {
  const names = keyCols(p);
  return p.uniqueKey.map((k, i) => `${from}${k} as ${names[i]}`).join(', ');
}

function keyJoin(p: SnapshotPlan, a: string, b: string): string {
  return keyCols(p).map((k) => `${a}.${k} = ${b}.${k}`).join(' and ');
}

function keyIsNull(p: SnapshotPlan, a: string): string {
  return keyCols(p).map((k) => `${a}.${k} is null`).join(' and ');
}

function validToInitial(p: SnapshotPlan): string {
  const nul = `nullif(${p.updatedAt}, ${p.updatedAt})`;
  return p.validToCurrent ? `coalesce(${nul}, ${p.validToCurrent})` : nul;
}

/** `valid_to` of a current row: null, or the `dbt_valid_to_current` value. */
export function isCurrent(p: SnapshotPlan, alias: string): string {
  const c = `${alias}.${q(p.columns.dbt_valid_to)}`;
  return p.validToCurrent ? `(${c} is null or ${c} = ${p.validToCurrent})` : `${c} is null`;
}

export function rowChanged(p: SnapshotPlan, snap: string, cur: string): string {
  if (p.strategy === 'timestamp') return `(${snap}.${q(p.columns.dbt_valid_from)} < ${cur}.${p.updatedAt})`;
  if (p.columnAdded || !p.checkCols.length) return '(true)';
  return `(${p.checkCols.map((c) => `${snap}.${q(c)} is distinct from ${cur}.${q(c)}`).join(' or ')})`;
}

/** First run: the query's rows, each valid from its updated_at with no end. */
export function snapshotCreateSql(target: Rel, sql: string, p: SnapshotPlan): string {
  const c = p.columns;
  const cols = [
    `${hashArgs([...p.uniqueKey, p.updatedAt])} as ${q(c.dbt_scd_id)}`,
    `${p.updatedAt} as ${q(c.dbt_updated_at)}`,
    `${p.updatedAt} as ${q(c.dbt_valid_from)}`,
    `${validToInitial(p)} as ${q(c.dbt_valid_to)}`,
  ];
  if (p.hardDeletes === 'new_record') cols.push(`'False' as ${q(c.dbt_is_deleted)}`);
  return `create table ${rel(target)} as (\n  select *,\n    ${cols.join(',\n    ')}\n  from (\n${sql}\n  ) as sbq\n)`;
}

/** Rows to insert (new or changed versions) and to close (updated or deleted), with dbt_change_type. */
export function snapshotStagingSql(target: Rel, sql: string, p: SnapshotPlan): string {
  const c = p.columns;
  const u = p.updatedAt;
  const changed = rowChanged(p, 'snapshotted_data', 'source_data');
  const deleted = p.hardDeletes === 'new_record' ? ` or snapshotted_data.${q(c.dbt_is_deleted)} = 'True'` : '';
  const isDel = p.hardDeletes === 'new_record';
  const ctes = [
    `snapshot_query as (\n${sql}\n)`,
    `snapshotted_data as (\n  select *, ${keySelect(p)}\n  from ${rel(target)} as t\n  where ${isCurrent(p, 't')}\n)`,
    `insertions_source_data as (\n  select *, ${keySelect(p)},\n    ${u} as ${q(c.dbt_updated_at)},\n    ${u} as ${q(c.dbt_valid_from)},\n    ${validToInitial(p)} as ${q(c.dbt_valid_to)},\n    ${hashArgs([...p.uniqueKey, u])} as ${q(c.dbt_scd_id)}\n  from snapshot_query\n)`,
    `updates_source_data as (\n  select *, ${keySelect(p)},\n    ${u} as ${q(c.dbt_updated_at)},\n    ${u} as ${q(c.dbt_valid_from)},\n    ${u} as ${q(c.dbt_valid_to)}\n  from snapshot_query\n)`,
    `insertions as (\n  select 'insert' as dbt_change_type, source_data.*${isDel ? `, 'False' as ${q(c.dbt_is_deleted)}` : ''}\n  from insertions_source_data as source_data\n  left outer join snapshotted_data on ${keyJoin(p, 'snapshotted_data', 'source_data')}\n  where ${keyIsNull(p, 'snapshotted_data')}\n     or (${changed}${deleted})\n)`,
    `updates as (\n  select 'update' as dbt_change_type, source_data.*, snapshotted_data.${q(c.dbt_scd_id)}\n  from updates_source_data as source_data\n  join snapshotted_data on ${keyJoin(p, 'snapshotted_data', 'source_data')}\n  where (${changed}${deleted})\n)`,
  ];
  const parts = ['insertions', 'updates'];
  if (p.hardDeletes !== 'ignore') {
    // a key already closed by a deletion record is not deleted again
    const notYet = isDel ? `\n    and not coalesce(snapshotted_data.${q(c.dbt_is_deleted)} = 'True', false)` : '';
    const gone = `from snapshotted_data\n  left join (select ${keySelect(p)} from snapshot_query) as source_data on ${keyJoin(p, 'snapshotted_data', 'source_data')}\n  where ${keyIsNull(p, 'source_data')}${notYet}`;
    ctes.push(`deletes as (\n  select 'delete' as dbt_change_type, ${p.now} as ${q(c.dbt_valid_to)}, snapshotted_data.${q(c.dbt_scd_id)}\n  ${gone}\n)`);
    parts.push('deletes');
    if (isDel) {
      const cols = `snapshotted_data.* exclude (${[c.dbt_valid_from, c.dbt_updated_at, c.dbt_valid_to, c.dbt_scd_id, c.dbt_is_deleted].map(q).join(', ')})`;
      ctes.push(`deletion_records as (\n  select 'insert' as dbt_change_type, ${cols},\n    ${p.now} as ${q(c.dbt_valid_from)},\n    ${p.now} as ${q(c.dbt_updated_at)},\n    ${validToInitial({ ...p, updatedAt: p.now })} as ${q(c.dbt_valid_to)},\n    ${hashArgs([`snapshotted_data.${q(c.dbt_scd_id)}`, p.now])} as ${q(c.dbt_scd_id)},\n    'True' as ${q(c.dbt_is_deleted)}\n  ${gone}\n)`);
      parts.push('deletion_records');
    }
  }
  return `with ${ctes.join(',\n')}\n${parts.map((x) => `select * from ${x}`).join('\nunion all by name\n')}`;
}

/** Close the versions the staging rows replace, then insert the new versions. */
export function snapshotMergeSql(target: Rel, staging: string, p: SnapshotPlan, insertCols: string[]): string[] {
  const c = p.columns;
  const cols = insertCols.map(q).join(', ');
  return [
    `update ${rel(target)} as dbt_internal_target\nset ${q(c.dbt_valid_to)} = dbt_internal_source.${q(c.dbt_valid_to)}\nfrom ${staging} as dbt_internal_source\nwhere dbt_internal_source.${q(c.dbt_scd_id)}::varchar = dbt_internal_target.${q(c.dbt_scd_id)}::varchar\n  and dbt_internal_source.dbt_change_type in ('update', 'delete')\n  and ${isCurrent(p, 'dbt_internal_target')}`,
    `insert into ${rel(target)} (${cols})\nselect ${insertCols.map((x) => `dbt_internal_source.${q(x)}`).join(', ')}\nfrom ${staging} as dbt_internal_source\nwhere dbt_internal_source.dbt_change_type = 'insert'`,
  ];
}

export function isStagingOnly(column: string): boolean {
  return column === 'dbt_change_type' || /^dbt_unique_key(_\d+)?$/.test(column);
}
