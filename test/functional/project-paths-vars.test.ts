// project.yml: an absolute target-path, Jinja inside a var.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli, queryDb, writeProject, DEFAULT_PROJECT } from '../helpers/project.js';
import { tempDir } from '../helpers/temp-dir.js';

const SEED = { 'seeds/raw.csv': 'id,amount\n1,10\n2,20\n' };

describe('an absolute target-path', () => {
  it('is used as given, not joined to the project folder', async () => {
    const target = join(tempDir('tsdbt-target-'), 'out');
    const dir = writeProject({ ...SEED, 'project.yml': `${DEFAULT_PROJECT}target-path: ${target}\nclean-targets: []\n`, 'models/m.sql': "select * from {{ ref('raw') }}\n" });
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(0);
    expect(existsSync(join(target, 'manifest.json'))).toBe(true);
    expect(existsSync(join(target, 'run_results.json'))).toBe(true);
    expect(existsSync(join(target, 'compiled/shop/models/m.sql'))).toBe(true);
    expect(existsSync(join(target, 'run/shop/models/m.sql'))).toBe(true);
    expect(existsSync(join(dir, target))).toBe(false);
    for (const cmd of ['compile', 'ls', 'ls']) expect((await cli(dir, [cmd])).code).toBe(0);
    expect(existsSync(join(target, 'partial_parse.json'))).toBe(true);
    expect(existsSync(join(dir, target))).toBe(false);
  });
});

describe('Jinja inside a project var', () => {
  it('is rendered when var() returns it in project.yml, and in models', async () => {
    const files = {
      'project.yml': `${DEFAULT_PROJECT}vars:\n  sch: "{{ env_var('MYSCH', 'fb') }}"\nmodels:\n  shop:\n    +schema: "{{ var('sch') }}"\n`,
      'models/m.sql': "select '{{ var('sch') }}' as s\n",
    };
    const dir = writeProject(files);
    expect((await cli(dir, ['build'])).code).toBe(0);
    expect(await queryDb(dir, 'select s from main_fb.m')).toEqual([{ s: 'fb' }]);
    process.env.MYSCH = 'xx';
    try {
      const dir2 = writeProject(files);
      expect((await cli(dir2, ['build'])).code).toBe(0);
      expect(await queryDb(dir2, 'select s from main_xx.m')).toEqual([{ s: 'xx' }]);
    } finally {
      delete process.env.MYSCH;
    }
  });

  it('a var whose Jinja reads itself is an error at its definition, not a hang', async () => {
    const dir = writeProject({
      'project.yml': `${DEFAULT_PROJECT}vars:\n  a: "{{ var('a') }}"\nmodels:\n  shop:\n    +schema: "{{ var('a') }}"\n`,
      'models/m.sql': 'select 1 as id\n',
    });
    const r = await cli(dir, ['parse']);
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/^project\.yml:6:\d+: error\[C002\]: .*refers to itself/m);
  });
});
