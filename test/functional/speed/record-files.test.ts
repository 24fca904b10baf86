// The per-node record files (target/run, target/compiled) are held while the nodes run and written
// by a worker thread as the run ends: when the command returns, every one is on disk, complete. A
// rebuild leaves a file that already holds its SQL as it is, and rewrites one edited by hand.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, writeProject } from '../../helpers/project.js';

const N = 150;

describe('record files of a large run', () => {
  it('are all written, with their SQL, by the time build returns (the worker-thread path)', async () => {
    const files: Record<string, string> = {};
    const tests: string[] = [];
    for (let i = 0; i < N; i++) {
      files[`models/m${i}.sql`] = `select ${i} as id\n`;
      tests.push(`  - name: m${i}\n    columns:\n      - name: id\n        data_tests: [not_null]\n`);
    }
    files['models/schema.yml'] = `version: 2\nmodels:\n${tests.join('')}`;
    const dir = writeProject(files);
    const r = await cli(dir, ['build', '--threads', '2']);
    expect(r.code, r.output).toBe(0);
    const run = join(dir, 'target/run/shop/models');
    // a model's run file, and one per test under schema.yml/
    expect(readdirSync(run).filter((f) => f.endsWith('.sql'))).toHaveLength(N);
    expect(readdirSync(join(run, 'schema.yml'))).toHaveLength(N);
    expect(readdirSync(join(dir, 'target/compiled/shop/models/schema.yml'))).toHaveLength(N);
    expect(readFileSync(join(run, 'm149.sql'), 'utf8')).toContain('select 149 as id');
    expect(readFileSync(join(run, 'schema.yml', 'not_null_m149_id.sql'), 'utf8')).toMatch(/"m149"[\s\S]*id is null/);
  });

  it('a rebuild rewrites only the files whose SQL changed, and restores one edited by hand', async () => {
    // N models take the worker path, three the main thread's; m0 stays, m1's file is edited, m2 changes
    for (const n of [N, 3]) {
      const files: Record<string, string> = {};
      for (let i = 0; i < n; i++) files[`models/m${i}.sql`] = `select ${i} as id\n`;
      const dir = writeProject(files);
      expect((await cli(dir, ['run'])).code).toBe(0);
      const compiled = (i: number) => join(dir, `target/compiled/shop/models/m${i}.sql`);
      const before = statSync(compiled(0)).mtimeMs;
      writeFileSync(compiled(1), '-- edited by hand\n');
      writeFileSync(join(dir, 'models/m2.sql'), 'select 2 + 1 as id\n');
      await new Promise((r) => setTimeout(r, 20));
      const r = await cli(dir, ['run']);
      expect(r.code, r.output).toBe(0);
      expect(statSync(compiled(0)).mtimeMs, `${n} models: unchanged SQL, file untouched`).toBe(before);
      expect(readFileSync(compiled(0), 'utf8')).toContain('select 0 as id');
      expect(readFileSync(compiled(1), 'utf8'), `${n} models`).toContain('select 1 as id');
      expect(readFileSync(compiled(2), 'utf8')).toContain('select 2 + 1 as id');
      expect(readFileSync(join(dir, 'target/run/shop/models/m2.sql'), 'utf8')).toContain('select 2 + 1 as id');
    }
  });
});
