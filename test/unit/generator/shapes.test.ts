// Checks the realistic shapes the marts are built to show: funnel drop-off, channel mix, the paid
// social launch, device conversion gap, repeat share, ad spend that matches paid sessions, the tree.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generate } from '../../../src/generator/index.js';
import { openGenerated, type Db } from './duckdb-helper.js';

let dir: string;
let db: Db;
const n = async (sql: string): Promise<number> => Number(Object.values(await db.one(sql))[0]);
const FUNNEL_RANK = `case when pageview_url in ('/home', '/lander-1', '/lander-2') then 0 when pageview_url = '/products' then 1
  when pageview_url = '/cart' then 3 when pageview_url = '/shipping' then 4 when pageview_url in ('/billing', '/billing-2') then 5
  when pageview_url = '/thank-you-for-your-order' then 6 else 2 end`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tsdbt-gen-'));
  await generate({ out: dir, scale: 0.01, days: 100, seed: 11 });
  db = await openGenerated(dir);
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('funnel', () => {
  test('sessions reaching each step never grow from one step to the next', async () => {
    const steps = await db.rows<{ rank: number; sessions: bigint }>(`select rank, count(distinct website_session_id) sessions
      from (select website_session_id, ${FUNNEL_RANK} rank from website_pageviews) group by 1 order by 1`);
    expect(steps.map((s) => s.rank)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (let i = 1; i < steps.length; i++) expect(steps[i].sessions).toBeLessThan(steps[i - 1].sessions);
  });
  test('every session lands first and walks the funnel forward', async () => {
    expect(await n(`select count(*) from (select ${FUNNEL_RANK} rank, lag(${FUNNEL_RANK}) over w prev,
      row_number() over w k from website_pageviews window w as (partition by website_session_id order by website_pageview_id))
      where (k = 1 and rank <> 0) or (k > 1 and (rank < prev or rank > prev + 1) and not (rank = 2 and prev = 2))`)).toBe(0);
    expect(await n('select count(*) from website_sessions where website_session_id not in (select website_session_id from website_pageviews)')).toBe(0);
  });
  test('bounce rate is realistic and /lander-1 bounces less than /home', async () => {
    const rows = await db.rows<{ landing: string; bounce: number }>(`select landing, avg(case when k = 1 then 1 else 0 end) bounce from
      (select website_session_id, first(pageview_url order by website_pageview_id) landing, count(*) k from website_pageviews group by 1)
      where landing in ('/home', '/lander-1') group by 1`);
    const bounce = Object.fromEntries(rows.map((r) => [r.landing, r.bounce]));
    expect(bounce['/lander-1']).toBeLessThan(bounce['/home']);
    expect(bounce['/home']).toBeGreaterThan(0.4);
    expect(bounce['/home']).toBeLessThan(0.75);
  });
  test('desktop converts better than mobile', async () => {
    const cvr = async (device: string) => n(`select count(o.order_id) / count(*) from website_sessions s
      left join orders o using (website_session_id) where device_type = '${device}'`);
    expect(await cvr('desktop')).toBeGreaterThan(1.5 * (await cvr('mobile')));
  });
});

describe('channels', () => {
  test('nonbrand search is the largest channel, and every channel is present', async () => {
    const mix = await db.rows<{ grp: string; k: bigint }>(`select case when utm_campaign = 'nonbrand' then 'paid_nonbrand'
      when utm_campaign = 'brand' then 'paid_brand' when utm_source = 'socialbook' then 'paid_social'
      when utm_source is null and http_referer is not null then 'organic_search' when utm_source is null then 'direct_type_in' end grp,
      count(*) k from website_sessions group by 1 order by k desc`);
    expect(mix[0].grp).toBe('paid_nonbrand');
    expect(mix.map((m) => m.grp).sort()).toEqual(['direct_type_in', 'organic_search', 'paid_brand', 'paid_nonbrand', 'paid_social']);
  });
  test('paid social starts part-way through the period', async () => {
    const first = await db.one<{ d: string }>(`select strftime(min(created_at), '%Y-%m-%d') d from website_sessions where utm_source = 'socialbook'`);
    expect(first.d).toBe('2025-02-15');
  });
  test('organic search has a search referer and no utm; direct has neither', async () => {
    expect(await n(`select count(*) from website_sessions where utm_source is null and (utm_campaign is not null or utm_content is not null
      or http_referer not in ('https://www.gsearch.com', 'https://www.bsearch.com'))`)).toBe(0);
    expect(await n('select count(*) from website_sessions where utm_source is null and http_referer is null')).toBeGreaterThan(0);
  });
  test('15-20% of sessions are repeats, and a repeat session belongs to a user seen before', async () => {
    const share = await n('select avg(is_repeat_session) from website_sessions');
    expect(share).toBeGreaterThan(0.13);
    expect(share).toBeLessThan(0.2);
    expect(await n(`select count(*) from (select is_repeat_session, row_number() over (partition by user_id order by website_session_id) k
      from website_sessions) where (k = 1) <> (is_repeat_session = 0)`)).toBe(0);
  });
  test('ad spend clicks are within a few percent of paid sessions, per day and campaign', async () => {
    expect(await n(`select count(*) from ad_spend a full join (select cast(created_at as date) date, utm_source, utm_campaign, count(*) k
      from website_sessions where utm_source is not null group by all) s using (date, utm_source, utm_campaign)
      where a.clicks is null or a.clicks < coalesce(s.k, 0) or a.clicks > coalesce(s.k, 0) * 1.07 + 1`)).toBe(0);
    expect(await n('select count(*) from ad_spend where impressions < clicks or spend_usd < 0')).toBe(0);
  });
});

describe('catalog', () => {
  test('the category tree is two to three levels deep and products sit in it', async () => {
    const depth = await n(`with recursive t as (select categoryid, 1 depth from category_tree where parentid is null
      union all select c.categoryid, t.depth + 1 from category_tree c join t on c.parentid = t.categoryid) select max(depth) from t`);
    expect(depth).toBe(3);
    expect(await n(`select count(*) from item_properties where property = 'categoryid'
      and cast(value as bigint) not in (select categoryid from category_tree)`)).toBe(0);
  });
  test("Maven's four products come first; prices change over time", async () => {
    const names = await db.rows<{ product_name: string }>('select product_name from products where product_id <= 4 order by product_id');
    expect(names.map((r) => r.product_name)).toEqual(['The Original Mr. Fuzzy', 'The Forever Love Bear', 'The Birthday Sugar Panda', 'The Hudson River Mini bear']);
    expect(await n("select count(*) from item_properties where property = '790' and value not similar to 'n[0-9]+\\.[0-9]{3}'")).toBe(0);
    expect(await n("select count(*) from (select itemid from item_properties where property = '790' group by 1 having count(*) > 1)")).toBeGreaterThan(5);
  });
});
