// Reads a small generated data set back with DuckDB and checks the promises the warehouse relies on:
// exact column layouts, orders tied to converting sessions, events matching orders, sane money.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generate } from '../../../src/generator/index.js';
import { openGenerated, type Db } from './duckdb-helper.js';

let dir: string;
let db: Db;
const n = async (sql: string): Promise<number> => Number(Object.values(await db.one(sql))[0]);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tsdbt-gen-'));
  await generate({ out: dir, scale: 0.01, days: 100, seed: 7 });
  db = await openGenerated(dir);
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('column layouts', () => {
  const expected: Record<string, string> = {
    website_sessions: 'website_session_id,created_at,user_id,is_repeat_session,utm_source,utm_campaign,utm_content,device_type,http_referer',
    website_pageviews: 'website_pageview_id,created_at,website_session_id,pageview_url',
    orders: 'order_id,created_at,website_session_id,user_id,primary_product_id,items_purchased,price_usd,cogs_usd',
    order_items: 'order_item_id,created_at,order_id,product_id,is_primary_item,price_usd,cogs_usd',
    order_item_refunds: 'order_item_refund_id,created_at,order_item_id,order_id,refund_amount_usd',
    products: 'product_id,created_at,product_name',
    events: 'timestamp,visitorid,event,itemid,transactionid',
    item_properties: 'timestamp,itemid,property,value',
    category_tree: 'categoryid,parentid',
    ad_spend: 'date,utm_source,utm_campaign,impressions,clicks,spend_usd',
  };
  test.each(Object.entries(expected))('%s header', (table, header) => {
    expect(readFileSync(join(dir, `${table}.csv`), 'utf8').split('\n', 1)[0]).toBe(header);
  });
  test('Maven timestamps are YYYY-MM-DD HH:MM:SS, RetailRocket ones epoch ms', () => {
    const sessions = readFileSync(join(dir, 'website_sessions.csv'), 'utf8').split('\n')[1].split(',');
    expect(sessions[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const event = readFileSync(join(dir, 'events.csv'), 'utf8').split('\n')[1].split(',');
    expect(event[0]).toMatch(/^\d{13}$/);
  });
});

describe('orders', () => {
  test('every order belongs to a session of the same user that reached the thank-you page', async () => {
    expect(await n('select count(*) from orders')).toBeGreaterThan(200);
    expect(await n(`select count(*) from orders o left join website_sessions s using (website_session_id)
      where s.website_session_id is null or s.user_id <> o.user_id`)).toBe(0);
    expect(await n(`select count(*) from orders o where not exists (select 1 from website_pageviews p
      where p.website_session_id = o.website_session_id and p.pageview_url = '/thank-you-for-your-order')`)).toBe(0);
    expect(await n(`select count(*) from website_pageviews where pageview_url = '/thank-you-for-your-order'`))
      .toBe(await n('select count(*) from orders'));
  });
  test('order revenue, cogs and item count equal the sum of its items; one primary item', async () => {
    expect(await n(`select count(*) from orders o join (select order_id, sum(price_usd) p, sum(cogs_usd) c, count(*) k,
      sum(is_primary_item) prim, max(case when is_primary_item = 1 then product_id end) pp from order_items group by 1) i using (order_id)
      where o.price_usd <> i.p or o.cogs_usd <> i.c or o.items_purchased <> i.k or i.prim <> 1 or i.pp <> o.primary_product_id`)).toBe(0);
    expect(await n('select count(*) from order_items where is_primary_item = 0')).toBeGreaterThan(20);
  });
  test('refunds are a few percent, after the order and never more than the item price', async () => {
    const share = await n('select count(*) / (select count(*) from order_items) from order_item_refunds');
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.08);
    expect(await n(`select count(*) from order_item_refunds r join order_items i using (order_item_id)
      where r.refund_amount_usd > i.price_usd or r.refund_amount_usd <= 0 or r.order_id <> i.order_id or r.created_at <= i.created_at`)).toBe(0);
  });
  test('order item prices are the catalog price (790) when the session started', async () => {
    expect(await n(`select count(*) from order_items i join orders o using (order_id)
      join website_sessions s using (website_session_id)
      where i.price_usd is distinct from (select cast(substr(value, 2) as decimal(10,2)) from item_properties p
        where p.itemid = i.product_id and p.property = '790' and p.timestamp <= epoch_ms(s.created_at)
        order by p.timestamp desc limit 1)`)).toBe(0);
    expect(await n(`select count(distinct value) from item_properties where property = '790' and itemid = 1`)).toBeGreaterThan(0);
  });
  test('most buyers order once, some come back', async () => {
    const once = await n('select avg(case when k = 1 then 1 else 0 end) from (select user_id, count(*) k from orders group by 1)');
    expect(once).toBeGreaterThan(0.8);
    expect(once).toBeLessThan(1);
  });
});

describe('events', () => {
  test('one transaction event per order item, with transactionid = order_id and visitorid = user_id', async () => {
    expect(await n(`select count(*) from (select e.transactionid, e.itemid, e.visitorid from events e where event = 'transaction'
      except all select i.order_id, i.product_id, o.user_id from order_items i join orders o using (order_id))`)).toBe(0);
    expect(await n("select count(*) from events where event = 'transaction'")).toBe(await n('select count(*) from order_items'));
    expect(await n("select count(*) from events where event <> 'transaction' and transactionid is not null")).toBe(0);
  });
  test('a view per product page, an addtocart per carted item, only known users and items', async () => {
    expect(await n("select count(*) from events where event = 'view'")).toBe(await n(`select count(*) from website_pageviews
      where pageview_url in (select '/' || regexp_replace(regexp_replace(lower(product_name), '[^a-z0-9 ]', '', 'g'), ' +', '-', 'g') from products)`));
    expect(await n("select count(*) from events where event = 'addtocart'"))
      .toBeGreaterThanOrEqual(await n("select count(*) from website_pageviews where pageview_url = '/cart'"));
    expect(await n(`select count(*) from events e where e.visitorid not in (select user_id from website_sessions)
      or e.itemid not in (select product_id from products)`)).toBe(0);
  });
  test('out-of-stock products are still viewed but never added to the cart', async () => {
    const stock = `with a as (select itemid, timestamp ts, value, lead(timestamp, 1, 9e15::bigint) over (partition by itemid order by timestamp) te
      from item_properties where property = 'available') select itemid, ts, te from a where value = '0'`;
    expect(await n(`with s as (${stock}) select count(*) from events e join s on e.itemid = s.itemid and e.timestamp >= s.ts
      and e.timestamp < s.te and e.event = 'view'`)).toBeGreaterThan(0);
    // stock changes at midnight; a session that started before it (they last under an hour) may still cart
    expect(await n(`with s as (${stock}) select count(*) from events e join s on e.itemid = s.itemid
      and e.event = 'addtocart' and e.timestamp >= s.ts + 3600000 and e.timestamp < s.te`)).toBe(0);
  });
});
