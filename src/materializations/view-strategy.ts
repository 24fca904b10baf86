// `view`: create or replace the view, in one statement (atomic by itself), or after dropping a table of
// the same name inside one transaction.
import type { Strategy } from './types.js';
import { viewSql } from './sql-builders.js';
import { atomically } from './transaction.js';

export const viewStrategy: Strategy = {
  name: 'view',
  async run(ctx) {
    const { node } = ctx;
    const existing = ctx.relations.get(node.schema, node.alias)?.type ?? null;
    const statements = viewSql({ database: node.database, schema: node.schema, name: node.alias }, ctx.sql, existing);
    await atomically(ctx, statements);
    ctx.relations.set({ database: node.database, schema: node.schema, name: node.alias, type: 'view' });
    return { code: 'OK', rowsAffected: null, message: 'created sql view model' };
  },
};
