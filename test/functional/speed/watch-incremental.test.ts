// Watch mode's fast path (only the saved models re-parsed, database and catalog kept open) is never
// stale: an edit that changes a model's refs or config, a new file, or a broken file left unsaved all
// still give what a full parse would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

function start(dir: string) {
  const passes: Pass[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const w = watch('build', {
    projectDir: dir,
    quiet: true,
    debounceMs: 100,
    onPass: (p) => {
      passes.push(p);
      for (const x of waiters.filter((x) => passes.length >= x.n)) x.resolve();
    },
  });
  current = w;
  const next = (n: number) => new Promise<void>((resolve) => (passes.length >= n ? resolve() : waiters.push({ n, resolve })));
  const ran = (n: number) => (passes[n - 1]?.result?.results ?? []).map((r) => r.unique_id).sort();
  return { w, passes, next, ran };
}

const value = async (dir: string, table: string) => (await queryDb(dir, `select v from ${table}`))[0]?.v;

describe('watch mode fast path', () => {
  it('follows a new ref() and a new file into the graph', async () => {
    const dir = writeProject({ 'models/a.sql': 'select 1 as v', 'models/c.sql': 'select 7 as v' });
    const { w, next, ran } = start(dir);
    await w.ready;
    writeFiles(dir, { 'models/c.sql': "select v + 100 as v from {{ ref('a') }}" });
    await next(2);
    expect(ran(2)).toEqual(['model.shop.c']);
    writeFiles(dir, { 'models/a.sql': 'select 2 as v' });
    await next(3);
    expect(ran(3)).toEqual(['model.shop.a', 'model.shop.c']);
    writeFiles(dir, { 'models/d.sql': "select v * 2 as v from {{ ref('c') }}" });
    await next(4);
    writeFiles(dir, { 'models/a.sql': 'select 3 as v' });
    await next(5);
    expect(ran(5)).toEqual(['model.shop.a', 'model.shop.c', 'model.shop.d']);
    await w.close();
    expect(await value(dir, 'd')).toBe(206);
  });

  it('applies a config() change made in the SQL file', async () => {
    const dir = writeProject({ 'models/a.sql': 'select 1 as v' });
    const { w, next } = start(dir);
    await w.ready;
    writeFiles(dir, { 'models/a.sql': "{{ config(materialized='table') }}\nselect 4 as v" });
    await next(2);
    await w.close();
    const rows = await queryDb(dir, "select table_type from information_schema.tables where table_name = 'a'");
    expect(rows[0]?.table_type).toBe('BASE TABLE');
    expect(await value(dir, 'a')).toBe(4);
  });

  it('keeps reporting a broken model until it is fixed, even when another file is saved', async () => {
    const dir = writeProject({ 'models/a.sql': 'select 1 as v', 'models/b.sql': 'select 1 as v' });
    const { w, passes, next } = start(dir);
    await w.ready;
    const { output } = await captureOutput(async () => {
      writeFiles(dir, { 'models/a.sql': 'select {{ 1 + }} as v' });
      await next(2);
      writeFiles(dir, { 'models/b.sql': 'select 5 as v' });
      await next(3);
    });
    expect(passes[1]?.error).toBeDefined();
    expect(passes[2]?.error).toBeDefined();
    expect(output.match(/models\/a\.sql:1/g)?.length).toBe(2);
    writeFiles(dir, { 'models/a.sql': 'select 6 as v' });
    await next(4);
    await w.close();
    expect(passes[3]?.result?.exitCode).toBe(0);
    expect(await value(dir, 'a')).toBe(6);
    expect(await value(dir, 'b')).toBe(5);
  });

  it('gives every pass its own invocation_id, even when only a macro reads it', async () => {
    const dir = writeProject({ 'macros/stamp.sql': '{% macro stamp() %}{{ invocation_id }}{% endmacro %}', 'models/a.sql': "select '{{ stamp() }}' as v" });
    const { w, next } = start(dir);
    const ran = () => /'([0-9a-f-]{36})'/.exec(readFileSync(join(dir, 'target/run/shop/models/a.sql'), 'utf8'))?.[1];
    await w.ready;
    writeFiles(dir, { 'models/a.sql': "select '{{ stamp() }}' as v -- 1" });
    await next(2);
    const first = ran();
    writeFiles(dir, { 'models/a.sql': "select '{{ stamp() }}' as v -- 2" });
    await next(3);
    await w.close();
    expect(first).toBeDefined();
    expect(ran()).toBeDefined();
    expect(ran()).not.toBe(first);
  });
});
