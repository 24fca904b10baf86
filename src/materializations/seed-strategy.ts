// Seeds: DuckDB's own CSV reader loads the file into a temporary table that is swapped in, so loading
// runs at DuckDB's speed and a bad file leaves the previous seed table in place.
import type { Strategy } from './types.js';
import { readCsvSql } from './sql-builders.js';
import { buildTable } from './table-strategy.js';
import { checkSeedFile } from '../reliability/seed-checks.js';

export const seedStrategy: Strategy = {
  name: 'seed',
  async run(ctx) {
    const { node } = ctx;
    const path = String(node.abs_path);
    checkSeedFile(path, node.original_file_path);
    const select = readCsvSql(path, { delimiter: node.config.delimiter ?? null, columnTypes: node.config.column_types });
    const rows = await buildTable({ ...ctx, sql: select });
    return { code: `INSERT ${rows}`, rowsAffected: rows, message: 'loaded seed file' };
  },
};
