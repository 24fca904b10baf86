// The `snapshot` materialization: first run creates the history table; later runs stage the changed,
// new and deleted rows in a temp table and merge them (close old versions, insert new ones), adding
// columns the query gained. Everything runs in one transaction, so a failure keeps the old table.
import type { MaterializeContext, Strategy } from '../materializations/types.js';
import { exec, inTransaction } from '../materializations/transaction.js';
import { addColumnSql, q, type Rel } from '../materializations/sql-builders.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { snapshotSpec, type SnapshotSpec } from './snapshot-config.js';
import { isStagingOnly, snapshotCreateSql, snapshotMergeSql, snapshotStagingSql, type SnapshotPlan } from './snapshot-sql.js';

/** dbt-duckdb's snapshot_get_time() */
export const SNAPSHOT_NOW = 'now()::timestamp';

async function describe(ctx: MaterializeContext, what: string): Promise<{ name: string; type: string }[]> {
  const r = await ctx.conn.query(`describe ${what}`);
  return r.rows.map((row) => ({ name: String(row[0]), type: String(row[1]) }));
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkColumns(ctx: MaterializeContext, spec: SnapshotSpec, queryCols: string[]): void {
  const have = new Set(queryCols.map((c) => c.toLowerCase()));
  const where = { file: ctx.node.original_file_path };
  const missing = (label: string, col: string, hint: string) => {
    throw new TsdbtError('R001', `snapshot '${ctx.node.name}': ${label} '${col}' is not a column of the snapshot query (columns: ${queryCols.join(', ')})`, { location: where, hint });
  };
  for (const k of spec.uniqueKey) if (IDENT.test(k) && !have.has(k.toLowerCase())) missing('unique_key', k, 'set unique_key to a column the query selects');
  if (spec.updatedAt && IDENT.test(spec.updatedAt) && !have.has(spec.updatedAt.toLowerCase())) missing('updated_at', spec.updatedAt, 'set updated_at to the column holding when each row last changed');
  if (Array.isArray(spec.checkCols)) for (const c of spec.checkCols) if (!have.has(c.toLowerCase())) missing('check_cols entry', c, 'list only columns the query selects, or use check_cols=\'all\'');
}

export function planFor(spec: SnapshotSpec, queryCols: string[], targetCols: string[] | null): SnapshotPlan {
  const existing = new Set((targetCols ?? []).map((c) => c.toLowerCase()));
  const all = spec.checkCols === 'all';
  return {
    strategy: spec.strategy,
    uniqueKey: spec.uniqueKey,
    updatedAt: spec.updatedAt ?? SNAPSHOT_NOW,
    // dbt: with check_cols='all', compare the columns the table already has; a new column changes every row
    checkCols: all ? queryCols.filter((c) => existing.has(c.toLowerCase())) : (spec.checkCols as string[]),
    columnAdded: all && targetCols !== null && queryCols.some((c) => !existing.has(c.toLowerCase())),
    hardDeletes: spec.hardDeletes,
    columns: spec.columns,
    validToCurrent: spec.validToCurrent,
    now: SNAPSHOT_NOW,
  };
}

export const snapshotStrategy: Strategy = {
  name: 'snapshot',
  async run(ctx) {
    const { node } = ctx;
    const spec = snapshotSpec(node.name, node.config, { file: node.original_file_path });
    const target: Rel = { database: node.database, schema: node.schema, name: node.alias };
    const existing = ctx.relations.get(node.schema, node.alias);
    if (existing?.type === 'view') {
      throw new TsdbtError('R001', `snapshot '${node.name}' would write to ${node.schema}.${node.alias}, which is a view`, {
        location: { file: node.original_file_path },
        hint: 'drop the view or give the snapshot another name (alias / target_schema)',
      });
    }
    const sql = ctx.sql.trim().replace(/;\s*$/, '');
    const queryCols = (await describe(ctx, `select * from (\n${sql}\n) as q`)).map((c) => c.name);
    checkColumns(ctx, spec, queryCols);
    let rows = 0;
    if (!existing) {
      const plan = planFor(spec, queryCols, null);
      await inTransaction(ctx, async () => {
        rows = await exec(ctx, snapshotCreateSql(target, sql, plan));
      });
      ctx.relations.set({ ...target, type: 'table' });
      return { code: 'OK', rowsAffected: rows, message: 'snapshotted' };
    }
    const relSql = `${q(target.database)}.${q(target.schema)}.${q(target.name)}`;
    const targetCols = await describe(ctx, relSql);
    const plan = planFor(spec, queryCols, targetCols.map((c) => c.name));
    const staging = q(`${node.alias}__dbt_tmp`);
    await inTransaction(ctx, async () => {
      const have = new Set(targetCols.map((c) => c.name.toLowerCase()));
      if (plan.hardDeletes === 'new_record' && !have.has(plan.columns.dbt_is_deleted.toLowerCase())) {
        await exec(ctx, addColumnSql(target, plan.columns.dbt_is_deleted, 'varchar'));
        have.add(plan.columns.dbt_is_deleted.toLowerCase());
      }
      await exec(ctx, `create or replace temp table ${staging} as (\n${snapshotStagingSql(target, sql, plan)}\n)`);
      const stagingCols = (await describe(ctx, staging)).filter((c) => !isStagingOnly(c.name));
      for (const c of stagingCols) if (!have.has(c.name.toLowerCase())) await exec(ctx, addColumnSql(target, c.name, c.type));
      const [update, insert] = snapshotMergeSql(target, staging, plan, stagingCols.map((c) => c.name));
      await exec(ctx, update);
      rows = await exec(ctx, insert);
      await exec(ctx, `drop table if exists ${staging}`);
    });
    return { code: 'OK', rowsAffected: rows, message: 'snapshotted' };
  },
};
