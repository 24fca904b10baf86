// Responsiveness at 10,000 nodes: generating the site, loading it, searching, focusing lineage and drawing
// the whole-project overview must each stay interactive (seconds, not minutes) in headless Chromium.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDocs } from '../../src/docs/index.js';
import { launchChromium } from './browser.js';
import { syntheticManifest } from './synthetic.js';

let browser: Browser;
let page: Page;
let url: string;
let generateMs = 0;
const errors: string[] = [];

beforeAll(async () => {
  const manifest = syntheticManifest();
  const dir = await mkdtemp(join(tmpdir(), 'tsdbt-docs-big-'));
  const catalog = { metadata: { dbt_schema_version: '', dbt_version: '', generated_at: '', invocation_id: '', env: {} }, nodes: {}, sources: {}, errors: null };
  const t = Date.now();
  url = pathToFileURL(await generateDocs({ targetDir: dir, manifest, catalog, lineage: {} })).href;
  generateMs = Date.now() - t;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => errors.push(String(e)));
});
afterAll(() => browser?.close());

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = Date.now();
  await f();
  return Date.now() - t;
}

describe('docs site at 10,000 nodes', () => {
  it('generates, loads, searches, focuses and draws the overview without freezing', async () => {
    expect(generateMs).toBeLessThan(30_000);
    const load = await timed(async () => {
      await page.goto(url);
      await page.waitForSelector('[data-testid=project-title]');
    });
    expect(load).toBeLessThan(10_000);

    const search = await timed(async () => {
      await page.fill('#search', 'mar_2999');
      await page.waitForSelector('[data-testid=search-result][data-id="model.big.mar_2999"]');
    });
    expect(search).toBeLessThan(2_000);

    const focus = await timed(async () => {
      await page.evaluate(() => (location.hash = '#/lineage/model.big.int_1500?up=3&down=3'));
      await page.waitForSelector('[data-testid=graph-node].focus[data-id="model.big.int_1500"]');
    });
    expect(focus).toBeLessThan(5_000);
    expect(await page.locator('[data-testid=graph-node]').count()).toBeGreaterThan(5);

    const overview = await timed(async () => {
      await page.evaluate(() => (location.hash = '#/graph'));
      await page.waitForSelector('[data-testid=overview-canvas]');
    });
    expect(overview).toBeLessThan(5_000);
    // Pan/zoom frames stay quick: the page answers an evaluate right after a burst of wheel events.
    const canvas = (await page.getByTestId('overview-canvas').boundingBox())!;
    await page.mouse.move(canvas.x + 200, canvas.y + 200);
    const zoom = await timed(async () => {
      for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -200);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    });
    expect(zoom).toBeLessThan(3_000);
    expect(errors).toEqual([]);
    console.log(JSON.stringify({ generateMs, load, search, focus, overview, zoom }));
  });
});
