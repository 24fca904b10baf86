// `table`: build under a temporary name and swap it in inside one transaction.
import type { Strategy, MaterializeContext } from './types.js';
import { tableSwapSql } from './sql-builders.js';
import { exec, inTransaction } from './transaction.js';

export async function buildTable(ctx: MaterializeContext): Promise<number> {
  const { node } = ctx;
  const target = { database: node.database, schema: node.schema, name: node.alias };
  const existing = ctx.relations.get(node.schema, node.alias)?.type ?? null;
  const [create, ...swap] = tableSwapSql(target, ctx.sql, existing);
  let rows = 0;
  await inTransaction(ctx, async () => {
    rows = await exec(ctx, create);
    for (const s of swap) await exec(ctx, s);
  });
  ctx.relations.set({ database: node.database, schema: node.schema, name: node.alias, type: 'table' });
  return rows;
}

export const tableStrategy: Strategy = {
  name: 'table',
  async run(ctx) {
    const rows = await buildTable(ctx);
    return { code: 'OK', rowsAffected: rows, message: 'created sql table model' };
  },
};
