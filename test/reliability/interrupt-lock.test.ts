// Ctrl-C and concurrent runs, with the real CLI in a child process: SIGINT interrupts running queries,
// records finished and cancelled nodes, exits 130 and leaves no partial relation; a second run on a
// locked file answers at once with the holder's PID and exit 2; `docs serve` never takes the lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupCli, ensureCli, runCli, spawnCli } from './cli-process.js';
import { queryDb, writeFiles, writeProject } from '../helpers/project.js';

// a query that keeps DuckDB busy for minutes but checks for interrupts between vectors
const SLOW = "{{ config(materialized='table') }}\nselect count(*)::bigint as n, 'new' as ver from range(200000) a, range(200000) b where hash(a.range + b.range) % 7 = 1\n";
const PROFILES_ONE_THREAD = `shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n      schema: main\n      threads: 4\n      settings:\n        threads: 1\n`;

function project(): string {
  return writeProject({
    'profiles.yml': PROFILES_ONE_THREAD,
    'models/a.sql': "{{ config(materialized='table') }}\nselect 1 as id\n",
    'models/b.sql': 'select * from {{ ref(\'a\') }}\n',
    'models/slow.sql': "{{ config(materialized='table') }}\nselect 1::bigint as n, 'old' as ver\n",
    'models/after_slow.sql': "{{ config(materialized='table') }}\nselect * from {{ ref('slow') }}\n",
  });
}

beforeAll(() => {
  ensureCli();
}, 120_000);
afterAll(() => cleanupCli());

describe('Ctrl-C (SIGINT)', () => {
  it('interrupts the running query, writes run_results.json, exits 130, keeps the old table', async () => {
    const dir = project();
    expect((await runCli(['build', '--project-dir', dir])).code).toBe(0);
    writeFiles(dir, { 'models/slow.sql': SLOW });
    const p = spawnCli(['build', '--project-dir', dir]);
    // never leave a runaway query behind a failed assertion
    const guard = setTimeout(() => p.child.kill('SIGKILL'), 30_000);
    await p.waitFor(/START sql table model main\.slow/);
    await p.waitFor(/OK created sql view model main\.b/);
    await new Promise((r) => setTimeout(r, 300));
    p.child.kill('SIGINT');
    const r = await p.done;
    clearTimeout(guard);
    expect(r.code, r.output).toBe(130);
    // 130, not the guard's SIGKILL: the running query was interrupted rather than waited for
    expect(r.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    const results = JSON.parse(readFileSync(join(dir, 'target/run_results.json'), 'utf8')).results as { unique_id: string; status: string; message: string }[];
    const byId = new Map(results.map((x) => [x.unique_id.split('.').pop(), x]));
    expect([...byId.keys()].sort()).toEqual(['a', 'after_slow', 'b', 'slow']);
    expect(byId.get('a')!.status).toBe('success');
    expect(byId.get('b')!.status).toBe('success');
    expect(byId.get('slow')!.status).toBe('error');
    expect(byId.get('slow')!.message).toMatch(/cancelled \(interrupted\)/);
    expect(byId.get('after_slow')!.status).toBe('skipped');
    // the old version is whole; nothing half-built is visible
    expect(await queryDb(dir, 'select n::int as n, ver from slow')).toEqual([{ n: 1, ver: 'old' }]);
    expect(await queryDb(dir, "select table_name from information_schema.tables where table_name like '%tsdbt%'")).toEqual([]);
    // and the next run works
    writeFiles(dir, { 'models/slow.sql': "{{ config(materialized='table') }}\nselect 2::bigint as n, 'next' as ver\n" });
    const next = await runCli(['build', '--project-dir', dir]);
    expect(next.code, next.output).toBe(0);
  }, 60_000);
});

describe('a closed output pipe', () => {
  it('`tsdbt ls | head` ends without an EPIPE stack trace', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`models/m${i}.sql`] = 'select 1 as id\n';
    const dir = writeProject(files);
    const p = spawnCli(['ls', '--project-dir', dir]);
    p.child.stdout!.once('data', () => p.child.stdout!.destroy());
    const r = await p.done;
    expect(r.output).not.toMatch(/EPIPE|^\s+at /m);
  }, 30_000);
});

describe('two runs on one DuckDB file', () => {
  it('the second answers at once with the PID holding the file and exit 2; nothing is corrupted', async () => {
    const dir = project();
    expect((await runCli(['build', '--project-dir', dir])).code).toBe(0);
    writeFiles(dir, { 'models/slow.sql': SLOW });
    const first = spawnCli(['build', '--project-dir', dir]);
    try {
      await first.waitFor(/START sql table model main\.slow/);
      const second = await runCli(['run', '--project-dir', dir, '-s', 'a']);
      expect(second.code, second.output).toBe(2);
      expect(second.output).toContain(`PID ${first.child.pid}`);
      expect(second.output).toMatch(/shop\.duckdb is in use by another process/);
      expect(second.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      // it answered without waiting for the lock: the first run (minutes of work) is still going
      expect(first.child.exitCode).toBeNull();
    } finally {
      first.child.kill('SIGINT');
    }
    expect((await first.done).code).toBe(130);
    expect(await queryDb(dir, 'select n::int as n, ver from slow')).toEqual([{ n: 1, ver: 'old' }]);
    expect(await queryDb(dir, 'select id from b')).toEqual([{ id: 1 }]);
  }, 60_000);

  it('docs serve never opens the database: a build runs while it serves', async () => {
    const dir = project();
    expect((await runCli(['build', '--project-dir', dir])).code).toBe(0);
    const gen = await runCli(['docs', 'generate', '--project-dir', dir]);
    expect(gen.code, gen.output).toBe(0);
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const serve = spawnCli(['docs', 'serve', '--project-dir', dir, '--port', port]);
    try {
      await serve.waitFor('Serving docs at');
      const res = await fetch(`http://127.0.0.1:${port}/`);
      expect(res.status).toBe(200);
      const build = await runCli(['build', '--project-dir', dir]);
      expect(build.code, build.output).toBe(0);
    } finally {
      serve.child.kill('SIGINT');
      await serve.done;
    }
  }, 60_000);
});
