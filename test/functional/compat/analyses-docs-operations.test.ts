// Analyses compile but never run; `{% docs %}` blocks fill manifest.docs and doc() in descriptions;
// `tsdbt run-operation` runs a macro with --args against the database.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, queryDb, writeFiles, writeProject } from '../../helpers/project.js';

const FILES = {
  'seeds/orders.csv': 'id,amount\n1,10\n2,20\n',
  'models/order_totals.sql': "select sum(amount) as total from {{ ref('orders') }}\n",
  'analyses/revenue_check.sql': "select total * 2 as doubled from {{ ref('order_totals') }}\n",
  'models/docs.md': '# notes\n{% docs totals_doc %}\nThe **total** of all orders.\n{% enddocs %}\n\n{% docs total_col %}Sum of amount.{% enddocs %}\n',
  'models/schema.yml': `models:
  - name: order_totals
    description: "{{ doc('totals_doc') }}"
    columns:
      - name: total
        description: "Column: {{ doc('total_col') }}"
`,
  'macros/ops.sql': `{% macro make_copies(n=1, prefix='copy') %}
  {% for i in range(n) %}
    {% do run_query('create or replace table ' ~ prefix ~ '_' ~ i ~ ' as select ' ~ i ~ ' as v') %}
  {% endfor %}
  {% set r = run_query('select count(*) from information_schema.tables where table_name like \\'' ~ prefix ~ '_%\\'') %}
  {{ log('made ' ~ r.rows[0][0] ~ ' tables', info=True) }}
{% endmacro %}
{% macro op2(n) %}{% set r = run_query('select ' ~ n ~ ' * 2') %}{% do log(r.rows[0][0], info=True) %}{% endmacro %}
{% macro refuse() %}{{ exceptions.raise_compiler_error('not today') }}{% endmacro %}
`,
};

describe('analyses', () => {
  it('are compiled by compile and never built', async () => {
    const dir = writeProject(FILES);
    const b = await cli(dir, ['build']);
    expect(b.code).toBe(0);
    expect(b.output).not.toContain('revenue_check');
    expect(await queryDb(dir, "select count(*)::int as n from information_schema.tables where table_name = 'revenue_check'")).toEqual([{ n: 0 }]);
    const c = await cli(dir, ['compile']);
    expect(c.code).toBe(0);
    const sql = readFileSync(join(dir, 'target/compiled/shop/analyses/revenue_check.sql'), 'utf8');
    expect(sql).toBe('select total * 2 as doubled from "shop"."main"."order_totals"\n');
    expect(await queryDb(dir, `select doubled::int as doubled from (${sql.trim()})`)).toEqual([{ doubled: 60 }]);
  });
});

describe('docs blocks', () => {
  it('go into manifest.docs and render doc() in descriptions', async () => {
    const dir = writeProject(FILES);
    expect((await cli(dir, ['parse'])).code).toBe(0);
    const m = JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8'));
    expect(m.docs['doc.shop.totals_doc']).toMatchObject({ name: 'totals_doc', block_contents: 'The **total** of all orders.', original_file_path: 'models/docs.md' });
    expect(m.nodes['model.shop.order_totals'].description).toBe('The **total** of all orders.');
    expect(m.nodes['model.shop.order_totals'].columns.total.description).toBe('Column: Sum of amount.');
  });

  it('name the file and the closest doc when doc() is unknown', async () => {
    const dir = writeProject({ ...FILES, 'models/schema.yml': FILES['models/schema.yml'].replace("doc('totals_doc')", "doc('total_doc')") });
    const r = await cli(dir, ['parse']);
    expect(r.code).toBe(2);
    expect(r.output).toContain("models/schema.yml:3: error[P001]: the description of model 'order_totals' uses doc('total_doc'), which was not found");
    expect(r.output).toMatch(/hint: did you mean .*total_col|totals_doc/);
  });
});

describe('run-operation', () => {
  it('runs a macro with --args and a database context, printing its log once', async () => {
    const dir = writeProject(FILES);
    const r = await cli(dir, ['run-operation', 'make_copies', '--args', '{n: 3, prefix: dup}']);
    expect(r.output).not.toContain('error');
    expect(r.code).toBe(0);
    expect(r.output.match(/made 3 tables/g)).toHaveLength(1);
    expect(await queryDb(dir, "select table_name from information_schema.tables where table_name like 'dup_%' order by 1")).toEqual([
      { table_name: 'dup_0' }, { table_name: 'dup_1' }, { table_name: 'dup_2' },
    ]);
    expect((await cli(dir, ['run-operation', 'make_copies'])).code).toBe(0);
    expect(await queryDb(dir, 'select v from copy_0')).toEqual([{ v: 0 }]);
  });

  it('exits 1 with a clear message for an unknown macro, a raised error or bad --args', async () => {
    const dir = writeProject(FILES);
    const unknown = await cli(dir, ['run-operation', 'make_copy']);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain("error[P004]: no macro named 'make_copy'");
    expect(unknown.output).toContain('make_copies');
    const raised = await cli(dir, ['run-operation', 'refuse']);
    expect(raised.code).toBe(1);
    expect(raised.output).toContain('not today');
    expect(raised.output).toContain('macros/ops.sql');
    const bad = await cli(dir, ['run-operation', 'make_copies', '--args', '[1, 2]']);
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('--args must be a YAML mapping');
    writeFiles(dir, {});
    expect(existsSync(join(dir, 'target'))).toBe(true);
  });

  it('passes a required positional argument through --args on every re-render', async () => {
    const dir = writeProject(FILES);
    const r = await cli(dir, ['run-operation', 'op2', '--args', '{n: 21}']);
    expect(r.output).not.toContain('changed between renders');
    expect(r.code).toBe(0);
    expect(r.output.match(/^.*\b42$/gm)).toHaveLength(1);
  });
});
