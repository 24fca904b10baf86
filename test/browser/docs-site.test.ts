// The docs site as a user drives it in Chromium: search, node page with columns and tests, lineage graph
// with click-through to a parent, column lineage of a derived column, file:// use, and the server's limits.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsGenerate, serveDocs, type DocsServer } from '../../src/docs/index.js';
import { launchChromium } from './browser.js';
import { buildFixture } from './fixture.js';

let browser: Browser;
let server: DocsServer;
let page: Page;
let target: string;
let errors: string[] = [];

beforeAll(async () => {
  const fx = await buildFixture();
  target = join(fx.dir, 'target');
  await docsGenerate({ conn: fx.conn, manifest: fx.manifest, runResults: fx.runResults, targetDir: target, previewRows: 5 });
  fx.close(); // browsing must not need the database
  server = await serveDocs(target, { port: 0 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => errors.push(String(e)));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(hash = '') {
  errors = [];
  await page.goto(server.url + hash);
  await page.waitForSelector('#main article');
}

describe('docs site', () => {
  it('finds a model by search and shows its columns, types, tests and doc-block description', async () => {
    await open();
    await page.keyboard.press('/');
    await page.keyboard.type('fct_ord');
    const first = page.getByTestId('search-result').first();
    await expect.poll(() => first.getAttribute('data-id')).toBe('model.shop.fct_orders');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('node-title').textContent()).toContain('fct_orders');
    const rows = page.getByTestId('column-row');
    expect(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-column')))).toEqual(['order_id', 'full_name', 'amount_usd', 'status']);
    expect(await page.locator('[data-testid=column-row][data-column=amount_usd] [data-testid=column-type]').textContent()).toMatch(/^DECIMAL|DOUBLE/);
    const orderTests = page.locator('[data-testid=column-row][data-column=order_id] [data-testid=test-chip]');
    expect(await orderTests.evaluateAll((cs) => cs.map((c) => `${c.getAttribute('data-test')}:${c.getAttribute('data-status')}`))).toEqual(['unique:pass', 'not_null:pass']);
    expect(await page.locator('[data-testid=column-row][data-column=status] [data-testid=test-chip]').getAttribute('data-status')).toBe('fail');
    expect(await page.getByTestId('description').innerHTML()).toContain('<strong>customer name</strong>');
    expect(await page.getByTestId('last-run').textContent()).toContain('success');
    expect(await page.getByTestId('compiled-sql').innerHTML()).toContain('<span class="tok-keyword">select</span>');
    expect(await page.getByTestId('preview').locator('tbody tr').count()).toBe(5);
    expect(errors).toEqual([]);
  });

  it('opens the lineage graph and clicks through to a parent', async () => {
    await open('#/node/model.shop.fct_orders');
    await page.getByTestId('open-lineage').click();
    const nodes = page.locator('[data-testid=lineage-svg] [data-testid=graph-node]');
    await expect.poll(() => nodes.count()).toBe(6);
    const ids = await nodes.evaluateAll((ns) => ns.map((n) => n.getAttribute('data-id')).sort());
    expect(ids).toEqual(['model.shop.dim_planned', 'model.shop.fct_orders', 'model.shop.stg_customers', 'model.shop.stg_orders', 'source.shop.raw.customers', 'source.shop.raw.orders']);
    await page.locator('[data-testid=graph-node][data-id="model.shop.stg_orders"]').click();
    await expect.poll(() => page.getByTestId('node-title').textContent()).toContain('stg_orders');
    expect(await page.getByTestId('parents').textContent()).toContain('raw.orders');
    expect(errors).toEqual([]);
  });

  it('shows the column lineage of a derived column down to its source', async () => {
    await open('#/node/model.shop.fct_orders');
    const row = page.locator('[data-testid=column-lineage-row][data-column=amount_usd]');
    expect(await row.locator('.badge').textContent()).toBe('derived');
    expect(await row.getByTestId('upstream').textContent()).toBe('stg_orders.amount_cents');
    expect(await row.getByTestId('origins').textContent()).toBe('raw.orders.amount_cents');
    const key = page.locator('[data-testid=column-lineage-row][data-column=full_name]');
    expect(await key.getByTestId('origins').textContent()).toBe('raw.customers.first_name, raw.customers.last_name');
    await row.locator('td').first().locator('a').click();
    const graphNodes = page.locator('[data-testid=column-graph] [data-testid=graph-node]');
    await expect.poll(() => graphNodes.count()).toBe(3);
    const titles = await graphNodes.evaluateAll((ns) => ns.map((n) => n.querySelector('title')!.textContent).sort());
    expect(titles).toEqual(['model.shop.fct_orders.amount_usd', 'model.shop.stg_orders.amount_cents', 'source.shop.raw.orders.amount_cents']);
  });

  it('marks models that are not built yet and shows their YAML columns', async () => {
    await open('#/node/model.shop.dim_planned');
    expect(await page.getByTestId('not-built').isVisible()).toBe(true);
    expect(await page.getByTestId('column-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-column')))).toEqual(['order_id']);
  });

  it('searches columns and descriptions, and opens the column page', async () => {
    await open();
    await page.fill('#search', 'dollars');
    const hits = await page.getByTestId('search-result').evaluateAll((rs) => rs.map((r) => `${r.getAttribute('data-id')}|${r.getAttribute('data-column') ?? ''}`));
    expect(hits).toContain('model.shop.fct_orders|amount_usd');
    expect(hits).toContain('macro.shop.cents_to_dollars|');
  });

  it('draws the whole-project overview on a canvas and focuses a clicked node', async () => {
    await open('#/graph');
    const canvas = page.getByTestId('overview-canvas');
    const box = (await canvas.boundingBox())!;
    const at = await page.evaluate(() => (window as unknown as { TsdbtDocs: { overviewView: { toScreen(id: string): [number, number] } } }).TsdbtDocs.overviewView.toScreen('model.shop.stg_orders'));
    await page.mouse.click(box.x + at[0], box.y + at[1]);
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toBe('#/lineage/model.shop.stg_orders?colour=layer');
    await expect.poll(() => page.locator('[data-testid=graph-node].focus').getAttribute('data-id')).toBe('model.shop.stg_orders');
    expect(errors).toEqual([]);
  });

  it('works when opened from the file system', async () => {
    const file = await browser.newPage();
    const errs: string[] = [];
    file.on('pageerror', (e) => errs.push(String(e)));
    await file.goto(pathToFileURL(join(target, 'index.html')).href + '#/node/model.shop.stg_orders');
    await expect.poll(() => file.getByTestId('node-title').textContent()).toContain('stg_orders');
    expect(errs).toEqual([]);
    await file.close();
  });

  it('writes a dbt-shaped catalog.json', async () => {
    const catalog = JSON.parse(await readFile(join(target, 'catalog.json'), 'utf8'));
    expect(catalog.metadata.dbt_schema_version).toBe('https://schemas.getdbt.com/dbt/catalog/v1.json');
    expect(catalog.nodes['model.shop.fct_orders'].metadata).toMatchObject({ type: 'BASE TABLE', schema: 'main', name: 'fct_orders', database: 'shop' });
    expect(catalog.nodes['model.shop.fct_orders'].stats.row_count.value).toBe(20);
    expect(catalog.nodes['model.shop.stg_orders'].metadata.type).toBe('VIEW');
    expect(catalog.sources['source.shop.raw.orders'].columns.amount_cents).toEqual({ type: 'INTEGER', index: 3, name: 'amount_cents', comment: null });
    expect(catalog.nodes['model.shop.dim_planned']).toBeUndefined();
  });
});
