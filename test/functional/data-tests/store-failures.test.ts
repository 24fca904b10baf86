// store_failures across runs: the audit relation is replaced on every run (as a table or a view, and
// when a test switches between the two), and `--store-failures` turns it on for one invocation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeFiles, writeProject } from '../../helpers/project.js';

const BASE = "select * from (values (1, 'a'), (2, null), (3, null)) t(id, v)\n";

const yml = (config: string) =>
  `version: 2\nmodels:\n  - name: base\n    columns:\n      - name: v\n        data_tests:\n          - not_null:\n              name: v_is_present\n              config: {${config}}\n`;

const audit = (dir: string) => queryDb(dir, 'select id from main_dbt_test__audit.v_is_present order by id');
const kindOf = async (dir: string) =>
  (await queryDb(dir, "select table_type from information_schema.tables where table_schema = 'main_dbt_test__audit' and table_name = 'v_is_present'"))[0]?.table_type;

describe('store_failures over several runs', () => {
  it('as a table: the second run replaces the rows, then switching to a view works', async () => {
    const dir = writeProject({ 'models/base.sql': BASE, 'models/props.yml': yml('store_failures: true') });
    expect((await cli(dir, ['run'])).code).toBe(0);
    let r = await cli(dir, ['test']);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/FAIL 2 v_is_present/);
    expect(await audit(dir)).toEqual([{ id: 2 }, { id: 3 }]);
    expect(await kindOf(dir)).toBe('BASE TABLE');

    writeFiles(dir, { 'models/base.sql': "select * from (values (1, 'a'), (2, null)) t(id, v)\n" });
    expect((await cli(dir, ['run'])).code).toBe(0);
    r = await cli(dir, ['test']);
    expect(r.output).not.toContain('Catalog Error');
    expect(r.output).toMatch(/FAIL 1 v_is_present/);
    expect(await audit(dir)).toEqual([{ id: 2 }]);

    writeFiles(dir, { 'models/props.yml': yml('store_failures: true, store_failures_as: view') });
    r = await cli(dir, ['test']);
    expect(r.output).not.toContain('Catalog Error');
    expect(r.output).toMatch(/FAIL 1 v_is_present/);
    expect(await kindOf(dir)).toBe('VIEW');
    expect(await audit(dir)).toEqual([{ id: 2 }]);

    // a view twice, then back to a table
    r = await cli(dir, ['test']);
    expect(r.output).toMatch(/FAIL 1 v_is_present/);
    expect(await kindOf(dir)).toBe('VIEW');
    writeFiles(dir, { 'models/props.yml': yml('store_failures: true') });
    r = await cli(dir, ['test']);
    expect(r.output).toMatch(/FAIL 1 v_is_present/);
    expect(await kindOf(dir)).toBe('BASE TABLE');
    expect(await audit(dir)).toEqual([{ id: 2 }]);
  });

  it('as a view from the first run: the second run replaces it', async () => {
    const dir = writeProject({ 'models/base.sql': BASE, 'models/props.yml': yml('store_failures: true, store_failures_as: view') });
    expect((await cli(dir, ['build'])).code).toBe(1);
    expect(await kindOf(dir)).toBe('VIEW');
    expect(await audit(dir)).toEqual([{ id: 2 }, { id: 3 }]);
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(1);
    expect(r.output).not.toContain('Catalog Error');
    expect(r.output).toMatch(/FAIL 2 v_is_present/);
    expect(await audit(dir)).toEqual([{ id: 2 }, { id: 3 }]);
  });
});

describe('--store-failures', () => {
  const files = {
    'models/base.sql': BASE,
    'tests/no_a.sql': "select * from {{ ref('base') }} where v is null or v <> 'a'\n",
    'models/props.yml': [
      'version: 2',
      'models:',
      '  - name: base',
      '    columns:',
      '      - name: v',
      '        data_tests:',
      '          - not_null',
      '          - accepted_values: {values: [a], config: {store_failures: false}}',
      '',
    ].join('\n'),
  };
  const auditTables = async (dir: string) =>
    (await queryDb(dir, "select table_name from information_schema.tables where table_schema = 'main_dbt_test__audit' order by 1")).map((r) => r.table_name);

  it('test --store-failures stores the failing rows of every test that does not set store_failures: false', async () => {
    const dir = writeProject(files);
    expect((await cli(dir, ['run'])).code).toBe(0);
    expect((await cli(dir, ['test'])).code).toBe(1);
    expect(await auditTables(dir)).toEqual([]);
    const r = await cli(dir, ['test', '--store-failures']);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/FAIL 2 not_null_base_v/);
    expect(await auditTables(dir)).toEqual(['no_a', 'not_null_base_v']);
    expect(await queryDb(dir, 'select id from main_dbt_test__audit.not_null_base_v order by id')).toEqual([{ id: 2 }, { id: 3 }]);
    expect(await queryDb(dir, 'select id from main_dbt_test__audit.no_a order by id')).toEqual([{ id: 2 }, { id: 3 }]);
  });

  it('build --store-failures does too, for that invocation only', async () => {
    const dir = writeProject(files);
    expect((await cli(dir, ['build', '--store-failures'])).code).toBe(1);
    expect(await auditTables(dir)).toEqual(['no_a', 'not_null_base_v']);
    // the next invocation without the flag neither stores nor reads the audit schema
    writeFiles(dir, { 'models/base.sql': "select * from (values (1, 'a'), (2, null)) t(id, v)\n" });
    const r = await cli(dir, ['build']);
    expect(r.output).toMatch(/FAIL 1 not_null_base_v/);
    expect(await queryDb(dir, 'select id from main_dbt_test__audit.not_null_base_v order by id')).toEqual([{ id: 2 }, { id: 3 }]);
    const m = JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8'));
    expect(m.nodes['test.shop.not_null_base_v'].schema).toBe('main');
  });
});
