// What the generated site embeds: catalog types over YAML, doc blocks rendered (and HTML escaped), tests
// attached to columns with their run status, and the lineage the site shows, built from a real DuckDB file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, parseRelationName, projectLineage } from '../../../src/docs/index.js';
import { buildSiteData, type SiteData } from '../../../src/docs/site-data.js';
import { buildFixture } from '../../browser/fixture.js';

let data: SiteData;
let close: () => void;

beforeAll(async () => {
  const fx = await buildFixture();
  close = fx.close;
  const fct = fx.manifest.nodes['model.shop.fct_orders'];
  fct.columns.status.description = 'Status <script>alert(1)</script> see [docs](javascript:alert(1)) [e](&#106;avascript:alert(1)) [ok](https://x.org/a:b) [rel](../a.html) `a<b`';
  const catalog = await buildCatalog(fx.conn, fx.manifest);
  const lineage = await projectLineage(fx.conn, fx.manifest, catalog);
  data = await buildSiteData({ manifest: fx.manifest, catalog, runResults: fx.runResults, lineage });
});
afterAll(() => close());

const node = (id: string) => data.nodes.find((n) => n.id === id)!;

describe('site data', () => {
  it('splits quoted relation names', () => {
    expect(parseRelationName('"shop"."main"."fct ""x"""')).toEqual(['shop', 'main', 'fct "x"']);
    expect(parseRelationName('shop.main.orders')).toEqual(['shop', 'main', 'orders']);
  });

  it('renders doc blocks as Markdown and escapes HTML and javascript: links in descriptions', () => {
    const fct = node('model.shop.fct_orders');
    expect(fct.html).toContain('Orders with the <strong>customer name</strong>');
    const status = fct.columns.find((c) => c.name === 'status')!;
    expect(status.html).not.toContain('<script>');
    expect(status.html).toContain('&#60;script&#62;alert(1)');
    expect(status.html).not.toMatch(/href="[^"]*(javascript|&#)/i);
    expect(status.html).toContain('href="https://x.org/a:b"');
    expect(status.html).toContain('href="../a.html"');
    expect(status.html).toContain('<code>a&lt;b</code>');
  });

  it('uses catalog types, attaches column tests with run status, and marks unbuilt models', () => {
    const fct = node('model.shop.fct_orders');
    expect(fct.columns.find((c) => c.name === 'order_id')).toMatchObject({ type: 'BIGINT', tests: ['test.shop.unique_fct_orders_order_id', 'test.shop.not_null_fct_orders_order_id'] });
    expect(node('test.shop.accepted_values_fct_orders_status').run).toMatchObject({ status: 'fail', failures: 10 });
    expect(fct.built).toBe(true);
    expect(node('model.shop.dim_planned')).toMatchObject({ built: false, columns: [{ name: 'order_id', type: null, desc: 'Planned key' }] });
    expect(node('model.shop.stg_orders').layer).toBe('staging');
  });

  it('traces lineage through unbuilt models using their YAML columns', () => {
    expect(data.lineage['model.shop.dim_planned'].columns).toEqual([
      { name: 'order_id', kind: 'direct', upstream: [{ relation: 'model.shop.fct_orders', column: 'order_id' }] },
    ]);
    expect(data.lineage['model.shop.stg_customers'].columns.find((c) => c.name === 'full_name')).toMatchObject({
      kind: 'derived', upstream: [{ relation: 'source.shop.raw.customers', column: 'first_name' }, { relation: 'source.shop.raw.customers', column: 'last_name' }],
    });
  });
});
