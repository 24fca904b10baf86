// Seeds: project-level column_types for columns only some seeds have; quote_columns.
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeFiles, writeProject, DEFAULT_PROJECT } from '../helpers/project.js';

describe('seeds', () => {
  it('project-level column_types for a column only one seed has', async () => {
    const dir = writeProject({
      'project.yml': `${DEFAULT_PROJECT}seeds:\n  shop:\n    +column_types:\n      amount: decimal(10,2)\n`,
      'seeds/with_amount.csv': 'id,amount\n1,10.5\n',
      'seeds/without.csv': 'id,name\n1,ann\n',
      // DuckDB sniffs the delimiter: the override still finds the column
      'seeds/semi.csv': 'id;amount\n1;2.5\n',
    });
    const r = await cli(dir, ['seed']);
    expect(r.output).not.toContain('error[');
    expect(r.code).toBe(0);
    const types = await queryDb(dir, "select table_name, column_name, data_type from information_schema.columns where column_name in ('amount', 'name') order by 1");
    expect(types).toEqual([
      { table_name: 'semi', column_name: 'amount', data_type: 'DECIMAL(10,2)' },
      { table_name: 'with_amount', column_name: 'amount', data_type: 'DECIMAL(10,2)' },
      { table_name: 'without', column_name: 'name', data_type: 'VARCHAR' },
    ]);
  });

  it('quote_columns: quoted (the default) keeps names as written; false sends them unquoted', async () => {
    const csv = 'OrderID,Total Amount\n1,10\n';
    const dir = writeProject({ 'seeds/orders.csv': csv });
    expect((await cli(dir, ['seed'])).code).toBe(0);
    expect(await queryDb(dir, "select column_name from information_schema.columns where table_name = 'orders' order by ordinal_position")).toEqual([
      { column_name: 'OrderID' }, { column_name: 'Total Amount' },
    ]);
    // unquoted, a name with a space cannot be a column: refused naming the seed and the column
    writeFiles(dir, { 'seeds/schema.yml': 'seeds:\n  - name: orders\n    config:\n      quote_columns: false\n' });
    const bad = await cli(dir, ['seed']);
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/seeds\/orders\.csv(:1)?: error\[R001\]: .*'Total Amount'.*quote_columns/);
    // unquoted names go through DuckDB's identifier rules (here: case folded)
    const profiles = 'shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n      schema: main\n      settings:\n        preserve_identifier_case: false\n';
    writeFiles(dir, { 'seeds/orders.csv': 'OrderID,Amount\n1,10\n', 'profiles.yml': profiles });
    expect((await cli(dir, ['seed'])).code).toBe(0);
    expect(await queryDb(dir, "select column_name from information_schema.columns where table_name = 'orders' order by ordinal_position")).toEqual([
      { column_name: 'orderid' }, { column_name: 'amount' },
    ]);
    writeFiles(dir, { 'seeds/schema.yml': 'seeds:\n  - name: orders\n    config:\n      quote_columns: true\n' });
    expect((await cli(dir, ['seed'])).code).toBe(0);
    expect(await queryDb(dir, "select column_name from information_schema.columns where table_name = 'orders' order by ordinal_position")).toEqual([
      { column_name: 'OrderID' }, { column_name: 'Amount' },
    ]);
  });
});
