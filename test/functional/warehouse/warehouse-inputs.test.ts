// Where the warehouse reads its raw files from: var raw_path redirects every source, and a missing or
// wrongly laid-out file stops the build before any model reads raw data, naming the file and columns.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, build, copyWarehouse, query, warehouseDb } from './warehouse-project.js';

describe('warehouse raw inputs', () => {
  it('var raw_path points every source at another folder', async () => {
    const dir = copyWarehouse(false);
    cpSync(join(REPO, 'data/sample'), join(dir, 'elsewhere'), { recursive: true });
    const r = await build(dir, ['--vars', '{raw_path: elsewhere}']);
    expect(r.output).toMatch(/Completed successfully/);
    const [row] = await query("select count(*) as n from raw_file_check where file_path like '%/elsewhere/%'", warehouseDb(dir));
    expect(Number(row.n)).toBe(10);
  }, 120_000);

  it('a missing file fails the gate, naming the file and the expected columns, and nothing downstream is built', async () => {
    const dir = copyWarehouse();
    rmSync(join(dir, 'data/sample/orders.csv'));
    const r = await build(dir);
    expect(r.code).toBe(1);
    expect(r.output).toContain(join(dir, 'data/sample/orders.csv'));
    expect(r.output).toContain('is missing; expected columns: order_id, created_at, website_session_id, user_id, primary_product_id, items_purchased, price_usd, cogs_usd');
    const built = await query("select table_name from information_schema.tables where table_name like 'stg_%' or table_name like 'fct_%' or table_name like 'mart_%'", warehouseDb(dir));
    expect(built).toEqual([]);
  }, 120_000);

  it('a file with the wrong header is reported with the columns expected and found', async () => {
    const dir = copyWarehouse();
    writeFileSync(join(dir, 'data/sample/products.csv'), 'id,launched,name\n1,2024-01-01,Bear\n');
    const r = await build(dir);
    expect(r.code).toBe(1);
    expect(r.output).toContain('products.csv (source shop.products) lacks product_id, created_at, product_name; expected columns: product_id, created_at, product_name; found: id, launched, name');
  }, 120_000);
});
