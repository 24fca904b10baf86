// on-run-start / on-run-end hooks that call macros which query the database: their log() lines print
// once however many times the hook re-renders, and a template error in a hook names the line of
// project.yml / dbt_project.yml the hook is written on.
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeProject } from '../../helpers/project.js';

const MACROS = {
  'macros/audit.sql': `{% macro audit_start() %}
  {% do run_query('create table if not exists main.hook_audit (n int)') %}
  {% do log('HOOKLOG before', info=True) %}
  {% do run_query('insert into main.hook_audit values (1)') %}
  {% set r = run_query('select count(*) from main.hook_audit') %}
  {% do log('HOOKLOG rows=' ~ r.rows[0][0], info=True) %}
  select 1
{% endmacro %}
`,
  'models/m.sql': 'select 1 as x\n',
};

describe('project hooks that run queries', () => {
  it('print each log line of a hook macro once and run each of its statements once', async () => {
    const dir = writeProject({
      ...MACROS,
      'project.yml': "name: shop\nprofile: shop\nversion: '1.0'\nconfig-version: 2\non-run-start:\n  - \"{{ audit_start() }}\"\n",
    });
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(0);
    expect(r.output.match(/HOOKLOG before/g)).toHaveLength(1);
    expect(r.output.match(/HOOKLOG rows=1/g)).toHaveLength(1);
    expect(await queryDb(dir, 'select n from main.hook_audit')).toEqual([{ n: 1 }]);
  });

  it('report a template error in a hook at the hook line of dbt_project.yml', async () => {
    const dir = writeProject({
      'models/m.sql': 'select 1 as x\n',
      'project.yml': '',
      'dbt_project.yml': `name: shop
profile: shop
version: '1.0'
config-version: 2

on-run-start:
  - "select {{ no_such_macro() }}"
`,
    });
    const r = await cli(dir, ['run']);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('no_such_macro');
    expect(r.output).toMatch(/dbt_project\.yml:7(:\d+)?: error/);
    expect(r.output).not.toContain('dbt_project.yml:1:');
  });

  it('report an error on a later line of a block-scalar hook at that line', async () => {
    const dir = writeProject({
      'models/m.sql': 'select 1 as x\n',
      'project.yml': `name: shop
profile: shop
version: '1.0'
config-version: 2
on-run-start:
  - "select 1"
  - |
    select 2
    {{ exceptions.raise_compiler_error('hook says no') }}
`,
    });
    const r = await cli(dir, ['run']);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('hook says no');
    expect(r.output).toMatch(/project\.yml:9(:\d+)?: error/);
  });
});
