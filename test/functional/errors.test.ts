// Every user mistake of the engine issue: non-zero exit, a message starting with file:line:col where
// there is one and saying how to fix it, no stack trace, and no table changed.
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, queryDb, writeFiles, writeProject } from '../helpers/project.js';

const BASE = {
  'seeds/raw.csv': 'id\n1\n2\n',
  'models/a.sql': "select * from {{ ref('raw') }}\n",
  'models/b.sql': "{{ config(materialized='table') }}\nselect count(*) as n from {{ ref('a') }}\n",
};

async function builtProject(): Promise<string> {
  const dir = writeProject(BASE);
  expect((await cli(dir, ['build'])).code).toBe(0);
  return dir;
}

function noStack(output: string): void {
  expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}

async function unchanged(dir: string): Promise<void> {
  expect(await queryDb(dir, 'select n::int as n from b')).toEqual([{ n: 2 }]);
}

const CASES: { name: string; files: Record<string, string>; args?: string[]; code: number; message: RegExp }[] = [
  { name: 'bad YAML in project.yml', files: { 'project.yml': 'name: shop\nprofile: shop\nmodels:\n  shop:\n   - [\n' }, code: 2, message: /^project\.yml:\d+:\d+: error\[C001\]: invalid YAML/m },
  { name: 'an unknown project key', files: { 'project.yml': 'name: shop\nprofile: shop\nmodel-path: [models]\n' }, code: 2, message: /^project\.yml:3:1: error\[C002\]: unknown key `model-path`[\s\S]*did you mean `model-paths`/m },
  { name: 'a config value of the wrong type', files: { 'project.yml': 'name: shop\nprofile: shop\nmodels:\n  shop:\n    +enabled: maybe\n' }, code: 2, message: /^project\.yml:5:\d+: error\[C002\]/m },
  { name: 'a Jinja syntax error', files: { 'models/b.sql': 'select {{ 1 +  }} as n\n' }, code: 2, message: /^models\/b\.sql:1:\d+: error\[P001\]/m },
  { name: 'an unclosed tag', files: { 'models/b.sql': "select 1 as n\n{% if true %}\n" }, code: 2, message: /^models\/b\.sql(:\d+)?(:\d+)?: error\[P001\].*endif/m },
  { name: 'a missing ref', files: { 'models/b.sql': "select * from {{ ref('aa') }}\n" }, code: 2, message: /^models\/b\.sql:1:18: error\[P002\].*'aa' which was not found\n\s+hint: did you mean `a`/m },
  { name: 'a missing source', files: { 'models/b.sql': "select * from {{ source('raw', 'orders') }}\n" }, code: 2, message: /^models\/b\.sql:1:\d+: error\[P003\].*'raw\.orders'/m },
  { name: 'a missing macro', files: { 'models/b.sql': 'select {{ cents_to_dollars(1) }} as n\n' }, code: 2, message: /^models\/b\.sql:1:\d+: error\[P004\]: 'cents_to_dollars' is undefined/m },
  { name: 'a cycle', files: { 'models/a.sql': "select * from {{ ref('b') }}\n" }, code: 2, message: /error\[G001\]: Found a cycle: .*models\/a\.sql.*models\/b\.sql/ },
  { name: 'a self-reference', files: { 'models/b.sql': "select * from {{ ref('b') }}\n" }, code: 2, message: /^models\/b\.sql:1:18: error\[G001\]: b refers to itself/m },
  { name: 'two models with one name', files: { 'models/sub/a.sql': 'select 1 as id\n' }, code: 2, message: /error\[P005\]: two models are named 'a': models\/a\.sql and models\/sub\/a\.sql/ },
  { name: 'an unknown materialization', files: { 'models/b.sql': "{{ config(materialized='tabel') }}select 1 as n\n" }, code: 2, message: /^models\/b\.sql: error\[P006\]: unknown materialization 'tabel'\n\s+hint: did you mean `table`/m },
  { name: 'a missing target', files: {}, args: ['--target', 'prod'], code: 2, message: /error\[C003\]: target `prod` not found/ },
  { name: 'a missing profile', files: { 'project.yml': 'name: shop\nprofile: nope\n' }, code: 2, message: /error\[C003\].*profile `nope`/ },
  { name: 'bad --vars', files: {}, args: ['--vars', '{a: [1'], code: 2, message: /error\[U001\]: --vars is not valid YAML/ },
  { name: 'a missing var', files: { 'models/b.sql': "select {{ var('start_date') }} as n\n" }, code: 2, message: /^models\/b\.sql(:\d+:\d+)?: error\[P001\]: Required var 'start_date' not found[\s\S]*hint: define it under `vars:`/m },
];

describe('bad input', () => {
  for (const c of CASES) {
    it(`${c.name}: exit ${c.code}, a located message, nothing changed`, async () => {
      const dir = await builtProject();
      writeFiles(dir, c.files);
      const r = await cli(dir, ['build', ...(c.args ?? [])]);
      expect(r.code).toBe(c.code);
      expect(r.output).toMatch(c.message);
      noStack(r.output);
      await unchanged(dir);
    });
  }

  it('an SQL error from DuckDB: exit 1, the model named, the previous table kept', async () => {
    const dir = await builtProject();
    writeFiles(dir, { 'models/b.sql': "{{ config(materialized='table') }}\nselect count(nope) as n from {{ ref('a') }}\n" });
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/Runtime Error in model b \(models\/b\.sql\)/);
    // DuckDB's LINE counts the wrapping `create table ... as (`: the message names the model's own line:col
    expect(r.output).toMatch(/\smodels\/b\.sql:2:14: error\[R001\]: Binder Error: .*nope/);
    noStack(r.output);
    await unchanged(dir);
  });

  it('an unwritable database folder: exit 2 naming the path', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permissions: point the database below a file instead, which no one can create
      const dir = writeProject({ ...BASE, 'profiles.yml': 'shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: models/a.sql/x.duckdb\n' });
      const r = await cli(dir, ['run']);
      expect(r.code).toBe(2);
      expect(r.output).toMatch(/error\[R003\]: cannot open the database .*models\/a\.sql\/x\.duckdb/);
      noStack(r.output);
      return;
    }
    const dir = writeProject({ ...BASE, 'profiles.yml': 'shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: locked/x.duckdb\n' });
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o500);
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/error\[R003\]/);
  });

  it('an unknown command or flag: exit 2', async () => {
    const dir = writeProject(BASE);
    expect((await cli(dir, ['buidl'])).code).toBe(2);
    expect((await cli(dir, ['run', '--no-such-flag'])).code).toBe(2);
  });
});
