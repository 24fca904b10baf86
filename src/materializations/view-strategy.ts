// `view`: create or replace the view in one transaction (dropping a table of the same name first).
import type { Strategy } from './types.js';
import { viewSql } from './sql-builders.js';
import { exec, inTransaction } from './transaction.js';

export const viewStrategy: Strategy = {
  name: 'view',
  async run(ctx) {
    const { node } = ctx;
    const existing = ctx.relations.get(node.schema, node.alias)?.type ?? null;
    const statements = viewSql({ database: node.database, schema: node.schema, name: node.alias }, ctx.sql, existing);
    await inTransaction(ctx, async () => {
      for (const s of statements) await exec(ctx, s);
    });
    ctx.relations.set({ database: node.database, schema: node.schema, name: node.alias, type: 'view' });
    return { code: 'OK', rowsAffected: null, message: 'created sql view model' };
  },
};
