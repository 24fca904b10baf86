// Where the warehouse reads its raw files from: var raw_path redirects every source, and a missing or
// wrongly laid-out file stops the command in the on-run-start hook, before anything is built (whatever
// the selection), naming the file and the expected columns.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, build, copyWarehouse, csv, query, warehouseDb } from './warehouse-project.js';
import { tableDigests } from './table-digest.js';

/** Every table and view of the warehouse file (none when the file was never created). */
async function relations(dir: string): Promise<string[]> {
  if (!existsSync(warehouseDb(dir))) return [];
  const rows = await query("select table_schema || '.' || table_name as t from information_schema.tables order by 1", warehouseDb(dir));
  return rows.map((r) => String(r.t));
}

const ORDER_ITEMS_COLUMNS = 'order_item_id, created_at, order_id, product_id, is_primary_item, price_usd, cogs_usd';

describe('warehouse raw inputs', () => {
  it('var raw_path points every source at another folder', async () => {
    const dir = copyWarehouse(false);
    cpSync(join(REPO, 'data/sample'), join(dir, 'elsewhere'), { recursive: true });
    const r = await build(dir, ['--vars', '{raw_path: elsewhere}']);
    expect(r.output).toMatch(/Completed successfully/);
    // there is no data/sample in this copy: the staging views read the files of the other folder
    const compiled = readFileSync(join(dir, 'target/compiled/shop_warehouse/models/staging/stg_shop__orders.sql'), 'utf8');
    expect(compiled).toContain(join(dir, 'elsewhere', 'orders.csv'));
    const [raw] = await query(`select count(*) as n from ${csv(dir, 'orders', 'elsewhere')}`);
    const [built] = await query('select count(*) as n from fct_orders', warehouseDb(dir));
    expect(Number(built.n)).toBe(Number(raw.n));
  }, 120_000);

  it('a missing file stops the build before anything (seeds included) is built, naming the file and the expected columns', async () => {
    const dir = copyWarehouse();
    rmSync(join(dir, 'data/sample/orders.csv'));
    const r = await build(dir);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(join(dir, 'data/sample/orders.csv'));
    expect(r.output).toContain('is missing; expected columns: order_id, created_at, website_session_id, user_id, primary_product_id, items_purchased, price_usd, cogs_usd');
    expect(r.output).not.toMatch(/ START /);
    expect(await relations(dir)).toEqual([]);
  }, 120_000);

  it('a file with the wrong header is reported with the columns expected and found', async () => {
    const dir = copyWarehouse();
    writeFileSync(join(dir, 'data/sample/products.csv'), 'id,launched,name\n1,2024-01-01,Bear\n');
    const r = await build(dir);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('products.csv (source shop.products) lacks product_id, created_at, product_name; expected columns: product_id, created_at, product_name; found: id, launched, name');
    expect(await relations(dir)).toEqual([]);
  }, 120_000);

  it('with a selection, a renamed column fails with the file and its expected columns and leaves every table as it was', async () => {
    const dir = copyWarehouse();
    const first = await build(dir);
    expect(first.code, first.output).toBe(0);
    const tablesBefore = await relations(dir);
    const digestsBefore = await tableDigests(warehouseDb(dir));
    // the same files in another folder, with price_usd of order_items.csv renamed
    cpSync(join(dir, 'data/sample'), join(dir, 'bad'), { recursive: true });
    const items = join(dir, 'bad', 'order_items.csv');
    const [header, ...rest] = readFileSync(items, 'utf8').split('\n');
    writeFileSync(items, [header.replace('price_usd', 'unit_price'), ...rest].join('\n'));

    const r = await build(dir, ['--vars', '{raw_path: bad}', '--select', 'stg_shop__order_items+']);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(`${items} (source shop.order_items) lacks price_usd; expected columns: ${ORDER_ITEMS_COLUMNS}; found: order_item_id, created_at, order_id, product_id, is_primary_item, unit_price, cogs_usd`);
    expect(r.output).not.toMatch(/Binder Error/);
    expect(r.output).not.toMatch(/ START /);
    expect(await relations(dir)).toEqual(tablesBefore);
    expect(await tableDigests(warehouseDb(dir))).toEqual(digestsBefore);
  }, 120_000);
});
