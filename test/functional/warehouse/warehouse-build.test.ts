// The reference warehouse builds from the committed sample with every test passing, and its marts agree
// with figures computed here independently, with plain SQL over the raw CSV files.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, copyWarehouse, csv, query, warehouseDb } from './warehouse-project.js';

let dir: string;
let db: string;
let first: { code: number; output: string };

beforeAll(async () => {
  dir = copyWarehouse();
  db = warehouseDb(dir);
  first = await build(dir);
}, 120_000);

const num = (v: unknown): number => Number(v);

describe('warehouse build on the committed sample', () => {
  it('builds every node and passes every data and unit test', () => {
    expect(first.output).toMatch(/Completed successfully/);
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/ERROR=0 SKIP=0/);
  });

  it('conversion rate by channel equals orders / sessions computed from the raw files', async () => {
    const raw = await query(`
      with s as (
        select website_session_id as id,
          case when utm_campaign = 'nonbrand' then 'paid_nonbrand' when utm_campaign = 'brand' then 'paid_brand'
               when utm_source = 'socialbook' then 'paid_social'
               when utm_source is null and http_referer is not null then 'organic_search'
               else 'direct_type_in' end as ch
        from ${csv(dir, 'website_sessions')})
      select ch, count(*) as sessions, count(o.order_id) as orders, count(o.order_id) / count(*) as cvr
      from s left join ${csv(dir, 'orders')} o on o.website_session_id = s.id group by ch order by ch`);
    const mart = await query(`
      select channel_group as ch, sum(sessions) as sessions, sum(orders) as orders, sum(orders) / sum(sessions) as cvr
      from mart_daily_channel_summary group by 1 order by 1`, db);
    expect(mart.map((r) => r.ch)).toEqual(raw.map((r) => r.ch));
    for (const [i, r] of raw.entries()) {
      expect(num(mart[i].sessions)).toBe(num(r.sessions));
      expect(num(mart[i].orders)).toBe(num(r.orders));
      expect(num(mart[i].cvr)).toBeCloseTo(num(r.cvr), 12);
    }
  });

  it('revenue, orders, sessions and users tie out between marts, facts and sources', async () => {
    const [raw] = await query(`select
        (select sum(price_usd) from ${csv(dir, 'orders')}) as revenue,
        (select count(*) from ${csv(dir, 'orders')}) as orders,
        (select count(*) from ${csv(dir, 'website_sessions')}) as sessions,
        (select count(*) from (select user_id from ${csv(dir, 'website_sessions')} union select visitorid from ${csv(dir, 'events')})) as users`);
    const [wh] = await query(`select
        (select sum(revenue_usd) from mart_daily_channel_summary) as revenue,
        (select sum(orders) from mart_daily_channel_summary) as orders,
        (select sum(visit_sessions) from mart_session_funnel_daily) as sessions,
        (select count(*) from mart_customer_360) as users`, db);
    expect(num(wh.revenue)).toBeCloseTo(num(raw.revenue), 2);
    expect(num(wh.orders)).toBe(num(raw.orders));
    expect(num(wh.sessions)).toBe(num(raw.sessions));
    expect(num(wh.users)).toBe(num(raw.users));
  });

  it('week-1 retention of each weekly cohort matches a direct count over the sessions file', async () => {
    const raw = await query(`
      with s as (select user_id, cast(date_trunc('week', created_at) as date) as wk from ${csv(dir, 'website_sessions')}),
      c as (select user_id, min(wk) as cohort from s group by 1)
      select c.cohort, count(distinct c.user_id) as users,
        count(distinct s.user_id) filter (where s.wk = c.cohort + interval 7 day) as back
      from c join s using (user_id) group by 1 order by 1`);
    const mart = await query(`
      select w0.cohort_week as cohort, w0.cohort_users as users, coalesce(w1.active_users, 0) as back
      from mart_cohort_weekly_retention w0
      left join mart_cohort_weekly_retention w1 on w1.cohort_week = w0.cohort_week and w1.week_number = 1
      where w0.week_number = 0 order by 1`, db);
    expect(mart).toEqual(raw);
  });

  it('the top affinity pair and its lift match a direct basket count', async () => {
    const [raw] = await query(`
      with b as (select distinct order_id, product_id from ${csv(dir, 'order_items')}),
      n as (select count(distinct order_id) as n from b),
      p as (select product_id, count(*) as c from b group by 1),
      pairs as (select a.product_id as x, b2.product_id as y, count(*) as k from b a join b b2 using (order_id)
                where a.product_id < b2.product_id group by 1, 2)
      select x, y, k, (k / px.c) / (py.c / n.n) as lift from pairs, n
      join p px on px.product_id = x join p py on py.product_id = y
      order by k desc, x, y limit 1`);
    const [mart] = await query(`
      select antecedent_product_id as x, consequent_product_id as y, pair_orders as k, lift from mart_product_affinity
      where antecedent_product_id < consequent_product_id order by pair_orders desc, x, y limit 1`, db);
    expect([mart.x, mart.y, mart.k]).toEqual([raw.x, raw.y, raw.k]);
    expect(num(mart.lift)).toBeCloseTo(num(raw.lift), 9);
  });

  it('writes the BI extracts as CSV files with every mart row', async () => {
    const file = join(dir, 'target', 'exports', 'export_daily_channel_summary.csv');
    expect(existsSync(file)).toBe(true);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const [m] = await query('select count(*) as n from mart_daily_channel_summary', db);
    expect(lines.length - 1).toBe(num(m.n));
    expect(lines[0]).toMatch(/^summary_date,channel_group,sessions,bounces,bounce_rate/);
  });

  it('a second build appends nothing to the incremental fct_events and still passes', async () => {
    const again = await build(dir);
    expect(again.code).toBe(0);
    const [raw] = await query(`select count(*) as n from ${csv(dir, 'events')}`);
    const [wh] = await query('select count(*) as n, count(distinct event_id) as ids from fct_events', db);
    expect(num(wh.n)).toBe(num(raw.n));
    expect(num(wh.ids)).toBe(num(raw.n));
  }, 120_000);
});
