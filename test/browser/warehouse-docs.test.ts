// The docs site of the repo's own e-commerce warehouse, as a user gets it: `tsdbt build` and
// `tsdbt docs generate` run in-process on a temp copy, the database is then moved away, `docs serve`'s API
// serves target/, and Chromium searches, opens fct_orders, walks its lineage and its column lineage.
import { cpSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite } from '../../src/api/docs.js';
import type { DocsServer } from '../../src/docs/index.js';
import { cli } from '../helpers/project.js';
import { tempDir } from '../helpers/temp-dir.js';
import { launchChromium } from './browser.js';

const REPO = resolve(import.meta.dirname, '../..');
const PARTS = ['models', 'macros', 'seeds', 'tests', 'snapshots', 'project.yml', 'profiles.yml', 'data/sample'];
const M = 'model.shop_warehouse.';

let dir: string;
let browser: Browser;
let server: DocsServer;
let page: Page;
let errors: string[] = [];
let manifest: { parent_map: Record<string, string[]>; child_map: Record<string, string[]> };

beforeAll(async () => {
  dir = tempDir('tsdbt-docs-warehouse-');
  for (const p of PARTS) cpSync(join(REPO, p), join(dir, p), { recursive: true });
  const built = await cli(dir, ['build']);
  expect(built.code, built.output).toBe(0);
  const docs = await cli(dir, ['docs', 'generate']);
  expect(docs.code, docs.output).toBe(0);
  manifest = JSON.parse(readFileSync(join(dir, 'target', 'manifest.json'), 'utf8'));
  // serving and browsing must need nothing but the generated files
  renameSync(join(dir, 'target', 'warehouse.duckdb'), join(dir, 'moved-away.duckdb'));
  server = await serveSite({ projectDir: dir, port: 0 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => errors.push(String(e)));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(hash = '') {
  errors = [];
  await page.goto(server.url + hash);
  await page.waitForSelector('#main article');
}

const chips = (column: string) =>
  page.locator(`[data-testid=column-row][data-column=${column}] [data-testid=test-chip]`).evaluateAll((cs) => cs.map((c) => `${c.getAttribute('data-test')}:${c.getAttribute('data-status')}`));

describe('docs of the repo warehouse (build + docs generate + serve)', () => {
  it('opens on the project overview of the metric dictionary (the __overview__ doc block)', async () => {
    await open();
    const overview = page.getByTestId('project-overview');
    expect(await overview.locator('h1').textContent()).toContain('the e-commerce analytics warehouse');
    expect(await overview.textContent()).toContain('safe division');
    expect(errors).toEqual([]);
  });

  it('finds fct_orders by search and shows its columns with types and their tests', async () => {
    await open();
    await page.keyboard.press('/');
    await page.keyboard.type('fct_orders');
    await expect.poll(() => page.getByTestId('search-result').first().getAttribute('data-id')).toBe(`${M}fct_orders`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('node-title').textContent()).toContain('fct_orders');
    // the select list of models/facts/fct_orders.sql, in order
    expect(await page.getByTestId('column-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-column')))).toEqual([
      'order_id', 'user_id', 'session_id', 'ordered_at', 'order_date', 'primary_product_id', 'items_purchased', 'revenue_usd', 'cogs_usd',
      'margin_usd', 'refund_usd', 'net_revenue_usd', 'refunded_items', 'customer_order_number', 'is_repeat_order', 'channel_group',
      'device_type', 'campaign_key', 'landing_page',
    ]);
    // decimal(12,2) - decimal(12,2) widens by one digit in DuckDB
    expect(await page.locator('[data-testid=column-row][data-column=margin_usd] [data-testid=column-type]').textContent()).toBe('DECIMAL(13,2)');
    expect(await chips('order_id')).toEqual(['unique:pass', 'not_null:pass']);
    expect(await chips('user_id')).toEqual(['not_null:pass', 'relationships:pass']);
    expect(await chips('channel_group')).toEqual(['accepted_values:pass']);
    expect(await page.getByTestId('description').textContent()).toContain('Grain: one row per order.');
    expect(await page.getByTestId('last-run').textContent()).toContain('success');
    expect(errors).toEqual([]);
  });

  it('shows fct_orders two generations up and down and clicks through to a parent', async () => {
    await open(`#/node/${M}fct_orders`);
    await page.getByTestId('open-lineage').click();
    const nodes = page.locator('[data-testid=lineage-svg] [data-testid=graph-node]');
    // the expected neighbourhood, from manifest.json's parent/child maps (tests are not graph nodes)
    const graphable = (id: string) => /^(model|seed|snapshot|source)\./.test(id);
    const walk = (from: string[], map: Record<string, string[]>) => from.flatMap((id) => (map[id] ?? []).filter(graphable));
    const up1 = walk([`${M}fct_orders`], manifest.parent_map);
    const down1 = walk([`${M}fct_orders`], manifest.child_map);
    const expected = [...new Set([`${M}fct_orders`, ...up1, ...walk(up1, manifest.parent_map), ...down1, ...walk(down1, manifest.child_map)])].sort();
    expect(up1.sort()).toEqual([`${M}fct_order_items`, `${M}int_sessions__enriched`, `${M}stg_shop__orders`]);
    await expect.poll(async () => (await nodes.evaluateAll((ns) => ns.map((n) => n.getAttribute('data-id')))).sort()).toEqual(expected);
    expect(await page.locator('[data-testid=graph-node].focus').getAttribute('data-id')).toBe(`${M}fct_orders`);
    await page.locator(`[data-testid=graph-node][data-id="${M}stg_shop__orders"]`).click();
    await expect.poll(() => page.getByTestId('node-title').textContent()).toContain('stg_shop__orders');
    expect(await page.getByTestId('parents').textContent()).toContain('shop.orders');
    expect(errors).toEqual([]);
  });

  it('traces margin_usd and net_revenue_usd through staging down to the raw source columns', async () => {
    await open(`#/node/${M}fct_orders`);
    const row = (c: string) => page.locator(`[data-testid=column-lineage-row][data-column=${c}]`);
    // margin_usd = o.revenue_usd - o.cogs_usd, where stg_shop__orders casts shop.orders.price_usd / cogs_usd
    expect(await row('margin_usd').locator('.badge').textContent()).toBe('derived');
    expect(await row('margin_usd').getByTestId('upstream').textContent()).toBe('stg_shop__orders.cogs_usd, stg_shop__orders.revenue_usd');
    expect(await row('margin_usd').getByTestId('origins').textContent()).toBe('shop.orders.cogs_usd, shop.orders.price_usd');
    // net_revenue_usd = revenue_usd - sum of fct_order_items.refund_usd, itself stg refunds' refund_amount_usd
    expect(await row('net_revenue_usd').getByTestId('upstream').textContent()).toBe('fct_order_items.refund_usd, stg_shop__orders.revenue_usd');
    expect(await row('net_revenue_usd').getByTestId('origins').textContent()).toBe('shop.order_item_refunds.refund_amount_usd, shop.orders.price_usd');
    expect(await row('order_id').locator('.badge').textContent()).toBe('direct');
    await row('margin_usd').locator('td').first().locator('a').click();
    const graphNodes = page.locator('[data-testid=column-graph] [data-testid=graph-node]');
    await expect.poll(() => graphNodes.count()).toBeGreaterThanOrEqual(5);
    const titles = await graphNodes.evaluateAll((ns) => ns.map((n) => n.querySelector('title')!.textContent));
    expect(titles).toEqual(expect.arrayContaining([
      `${M}fct_orders.margin_usd`, `${M}stg_shop__orders.revenue_usd`, `${M}stg_shop__orders.cogs_usd`,
      'source.shop_warehouse.shop.orders.price_usd', 'source.shop_warehouse.shop.orders.cogs_usd',
    ]));
    expect(errors).toEqual([]);
  });

  it('draws the whole warehouse on the overview canvas with ELK and focuses a clicked model', async () => {
    await open('#/graph');
    const view = () => page.evaluate(() => {
      const v = (window as unknown as { TsdbtDocs: { overviewView: { engine: string; count: number; toScreen(id: string): [number, number] } } }).TsdbtDocs.overviewView;
      return { engine: v.engine, count: v.count, at: v.toScreen('model.shop_warehouse.fct_orders') };
    });
    const v = await view();
    expect(v.engine).toBe('elk');
    expect(v.count).toBe(Object.keys(manifest.parent_map).filter((id) => /^(model|seed|snapshot|source)\./.test(id)).length);
    const box = (await page.getByTestId('overview-canvas').boundingBox())!;
    await page.mouse.click(box.x + v.at[0], box.y + v.at[1]);
    await expect.poll(() => page.locator('[data-testid=graph-node].focus').getAttribute('data-id')).toBe(`${M}fct_orders`);
    expect(errors).toEqual([]);
  });

  it('traces most model columns, every staging column down to a raw source file', () => {
    const js = readFileSync(join(dir, 'target', 'docs-assets', 'data.js'), 'utf8');
    const data = JSON.parse(js.slice(js.indexOf('{'), js.lastIndexOf('}') + 1)) as { lineage: Record<string, { columns: { name: string; kind: string; upstream: { relation: string }[] }[] }> };
    const all = Object.values(data.lineage).flatMap((l) => l.columns);
    const traced = all.filter((c) => c.upstream.length > 0).length;
    // count(*) metrics derive from the rows they count; what remains untraced is literals
    const unresolved = all.filter((c) => c.kind === 'unresolved').map((c) => c.name);
    expect(traced / all.length, `unresolved: ${unresolved.join(', ')}`).toBeGreaterThan(0.95);
    const summary = data.lineage[`${M}mart_daily_channel_summary`].columns;
    const conversion = summary.find((c) => c.name === 'conversion_rate')!;
    expect(conversion.kind).toBe('derived');
    expect(conversion.upstream.length).toBeGreaterThan(0);
    for (const [id, l] of Object.entries(data.lineage)) {
      if (!id.startsWith(`${M}stg_`)) continue;
      for (const c of l.columns) {
        const kinds = [...new Set(c.upstream.map((u) => u.relation.split('.')[0]))];
        expect(kinds, `${id}.${c.name}`).toEqual(['source']);
      }
    }
  });
});
