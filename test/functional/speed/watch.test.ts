// Watch mode: a saved model is rebuilt with its descendants, a syntax error is reported and watching
// goes on, rapid saves make one pass, and a save during a pass queues exactly one more.
import { afterEach, describe, expect, it } from 'vitest';
import { watch, type Watcher, type WatchOptions } from '../../../src/watch/watch.js';
import { captureOutput } from '../../../src/console/console.js';
import { queryDb, writeFiles, writeProject } from '../../helpers/project.js';

type Pass = Parameters<NonNullable<WatchOptions['onPass']>>[0];
let current: Watcher | undefined;

afterEach(async () => {
  await current?.close();
  current = undefined;
});

/** Start watching; `passes` fills as passes end, `next(n)` waits for the n-th pass. */
function start(dir: string, debounceMs = 200) {
  const passes: Pass[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const w = watch('build', {
    projectDir: dir,
    quiet: true,
    debounceMs,
    onPass: (p) => {
      passes.push(p);
      for (const x of waiters.filter((x) => passes.length >= x.n)) x.resolve();
    },
  });
  current = w;
  const next = (n: number) => new Promise<void>((resolve) => (passes.length >= n ? resolve() : waiters.push({ n, resolve })));
  return { w, passes, next };
}

const value = async (dir: string, table: string) => (await queryDb(dir, `select v from ${table}`))[0]?.v;

describe('watch mode', () => {
  it('rebuilds a saved model and its descendants, with their tests', async () => {
    const dir = writeProject({
      'models/a.sql': 'select 1 as v',
      'models/b.sql': "select v * 10 as v from {{ ref('a') }}",
      'models/c.sql': 'select 7 as v',
      'models/schema.yml': 'version: 2\nmodels:\n  - name: b\n    columns:\n      - name: v\n        data_tests: [not_null]\n',
    });
    const { w, passes, next } = start(dir);
    await w.ready;
    expect(passes[0]?.result?.exitCode).toBe(0);
    writeFiles(dir, { 'models/a.sql': 'select 2 as v' });
    await next(2);
    await w.close();
    const ran = (passes[1]?.result?.results ?? []).map((r) => r.unique_id).sort();
    expect(ran).toEqual(['model.shop.a', 'model.shop.b', 'test.shop.not_null_b_v']);
    expect(await value(dir, 'b')).toBe(20);
  });

  it('reports a syntax error without leaving watch mode, then picks up the fix', async () => {
    const dir = writeProject({ 'models/a.sql': 'select 1 as v' });
    const { w, passes, next } = start(dir);
    await w.ready;
    const { output } = await captureOutput(async () => {
      writeFiles(dir, { 'models/a.sql': 'select {{ 1 + }} as v' });
      await next(2);
    });
    expect(passes[1]?.error).toBeDefined();
    expect(output).toMatch(/models\/a\.sql:1/);
    writeFiles(dir, { 'models/a.sql': 'select 3 as v' });
    await next(3);
    await w.close();
    expect(passes[2]?.result?.exitCode).toBe(0);
    expect(await value(dir, 'a')).toBe(3);
  });

  it('merges rapid saves into one pass', async () => {
    const dir = writeProject({ 'models/a.sql': 'select 1 as v', 'models/b.sql': 'select 1 as v' });
    const { w, passes, next } = start(dir, 400);
    await w.ready;
    for (let i = 2; i <= 5; i++) writeFiles(dir, { 'models/a.sql': `select ${i} as v`, 'models/b.sql': `select ${i * 10} as v` });
    await next(2);
    await w.idle();
    await w.close();
    expect(passes).toHaveLength(2);
    expect(await value(dir, 'a')).toBe(5);
    expect(await value(dir, 'b')).toBe(50);
  });

  it('queues exactly one more pass for saves made during a pass', async () => {
    const dir = writeProject({ 'models/a.sql': 'select 1 as v', 'models/b.sql': 'select 1 as v' });
    let saveDuringPass = true;
    const passes: Pass[] = [];
    const w = watch('build', {
      projectDir: dir,
      quiet: true,
      debounceMs: 50,
      onPass: (p) => {
        passes.push(p);
        // the second pass (for a.sql) is "running" until this callback returns: save twice meanwhile
        if (passes.length === 2 && saveDuringPass) {
          saveDuringPass = false;
          writeFiles(dir, { 'models/b.sql': 'select 2 as v' });
          writeFiles(dir, { 'models/b.sql': 'select 3 as v' });
        }
      },
    });
    current = w;
    await w.ready;
    writeFiles(dir, { 'models/a.sql': 'select 2 as v' });
    while (passes.length < 3) await new Promise((r) => setTimeout(r, 50));
    await w.idle();
    await w.close();
    expect(passes).toHaveLength(3);
    expect(passes[2]?.files).toEqual(['models/b.sql']);
    expect(await value(dir, 'b')).toBe(3);
  });
});
