// A parse of 2,000+ models reads its model files on a helper thread (src/parser/file-prefetch.ts): the
// manifest must be the one a parse reading every file itself gives, and a broken file must still be
// reported with its name and line.
import { describe, expect, it, afterEach } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../../src/index.js';
import { writeFiles, writeProject } from '../../helpers/project.js';
import { TsdbtErrors } from '../../../src/errors/tsdbt-error.js';

const N = 2100;

function project(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < N; i++) {
    const body = i === 0 ? 'select 1 as id' : `{{ config(tags=['t${i % 7}']) }}\nselect id + ${i} as id, '${'ü'.repeat(i % 5)}' as s from {{ ref('m${i - 1}') }}`;
    files[`models/layer${i % 10}/m${i}.sql`] = body;
  }
  return writeProject(files);
}

const nodesOf = (dir: string, prefetch: boolean) => {
  rmSync(join(dir, 'target'), { recursive: true, force: true });
  process.env.TSDBT_PREFETCH = prefetch ? '1' : '0';
  try {
    const m = parse({ projectDir: dir }).manifest;
    return Object.values(m.nodes).map((n) => ({ id: n.unique_id, raw: n.raw_code, checksum: n.checksum, refs: n.refs, deps: n.depends_on, tags: n.tags }));
  } finally {
    delete process.env.TSDBT_PREFETCH;
  }
};

describe('model files read ahead', () => {
  afterEach(() => delete process.env.TSDBT_PREFETCH);

  it('give the manifest a parse reading every file itself gives', () => {
    const dir = project();
    const ahead = nodesOf(dir, true);
    expect(ahead).toHaveLength(N);
    expect(ahead).toEqual(nodesOf(dir, false));
    expect(ahead.find((n) => n.id === 'model.shop.m4')).toMatchObject({ raw: expect.stringContaining("'üüüü' as s"), tags: ['t4'] });
  });

  it('still report a broken file by name and line', () => {
    const dir = project();
    writeFiles(dir, { 'models/layer3/m1503.sql': 'select 1 as id\n{% if %}' });
    let err: unknown;
    try {
      parse({ projectDir: dir });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TsdbtErrors);
    const [first] = (err as TsdbtErrors).errors;
    expect(first?.location?.file).toBe('models/layer3/m1503.sql');
    expect(first?.location?.line).toBe(2);
  });
});
