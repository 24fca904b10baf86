// FilePrefetch reads a large parse's model files on a helper thread: every file must come back with its
// exact contents, and a file it cannot read must be left to the caller (who reports the error).
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FilePrefetch } from '../../../src/parser/file-prefetch.js';
import { tempDir } from '../../helpers/temp-dir.js';

function files(n: number): string[] {
  const dir = join(tempDir('tsdbt-prefetch-'), 'models');
  mkdirSync(dir);
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = join(dir, `m${i}.sql`);
    writeFileSync(p, `select ${i} as id -- ünï ${'x'.repeat(i % 300)}\n`);
    paths.push(p);
  }
  return paths;
}

describe('FilePrefetch', () => {
  it('is not started for a small project', () => {
    expect(FilePrefetch.start(files(10))).toBeNull();
  });

  it('returns every file as readFileSync does, a missing one as undefined', async () => {
    const paths = files(2500);
    const missing = join(paths[0]!, '..', 'gone.sql');
    const prefetch = FilePrefetch.start([...paths, missing])!;
    expect(prefetch).not.toBeNull();
    await new Promise((r) => setTimeout(r, 300)); // let the helper read (the parse does macros and YAML meanwhile)
    let fromHelper = 0;
    for (const p of paths) {
      const text = prefetch.take(p);
      if (text !== undefined) fromHelper++;
      expect(text ?? readFileSync(p, 'utf8')).toBe(readFileSync(p, 'utf8'));
    }
    expect(fromHelper).toBeGreaterThan(2000);
    expect(prefetch.take(missing)).toBeUndefined();
    expect(prefetch.take('/not/in/the/list.sql')).toBeUndefined();
    // taken once: a second take is the caller's to read
    expect(prefetch.take(paths[1]!)).toBeUndefined();
    prefetch.close();
  });
});
