// The non-building commands: ls with dbt's selection syntax and output formats, compile, show,
// parse, clean and debug, plus --vars, --target and dbt_project.yml projects.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { cli, queryDb, writeProject } from '../helpers/project.js';

const FILES = {
  'project.yml': `name: shop
profile: shop
config-version: 2
vars:
  min_amount: 0
models:
  shop:
    staging:
      +tags: [staging]
    marts:
      +materialized: table
      finance:
        +schema: finance
`,
  'seeds/raw_orders.csv': 'id,amount\n1,5\n2,50\n',
  'models/staging/stg_orders.sql': "select * from {{ ref('raw_orders') }} where amount >= {{ var('min_amount') }}\n",
  'models/marts/orders.sql': "select * from {{ ref('stg_orders') }}\n",
  'models/marts/finance/revenue.sql': "select sum(amount) as revenue from {{ ref('orders') }}\n",
  'models/other.sql': "{{ config(tags=['misc']) }}select 1 as x\n",
};

describe('tsdbt ls', () => {
  it('prints what each dbt selector picks', async () => {
    const dir = writeProject(FILES);
    const ls = async (...args: string[]) => (await cli(dir, ['ls', '--output', 'name', ...args])).output.trim().split('\n').filter(Boolean);
    expect(await ls('-s', 'stg_orders+')).toEqual(['stg_orders', 'orders', 'revenue']);
    expect(await ls('-s', '+orders')).toEqual(['raw_orders', 'stg_orders', 'orders']);
    expect(await ls('-s', 'stg_orders+1')).toEqual(['stg_orders', 'orders']);
    expect((await ls('-s', 'tag:staging', 'tag:misc')).sort()).toEqual(['other', 'stg_orders']);
    expect(await ls('-s', 'path:models/marts', '--exclude', 'revenue')).toEqual(['orders']);
    expect(await ls('-s', 'config.materialized:table')).toEqual(['orders', 'revenue']);
    expect(await ls('-s', 'resource_type:seed')).toEqual(['raw_orders']);
    expect(await ls('-s', '+orders,resource_type:model')).toEqual(['stg_orders', 'orders']);
    expect(await ls('-s', 'staging.*')).toEqual(['stg_orders']);
    expect(await ls('-s', '*.stg_*')).toEqual(['stg_orders']);
    expect(await ls('-s', '@stg_orders')).toEqual(['raw_orders', 'stg_orders', 'orders', 'revenue']);
  });

  it('prints paths, json and the default selector form', async () => {
    const dir = writeProject(FILES);
    expect((await cli(dir, ['ls', '-s', 'revenue'])).output.trim()).toBe('shop.marts.finance.revenue');
    expect((await cli(dir, ['ls', '-s', 'revenue', '--output', 'path'])).output.trim()).toBe('models/marts/finance/revenue.sql');
    const json = JSON.parse((await cli(dir, ['ls', '-s', 'revenue', '--output', 'json'])).output.trim());
    expect(json).toMatchObject({ name: 'revenue', resource_type: 'model', unique_id: 'model.shop.revenue' });
  });
});

