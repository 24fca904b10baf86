// The per-node record files (target/run, target/compiled) are held while the nodes run and written
// by a worker thread as the run ends: when the command returns, every one is on disk, complete.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
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
});
