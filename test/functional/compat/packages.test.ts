// Packages: one already under dbt_packages/ and one `local:` package join the project (macros in
// their namespace and the root one, models/seeds/tests with their package name), configured by the
// root project; `tsdbt deps` links local packages and says what it cannot download.
import { describe, expect, it } from 'vitest';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, queryDb, writeFiles, writeProject } from '../../helpers/project.js';

const FILES = {
  'project.yml': `name: shop
profile: shop
version: '1.0'
config-version: 2
vars:
  shared_pkg:
    min_amount: 15
models:
  shared_pkg:
    +schema: shared
`,
  'packages.yml': `packages:
  - package: acme/mini_utils
    version: [">=1.0.0", "<2.0.0"]
  - local: vendor/shared_pkg
`,
  'seeds/raw_orders.csv': 'id,amount\n1,10\n2,20\n3,30\n',
  'models/orders.sql': "select id, {{ mini_utils.cents('amount') }} as cents, {{ cents('amount') }} as cents2 from {{ ref('raw_orders') }}\n",
  'models/calendar_copy.sql': "select count(*) as days from {{ ref('mini_utils', 'mini_calendar') }}\n",
  'dbt_packages/mini_utils/dbt_project.yml': `name: mini_utils
version: '1.0.0'
config-version: 2
require-dbt-version: [">=1.0.0"]
vars:
  mini_utils_days: 7
models:
  mini_utils:
    +materialized: table
`,
  'dbt_packages/mini_utils/macros/cents.sql': '{% macro cents(col) %}({{ col }} * 100)::int{% endmacro %}\n',
  'dbt_packages/mini_utils/macros/tests.sql': '{% test is_positive(model, column_name) %}select * from {{ model }} where {{ column_name }} <= 0{% endtest %}\n',
  'dbt_packages/mini_utils/models/mini_calendar.sql': "select range as day from range({{ var('mini_utils_days') }})\n",
  'vendor/shared_pkg/dbt_project.yml': "name: shared_pkg\nversion: '0.1'\nconfig-version: 2\nvars:\n  min_amount: 0\n",
  'vendor/shared_pkg/seeds/shared_codes.csv': 'code,label\na,Alpha\nb,Beta\n',
  'vendor/shared_pkg/models/big_orders.sql': "select id, amount from {{ ref('raw_orders') }} where amount >= {{ var('min_amount') }}\n",
  'vendor/shared_pkg/models/schema.yml': 'models:\n  - name: big_orders\n    description: orders above the threshold\n    columns:\n      - name: amount\n        tests: [not_null, is_positive]\n',
};

describe('packages', () => {
  it('package macros, models, seeds and tests join the project; root config and vars apply', async () => {
    const dir = writeProject(FILES);
    const r = await cli(dir, ['build']);
    expect(r.output).not.toContain('error[');
    expect(r.code).toBe(0);
    expect(await queryDb(dir, 'select id::int as id, cents, cents2 from orders order by id')).toEqual([
      { id: 1, cents: 1000, cents2: 1000 }, { id: 2, cents: 2000, cents2: 2000 }, { id: 3, cents: 3000, cents2: 3000 },
    ]);
    // the package's own +materialized: table and its own var default
    expect(await queryDb(dir, "select table_type from information_schema.tables where table_name = 'mini_calendar'")).toEqual([{ table_type: 'BASE TABLE' }]);
    expect(await queryDb(dir, 'select days::int as days from calendar_copy')).toEqual([{ days: 7 }]);
    // the root project's `shared_pkg: +schema` and its `vars: shared_pkg:` block
    expect(await queryDb(dir, 'select id::int as id from main_shared.big_orders order by id')).toEqual([{ id: 2 }, { id: 3 }]);
    expect(await queryDb(dir, 'select label from main.shared_codes order by code')).toEqual([{ label: 'Alpha' }, { label: 'Beta' }]);
    const manifest = JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8'));
    const big = manifest.nodes['model.shared_pkg.big_orders'];
    expect(big.package_name).toBe('shared_pkg');
    expect(big.fqn).toEqual(['shared_pkg', 'big_orders']);
    expect(big.original_file_path).toBe('models/big_orders.sql');
    expect(big.description).toBe('orders above the threshold');
    expect(manifest.macros['macro.mini_utils.cents'].package_name).toBe('mini_utils');
    const results = JSON.parse(readFileSync(join(dir, 'target/run_results.json'), 'utf8')).results as { unique_id: string; status: string }[];
    const tests = results.filter((x) => x.unique_id.startsWith('test.'));
    expect(tests.map((t) => t.status)).toEqual(['pass', 'pass']);
    expect(tests.some((t) => t.unique_id.includes('is_positive_big_orders_amount'))).toBe(true);
  });

  it('tsdbt deps links local packages and reports what it cannot download', async () => {
    const dir = writeProject(FILES);
    const r = await cli(dir, ['deps']);
    expect(r.code).toBe(0);
    expect(r.output).toContain('Installing vendor/shared_pkg');
    expect(r.output).toContain('Found acme/mini_utils already in dbt_packages/mini_utils');
    expect(lstatSync(join(dir, 'dbt_packages/shared_pkg')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir, 'dbt_packages/shared_pkg/models/big_orders.sql'))).toBe(true);
    // installed and local copies are the same package, not a duplicate
    expect((await cli(dir, ['build'])).code).toBe(0);

    writeFiles(dir, { 'packages.yml': FILES['packages.yml'] + '  - package: dbt-labs/dbt_utils\n    version: 1.3.0\n' });
    const d = await cli(dir, ['deps']);
    expect(d.code).toBe(1);
    expect(d.output).toContain('Cannot install dbt-labs/dbt_utils@1.3.0: cannot be installed without network access: place the package under dbt_packages/dbt_utils');
    const b = await cli(dir, ['build']);
    expect(b.code).toBe(2);
    expect(b.output).toContain("packages.yml:5:5: error[C002]: package 'dbt-labs/dbt_utils' from packages.yml is not installed in dbt_packages/");
    expect(b.output).toContain('hint: tsdbt cannot download hub or git packages (no network access): place the package under dbt_packages/dbt_utils');
  });

  it('a template error inside a package names the package file', async () => {
    const dir = writeProject({ ...FILES, 'vendor/shared_pkg/models/broken.sql': 'select {{ 1 + }}\n' });
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(2);
    expect(r.output).toContain('vendor/shared_pkg/models/broken.sql');
  });
});
