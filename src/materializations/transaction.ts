// Runs a materialization's statements with its hooks inside one transaction: pre-hooks, the work,
// post-hooks, commit; on any error, rollback, so the previous relation stays as it was.
import type { MaterializeContext } from './types.js';

export async function exec(ctx: MaterializeContext, sql: string): Promise<number> {
  ctx.executed.push(sql);
  return ctx.conn.run(sql);
}

export async function inTransaction<T>(ctx: MaterializeContext, work: () => Promise<T>): Promise<T> {
  for (const h of ctx.preHooks) if (!h.transaction) await exec(ctx, h.sql);
  await exec(ctx, 'begin transaction');
  let result: T;
  try {
    for (const h of ctx.preHooks) if (h.transaction) await exec(ctx, h.sql);
    result = await work();
    for (const h of ctx.postHooks) if (h.transaction) await exec(ctx, h.sql);
    await exec(ctx, 'commit');
  } catch (e) {
    try {
      await ctx.conn.run('rollback');
      ctx.executed.push('rollback');
    } catch {
      // the transaction may already be aborted and gone; nothing more to undo
    }
    throw e;
  }
  for (const h of ctx.postHooks) if (!h.transaction) await exec(ctx, h.sql);
  return result;
}

/**
 * One statement, atomic by itself: run without begin/commit around it (two round trips and a commit
 * of their own), unless a hook has to run inside the same transaction.
 */
export async function execAtomic(ctx: MaterializeContext, sql: string): Promise<number> {
  if (ctx.preHooks.some((h) => h.transaction) || ctx.postHooks.some((h) => h.transaction)) return inTransaction(ctx, () => exec(ctx, sql));
  for (const h of ctx.preHooks) await exec(ctx, h.sql);
  const rows = await exec(ctx, sql);
  for (const h of ctx.postHooks) await exec(ctx, h.sql);
  return rows;
}
