// Values of TSDBT_ENV_SECRET_* / DBT_ENV_SECRET_* env vars work in profiles, hooks and models but never
// appear in console output, log files, anything under target/, or the docs site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupCli, ensureCli, runCli } from './cli-process.js';
import { queryDb, writeProject } from '../helpers/project.js';

const PASSWORD = 's3cr3t-Pa55word-7731';
const TOKEN = 'tok_ABCDEF_998877';
const ENV = { TSDBT_ENV_SECRET_PASSWORD: PASSWORD, DBT_ENV_SECRET_TOKEN: TOKEN };

const PROFILES = `shop:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: shop.duckdb
      schema: main
      threads: 2
      settings:
        custom_user_agent: "{{ env_var('TSDBT_ENV_SECRET_PASSWORD') }}"
`;

const PROJECT = `name: shop
profile: shop
version: '1.0'
config-version: 2
on-run-start:
  - "create table if not exists audit as select '{{ env_var('DBT_ENV_SECRET_TOKEN') }}' as token where false"
on-run-end:
  - "insert into audit values ('{{ env_var('DBT_ENV_SECRET_TOKEN') }}')"
`;

function allFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...allFiles(p));
    else if (e.isFile() && !/\.duckdb(\.wal)?$/.test(e.name)) out.push(p);
  }
  return out;
}

beforeAll(() => {
  ensureCli();
}, 120_000);
afterAll(() => cleanupCli());

describe('secret env vars', () => {
  it('never leak into output, logs, target/ or docs, while the values are really used', async () => {
    const dir = writeProject({
      'project.yml': PROJECT,
      'profiles.yml': PROFILES,
      'models/uses_secret.sql': `{{ config(materialized='table', post_hook="insert into audit values ('{{ env_var('TSDBT_ENV_SECRET_PASSWORD') }}')") }}\nselect '{{ env_var('TSDBT_ENV_SECRET_PASSWORD') }}' as pw, 1 as id\n`,
      'models/fails_with_secret.sql': `{{ config(materialized='table') }}\nselect '{{ env_var('DBT_ENV_SECRET_TOKEN') }}'::int as n\n`,
      'models/schema.yml': 'version: 2\nmodels:\n  - name: uses_secret\n    description: "uses a secret"\n    columns:\n      - name: id\n        data_tests: [not_null]\n',
    });
    const outputs: string[] = [];
    const run = async (args: string[], expected: number) => {
      const r = await runCli([...args, '--project-dir', dir], ENV);
      outputs.push(r.output);
      expect(r.code, r.output).toBe(expected);
      return r;
    };
    const debug = await run(['build', '--log-level', 'debug'], 1);
    // the failing model's DuckDB error quotes the value: it is masked, not dropped
    expect(debug.output).toMatch(/Could not convert string '\*{5}'/);
    expect(debug.output).toContain('[conn');
    await run(['build', '--log-format', 'json', '--debug'], 1);
    await run(['compile'], 0);
    await run(['docs', 'generate'], 0);
    // the values were really used: by the model, both hooks and the profile
    expect(await queryDb(dir, 'select pw from uses_secret')).toEqual([{ pw: PASSWORD }]);
    const audit = (await queryDb(dir, 'select * from audit')).map((r) => r.token);
    expect(audit).toContain(PASSWORD);
    expect(audit).toContain(TOKEN);
    const files = allFiles(dir);
    expect(files.some((f) => f.includes(join('target', 'compiled')))).toBe(true);
    expect(files.some((f) => f.includes(join('target', 'run')))).toBe(true);
    expect(files.some((f) => f.endsWith('tsdbt.log'))).toBe(true);
    expect(files.some((f) => f.endsWith('index.html'))).toBe(true);
    const leaks: string[] = [];
    for (const [i, o] of outputs.entries()) for (const s of [PASSWORD, TOKEN]) if (o.includes(s)) leaks.push(`output of command ${i + 1}`);
    for (const f of files) {
      if (statSync(f).size > 50_000_000) continue;
      const text = readFileSync(f, 'utf8');
      for (const s of [PASSWORD, TOKEN]) if (text.includes(s) || text.includes(JSON.stringify(s).slice(1, -1))) leaks.push(f.slice(dir.length + 1));
    }
    expect(leaks).toEqual([]);
    // the masked form is what the artifacts hold
    expect(readFileSync(join(dir, 'target/compiled/shop/models/uses_secret.sql'), 'utf8')).toContain("'*****' as pw");
  }, 120_000);
});
