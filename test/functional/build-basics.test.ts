// build/run/seed on a small project: tables land in DuckDB with the right contents, in DAG order,
// with dbt's console lines, exit codes and artifacts.
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PROJECT, cli, queryDb, writeProject } from '../helpers/project.js';

const FILES = {
  'seeds/raw_orders.csv': 'id,customer,amount\n1,ann,10.5\n2,bob,20\n3,ann,30\n',
  'macros/cents.sql': '{% macro to_cents(col) %}({{ col }} * 100)::bigint{% endmacro %}\n',
  'models/staging/stg_orders.sql': "select id, customer, {{ to_cents('amount') }} as cents from {{ ref('raw_orders') }}\n",
  'models/staging/stg_customers.sql': "{{ config(materialized='ephemeral') }}\nselect distinct customer from {{ ref('stg_orders') }}\n",
  'models/marts/customer_totals.sql': "{{ config(materialized='table') }}\nselect c.customer, sum(o.cents) as total_cents, count(*) as orders\nfrom {{ ref('stg_customers') }} c join {{ ref('stg_orders') }} o using (customer)\ngroup by 1\n",
};

describe('tsdbt build', () => {
  it('loads seeds and builds every model in dependency order', async () => {
    const dir = writeProject(FILES);
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/1 of 3 START seed file main\.raw_orders \.+ \[RUN\]/);
    expect(r.output).toMatch(/OK created sql table model main\.customer_totals \.+ \[OK in \d+\.\d\ds\]/);
    expect(r.output).toContain('Done. PASS=3 WARN=0 ERROR=0 SKIP=0 TOTAL=3');
    const rows = await queryDb(dir, 'select customer, total_cents, orders from main.customer_totals order by customer');
    expect(rows).toEqual([
      { customer: 'ann', total_cents: '4050', orders: '2' },
      { customer: 'bob', total_cents: '2000', orders: '1' },
    ]);
    const views = await queryDb(dir, "select table_name, table_type from information_schema.tables order by 1");
    expect(views).toEqual([
      { table_name: 'customer_totals', table_type: 'BASE TABLE' },
      { table_name: 'raw_orders', table_type: 'BASE TABLE' },
      { table_name: 'stg_orders', table_type: 'VIEW' },
    ]);
  });

  it('writes manifest.json, run_results.json, compiled and run SQL', async () => {
    const dir = writeProject(FILES);
    expect((await cli(dir, ['build'])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8'));
    expect(manifest.metadata.dbt_schema_version).toContain('manifest/v12');
    const totals = manifest.nodes['model.shop.customer_totals'];
    expect(totals.depends_on.nodes.sort()).toEqual(['model.shop.stg_customers', 'model.shop.stg_orders']);
    expect(manifest.parent_map['model.shop.stg_orders']).toEqual(['seed.shop.raw_orders']);
    expect(manifest.child_map['seed.shop.raw_orders']).toEqual(['model.shop.stg_orders']);
    expect(totals.checksum.checksum).toMatch(/^[0-9a-f]{64}$/);
    // dbt's `compiled` flag; the machine-local absolute path stays out of the artifact
    expect(totals.compiled).toBe(true);
    expect(totals.original_file_path).toBe('models/marts/customer_totals.sql');
    expect(readFileSync(join(dir, 'target/manifest.json'), 'utf8')).not.toContain('abs_path');
    const results = JSON.parse(readFileSync(join(dir, 'target/run_results.json'), 'utf8'));
    expect(results.metadata.dbt_schema_version).toContain('run-results/v6');
    expect(results.results.map((r: { unique_id: string; status: string }) => `${r.unique_id}:${r.status}`)).toEqual([
      'seed.shop.raw_orders:success',
      'model.shop.stg_orders:success',
      'model.shop.customer_totals:success',
    ]);
    expect(results.results[0].adapter_response.rows_affected).toBe(3);
    const compiled = readFileSync(join(dir, 'target/compiled/shop/models/marts/customer_totals.sql'), 'utf8');
    expect(compiled).toContain('with __dbt__cte__stg_customers as (');
    expect(compiled).toContain('"shop"."main"."stg_orders"');
    expect(existsSync(join(dir, 'target/run/shop/models/marts/customer_totals.sql'))).toBe(true);
  });

  it('writes manifest.json after the run, also when an on-run-start hook fails or the database cannot be opened', async () => {
    const hookFails = writeProject({ ...FILES, 'project.yml': `${DEFAULT_PROJECT}on-run-start:\n  - "select * from no_such_table_xyz"\n` });
    const r = await cli(hookFails, ['build']);
    expect(r.code, r.output).not.toBe(0);
    expect(JSON.parse(readFileSync(join(hookFails, 'target/manifest.json'), 'utf8')).nodes['model.shop.customer_totals']).toBeDefined();
    // the database path is a folder: DuckDB cannot open it
    const noDb = writeProject({ ...FILES, 'shop.duckdb/keep': 'x' });
    const r2 = await cli(noDb, ['build']);
    expect(r2.code, r2.output).not.toBe(0);
    expect(JSON.parse(readFileSync(join(noDb, 'target/manifest.json'), 'utf8')).nodes['model.shop.customer_totals']).toBeDefined();
  });

  it('marks descendants of a failed model SKIP, keeps going, exits 1, and keeps the old table', async () => {
    const dir = writeProject(FILES);
    expect((await cli(dir, ['build'])).code).toBe(0);
    const { writeFiles } = await import('../helpers/project.js');
    writeFiles(dir, {
      'models/staging/stg_orders.sql': 'select id, customer, no_such_column as cents from {{ ref(\'raw_orders\') }}\n',
      'models/other.sql': 'select 42 as answer\n',
    });
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/ERROR creating sql view model main\.stg_orders/);
    expect(r.output).toMatch(/SKIP relation main\.customer_totals/);
    expect(r.output).toContain('no_such_column');
    expect(r.output).toContain('Done. PASS=1 WARN=0 ERROR=1 SKIP=1 TOTAL=3');
    expect(await queryDb(dir, 'select answer from other')).toEqual([{ answer: 42 }]);
    // the previous versions are intact and queryable
    expect(await queryDb(dir, 'select count(*) as n from stg_orders')).toEqual([{ n: '3' }]);
    expect(await queryDb(dir, 'select sum(total_cents) as t from customer_totals')).toEqual([{ t: '6050' }]);
  });

  it('creates a new table in one statement, swaps an existing one in a transaction, and a failed create leaves no table', async () => {
    const dir = writeProject({
      'models/t.sql': "{{ config(materialized='table') }}\nselect 1 as id\n",
      'models/hooked.sql': "{{ config(materialized='table', post_hook=\"insert into audit values ('hooked')\") }}\n-- depends_on: {{ ref('audit') }}\nselect 2 as id\n",
      'models/broken.sql': "{{ config(materialized='table') }}\nselect 1 / 0 as id, 'x'::int as n\n",
      'seeds/audit.csv': 'what\nseeded\n',
    });
    const first = await cli(dir, ['build', '--exclude', 'broken']);
    expect(first.code, first.output).toBe(0);
    const runSql = (m: string) => readFileSync(join(dir, `target/run/shop/models/${m}.sql`), 'utf8');
    expect(runSql('t')).toBe('create table "shop"."main"."t" as (\n\nselect 1 as id\n\n);\n');
    // a hook runs inside the model's transaction (dbt's default), so the transaction stays
    expect(runSql('hooked')).toContain('begin transaction');
    expect(await queryDb(dir, 'select what from audit order by what')).toEqual([{ what: 'hooked' }, { what: 'seeded' }]);
    const second = await cli(dir, ['run', '--select', 't']);
    expect(second.code).toBe(0);
    expect(runSql('t')).toMatch(/begin transaction;\n\ncreate or replace table "shop"\."main"\."t__tsdbt_tmp"[^]*rename to "t";\n\ncommit;/);
    const failed = await cli(dir, ['run', '--select', 'broken']);
    expect(failed.code).toBe(1);
    expect(await queryDb(dir, "select count(*)::int as n from information_schema.tables where table_name like 'broken%'")).toEqual([{ n: 0 }]);
  });
});