describe('compile, show, parse, clean, debug', () => {
  it('compile writes the SQL it would run, with custom schemas and vars', async () => {
    const dir = writeProject(FILES);
    const r = await cli(dir, ['compile', '--vars', '{min_amount: 10}']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'target/compiled/shop/models/staging/stg_orders.sql'), 'utf8')).toBe('select * from "shop"."main"."raw_orders" where amount >= 10\n');
    expect(readFileSync(join(dir, 'target/compiled/shop/models/marts/finance/revenue.sql'), 'utf8')).toContain('"shop"."main"."orders"');
    expect(existsSync(join(dir, 'shop.duckdb'))).toBe(false);
  });

  it('compile --inline prints the inline SQL compiled, and -s of one node prints that node\'s SQL', async () => {
    const dir = writeProject(FILES);
    const r = await cli(dir, ['compile', '--inline', "select count(*) from {{ ref('stg_orders') }} where amount > {{ var('cutoff', 5) }}"]);
    expect(r.code).toBe(0);
    expect(r.output).toContain('Compiled inline node is:\nselect count(*) from "shop"."main"."stg_orders" where amount > 5');
    expect(existsSync(join(dir, 'target/compiled/shop/models/marts/finance/revenue.sql'))).toBe(false);
    const one = await cli(dir, ['compile', '-s', 'stg_orders', '--vars', '{min_amount: 10}']);
    expect(one.code).toBe(0);
    expect(one.output).toContain("Compiled node 'stg_orders' is:\nselect * from \"shop\".\"main\".\"raw_orders\" where amount >= 10");
    const bad = await cli(dir, ['compile', '--inline', "select * from {{ ref('no_such') }}"]);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('<inline>');
  });

  it('builds custom schemas with dbt\'s <target schema>_<custom> rule', async () => {
    const dir = writeProject(FILES);
    expect((await cli(dir, ['build'])).code).toBe(0);
    expect(await queryDb(dir, 'select revenue::int as revenue from main_finance.revenue')).toEqual([{ revenue: 55 }]);
  });

  it('show prints the first rows of a model and of inline SQL with ref()', async () => {
    const dir = writeProject(FILES);
    await cli(dir, ['build']);
    const r = await cli(dir, ['show', '-s', 'orders', '--limit', '1']);
    expect(r.code).toBe(0);
    expect(r.output).toContain("Previewing node 'orders':");
    expect(r.output).toMatch(/\| id \| amount \|\n\| -+ \| -+ \|\n\| 1 +\| 5 +\|/);
    const inline = await cli(dir, ['show', '--inline', "select count(*) as n from {{ ref('orders') }}"]);
    expect(inline.output).toMatch(/\| n +\|\n\| -+ \|\n\| 2 +\|/);
  });

  it('parse writes the manifest, clean removes target/, debug checks the connection', async () => {
    const dir = writeProject(FILES);
    expect((await cli(dir, ['parse'])).code).toBe(0);
    expect(existsSync(join(dir, 'target/manifest.json'))).toBe(true);
    const c = await cli(dir, ['clean']);
    expect(c.code).toBe(0);
    expect(existsSync(join(dir, 'target'))).toBe(false);
    const d = await cli(dir, ['debug']);
    expect(d.code).toBe(0);
    expect(d.output).toContain('Connection test: [OK connection ok]');
  });

  it('runs an existing dbt project from dbt_project.yml unchanged', async () => {
    const dir = writeProject(FILES);
    renameSync(join(dir, 'project.yml'), join(dir, 'dbt_project.yml'));
    expect((await cli(dir, ['build', '-s', '+orders'])).code).toBe(0);
    expect(await queryDb(dir, 'select count(*)::int as n from orders')).toEqual([{ n: 2 }]);
  });

  it('runs independent models on several threads', async () => {
    const models: Record<string, string> = {};
    for (let i = 0; i < 12; i++) models[`models/m${i}.sql`] = `select ${i} as id, count(*) as n from range(200000)\n`;
    const dir = writeProject(models);
    const r = await cli(dir, ['run', '--threads', '4']);
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'target/run_results.json'), 'utf8')).results as { thread_id: string }[];
    expect(new Set(results.map((x) => x.thread_id)).size).toBeGreaterThan(1);
    expect(r.output).toContain('Concurrency: 4 threads');
  });

  it('reads sources from CSV and Parquet files through external locations', async () => {
    const dir = writeProject({
      'data/orders.csv': 'id,amount\n1,5\n2,7\n',
      'models/sources.yml': `version: 2
sources:
  - name: raw
    meta:
      external_location: "data/{name}.csv"
    tables:
      - name: orders
`,
      'models/total.sql': "select sum(amount)::int as total from {{ source('raw', 'orders') }}\n",
    });
    expect((await cli(dir, ['build'])).code).toBe(0);
    expect(await queryDb(dir, 'select total from total')).toEqual([{ total: 12 }]);
  });
});
