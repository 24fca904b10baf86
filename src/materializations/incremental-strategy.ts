// `incremental`: first run (or --full-refresh) builds the table; later runs stage the new rows in a
// temporary table and append / delete+insert / merge them, handling on_schema_change, in one transaction.
import type { Strategy, MaterializeContext } from './types.js';
import type { ColumnMeta } from '../adapters/adapter.js';
import { buildTable } from './table-strategy.js';
import { addColumnSql, alterColumnTypeSql, deleteInsertSql, dropColumnSql, insertSql, mergeSql, q, rel } from './sql-builders.js';
import { exec, inTransaction } from './transaction.js';
import { TsdbtError } from '../errors/tsdbt-error.js';

async function describe(ctx: MaterializeContext, relation: string): Promise<ColumnMeta[]> {
  const r = await ctx.conn.query(`describe ${relation}`);
  return r.rows.map((row) => ({ name: String(row[0]), type: String(row[1]) }));
}

/** Apply on_schema_change; returns the columns to insert. */
async function syncSchema(ctx: MaterializeContext, target: { database: string; schema: string; name: string }, tmp: string): Promise<string[]> {
  const mode = String(ctx.node.config.on_schema_change ?? 'ignore');
  const src = await describe(ctx, tmp);
  const dst = await describe(ctx, rel(target));
  const dstNames = new Map(dst.map((c) => [c.name.toLowerCase(), c]));
  const srcNames = new Set(src.map((c) => c.name.toLowerCase()));
  const added = src.filter((c) => !dstNames.has(c.name.toLowerCase()));
  const removed = dst.filter((c) => !srcNames.has(c.name.toLowerCase()));
  const retyped = src.filter((c) => dstNames.has(c.name.toLowerCase()) && dstNames.get(c.name.toLowerCase())!.type !== c.type);
  const changed = added.length + removed.length + retyped.length > 0;
  if (!changed || mode === 'ignore') return src.filter((c) => dstNames.has(c.name.toLowerCase())).map((c) => c.name);
  if (mode === 'fail') {
    throw new TsdbtError('R001', `the columns of ${ctx.node.name} changed (added: ${added.map((c) => c.name).join(', ') || 'none'}; removed: ${removed.map((c) => c.name).join(', ') || 'none'}; retyped: ${retyped.map((c) => c.name).join(', ') || 'none'}) and on_schema_change is 'fail'`, {
      location: { file: ctx.node.original_file_path },
      hint: 'run with --full-refresh to rebuild it, or set on_schema_change to append_new_columns or sync_all_columns',
    });
  }
  for (const c of added) await exec(ctx, addColumnSql(target, c.name, c.type));
  if (mode === 'sync_all_columns') {
    for (const c of removed) await exec(ctx, dropColumnSql(target, c.name));
    for (const c of retyped) await exec(ctx, alterColumnTypeSql(target, c.name, c.type));
    return src.map((c) => c.name);
  }
  return src.filter((c) => dstNames.has(c.name.toLowerCase()) || added.includes(c)).map((c) => c.name);
}

export const incrementalStrategy: Strategy = {
  name: 'incremental',
  async run(ctx) {
    const { node } = ctx;
    const existing = ctx.relations.get(node.schema, node.alias)?.type ?? null;
    const full = ctx.fullRefresh || node.config.full_refresh === true;
    if (!existing || existing === 'view' || full) {
      const rows = await buildTable(ctx);
      return { code: 'OK', rowsAffected: rows, message: 'created sql incremental model' };
    }
    const target = { database: node.database, schema: node.schema, name: node.alias };
    const tmp = `temp.main.${q(`${node.alias}__tsdbt_incr`)}`;
    const uniqueKey = node.config.unique_key ?? null;
    const strategy = String(node.config.incremental_strategy ?? (uniqueKey ? 'delete+insert' : 'append'));
    if (!['append', 'delete+insert', 'merge'].includes(strategy)) {
      throw new TsdbtError('P006', `unknown incremental_strategy '${strategy}'`, { location: { file: node.original_file_path }, hint: 'use append, delete+insert or merge' });
    }
    if (strategy !== 'append' && !uniqueKey) {
      throw new TsdbtError('P006', `incremental_strategy '${strategy}' needs a unique_key`, { location: { file: node.original_file_path }, hint: "add unique_key='id' to the model's config" });
    }
    let rows = 0;
    await inTransaction(ctx, async () => {
      await exec(ctx, `create or replace temp table ${q(`${node.alias}__tsdbt_incr`)} as (\n${ctx.sql}\n)`);
      const columns = await syncSchema(ctx, target, tmp);
      if (strategy === 'append') rows = await exec(ctx, insertSql(target, tmp, columns));
      else if (strategy === 'merge') rows = await exec(ctx, mergeSql(target, tmp, uniqueKey!, columns));
      else {
        const [del, ins] = deleteInsertSql(target, tmp, uniqueKey!, columns);
        await exec(ctx, del);
        rows = await exec(ctx, ins);
      }
      await exec(ctx, `drop table if exists ${tmp}`);
    });
    return { code: 'OK', rowsAffected: rows, message: 'created sql incremental model' };
  },
};
