// Slim CI: `result:error` retries what failed in the --state run, and --defer reads unselected parents
// that are not built in the target from the relations of the --state manifest.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/index.js';
import { queryDb, writeFiles, writeProject } from '../../helpers/project.js';
import { tempDir } from '../../helpers/temp-dir.js';

const PROFILES = `shop:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: shop.duckdb
      schema: dev
    prod:
      type: duckdb
      path: shop.duckdb
      schema: prod
`;

const saveState = (dir: string) => {
  const state = tempDir('tsdbt-state-');
  cpSync(join(dir, 'target'), state, { recursive: true });
  return state;
};

describe('--state with result: and --defer', () => {
  it('result:error selects only the nodes that errored in the state run', async () => {
    const dir = writeProject({ 'models/a.sql': 'select 1 as v', 'models/b.sql': 'select * from missing_table', 'models/c.sql': 'select 3 as v' });
    const first = await run({ projectDir: dir, quiet: true });
    expect(first.results.find((r) => r.unique_id === 'model.shop.b')?.status).toBe('error');
    const state = saveState(dir);
    writeFiles(dir, { 'models/b.sql': 'select 2 as v' });
    const retry = await run({ projectDir: dir, quiet: true, select: ['result:error'], state });
    expect(retry.results.map((r) => [r.unique_id, r.status])).toEqual([['model.shop.b', 'success']]);
    expect(await queryDb(dir, 'select v from main.b')).toEqual([{ v: 2 }]);
  });

  it('--defer reads an unselected parent missing from the target from the state relations', async () => {
    const dir = writeProject({
      'profiles.yml': PROFILES,
      'models/a.sql': "{{ config(materialized='table') }} select 41 as v",
      'models/b.sql': "{{ config(materialized='table') }} select v + 1 as v from {{ ref('a') }}",
    });
    expect((await run({ projectDir: dir, quiet: true, target: 'prod' })).exitCode).toBe(0);
    const state = saveState(dir);
    // without deferral, dev.b refers to dev.a, which was never built
    expect((await run({ projectDir: dir, quiet: true, select: ['b'] })).exitCode).toBe(1);
    const deferred = await run({ projectDir: dir, quiet: true, select: ['b'], state, defer: true });
    expect(deferred.exitCode).toBe(0);
    expect(await queryDb(dir, 'select v from dev.b')).toEqual([{ v: 42 }]);
    // once dev.a exists, it is used instead of the state's relation
    await run({ projectDir: dir, quiet: true, select: ['a'] });
    writeFiles(dir, { 'models/a.sql': "{{ config(materialized='table') }} select 99 as v" });
    await run({ projectDir: dir, quiet: true, select: ['a'] });
    await run({ projectDir: dir, quiet: true, select: ['b'], state, defer: true });
    expect(await queryDb(dir, 'select v from dev.b')).toEqual([{ v: 100 }]);
  });

  it('--defer without --state is a usage error', async () => {
    const dir = writeProject({ 'models/a.sql': 'select 1 as v' });
    await expect(run({ projectDir: dir, quiet: true, defer: true })).rejects.toThrow(/--defer needs --state/);
  });
});
