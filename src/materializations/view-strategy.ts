// `view`: create or replace the view, in one statement (atomic by itself), or after dropping a table of
// the same name inside one transaction.
import type { Strategy } from './types.js';
import { viewSql } from './sql-builders.js';
import { exec, execAtomic, inTransaction } from './transaction.js';

export const viewStrategy: Strategy = {
  name: 'view',
  async run(ctx) {
    const { node } = ctx;
    const existing = ctx.relations.get(node.schema, node.alias)?.type ?? null;
    const statements = viewSql({ database: node.database, schema: node.schema, name: node.alias }, ctx.sql, existing);
    // `create or replace view` alone is atomic; dropping a table first needs the transaction
    if (statements.length === 1) await execAtomic(ctx, statements[0]!);
    else {
      await inTransaction(ctx, async () => {
        for (const s of statements) await exec(ctx, s);
      });
    }
    ctx.relations.set({ database: node.database, schema: node.schema, name: node.alias, type: 'view' });
    return { code: 'OK', rowsAffected: null, message: 'created sql view model' };
  },
};
