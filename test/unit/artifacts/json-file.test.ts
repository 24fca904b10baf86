// writeJsonFile writes large artifacts piece by piece: the file must hold exactly JSON.stringify's bytes.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonFile } from '../../../src/artifacts/json-file.js';
import { tempDir } from '../../helpers/temp-dir.js';

function bigManifest(n: number): Record<string, unknown> {
  const nodes: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    nodes[`model.p.m${i}`] = { name: `m${i}`, raw_code: `select ${i} as "quote\\"d"\n-- ünïcode ${'x'.repeat(i % 50)}`, skipped: undefined, fn: () => i, tags: ['a', 'b'], n: i / 3, nested: { deep: { list: [1, null, 'two'] } } };
  }
  return { metadata: { generated_at: '2026-12-07T00:00:00Z', env: {} }, nodes, empty: {}, small: { a: 1 }, gone: undefined, list: [{ x: undefined }, 2] };
}

describe('writeJsonFile', () => {
  it('writes the same bytes as JSON.stringify, also across piece boundaries', () => {
    const dir = tempDir('tsdbt-json-file-');
    const path = join(dir, 'manifest.json');
    const value = bigManifest(20_000); // ~3.5 MB: several 1 MB pieces
    writeJsonFile(path, value);
    const text = readFileSync(path, 'utf8');
    expect(text.length).toBeGreaterThan(3 << 20);
    expect(text).toBe(JSON.stringify(value));
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });

  it('masks secrets in every piece', () => {
    const dir = tempDir('tsdbt-json-file-');
    const path = join(dir, 'manifest.json');
    const value = bigManifest(12_000);
    (value.nodes as Record<string, { raw_code: string }>)['model.p.m11999']!.raw_code = 'select s3cr3t';
    writeJsonFile(path, value, (t) => t.split('s3cr3t').join('*****'));
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('s3cr3t');
    expect(text).toContain('select *****');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value).split('s3cr3t').join('*****')));
  });
});
