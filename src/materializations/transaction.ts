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
 * Statements that take effect together, with the hooks; returns the rows the first one changed. One
 * statement is atomic by itself and runs without begin/commit (two round trips and a commit of their
 * own), unless a hook has to run inside its transaction; several run inside one transaction.
 */
export async function atomically(ctx: MaterializeContext, statements: string[]): Promise<number> {
  const run = async () => {
    let rows = 0;
    for (const [i, sql] of statements.entries()) {
      const n = await exec(ctx, sql);
      if (i === 0) rows = n;
    }
    return rows;
  };
  if (statements.length > 1 || ctx.preHooks.some((h) => h.transaction) || ctx.postHooks.some((h) => h.transaction)) return inTransaction(ctx, run);
  for (const h of ctx.preHooks) await exec(ctx, h.sql);
  const rows = await run();
  for (const h of ctx.postHooks) await exec(ctx, h.sql);
  return rows;
}
