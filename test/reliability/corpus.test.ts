// The bad-input corpus (test/reliability/corpus.ts): every case ends with exit 1 or 2, a message that
// names the file (and line where there is one), no stack trace, no hang, and no table changed.
import { beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cli, writeFiles, writeProject } from '../helpers/project.js';
import { BASE } from './corpus-base.js';
import { corpus, type BadCase } from './corpus.js';
import { fingerprint } from './fingerprint.js';

const CASES = corpus();
const HANG_MS = 20_000;
let dir = '';
let before: Record<string, string> = {};

function apply(c: BadCase): void {
  for (const [path, content] of Object.entries(c.files)) {
    if (content === null) rmSync(join(dir, path), { force: true });
    else writeFiles(dir, { [path]: content as string });
  }
}

function restore(c: BadCase): void {
  for (const path of Object.keys(c.files)) {
    if (path in BASE) writeFiles(dir, { [path]: BASE[path] });
    else rmSync(join(dir, path), { force: true });
  }
}

async function runWithin(ms: number): Promise<{ code: number; output: string }> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, rej) => {
    timer = setTimeout(() => rej(new Error(`no answer within ${ms} ms (a hang)`)), ms);
  });
  try {
    // --profiles-dir: a profiles.yml in the current folder must not stand in for a broken one
    return await Promise.race([cli(dir, ['build', '--profiles-dir', dir]), hang]);
  } finally {
    clearTimeout(timer);
  }
}

async function rebuildBase(): Promise<void> {
  const r = await cli(dir, ['build', '--profiles-dir', dir, '--full-refresh']);
  if (r.code !== 0) throw new Error(`the base project of the corpus must build:\n${r.output}`);
  before = await fingerprint(join(dir, 'shop.duckdb'));
}

beforeAll(async () => {
  dir = writeProject(BASE);
  await rebuildBase();
});

describe(`bad input corpus (${CASES.length} cases)`, () => {
  it('has at least 100 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
  });

  for (const c of CASES) {
    it(c.name, async () => {
      apply(c);
      let r: { code: number; output: string };
      try {
        r = await runWithin(HANG_MS);
      } finally {
        restore(c);
      }
      const where = `exit ${r.code}\n${r.output}`;
      expect([1, 2], where).toContain(r.code);
      expect(r.output, where).toContain(c.file);
      const file = c.file.replace(/[.]/g, '\\.');
      if (c.line !== undefined) expect(r.output, where).toMatch(new RegExp(`${file}:${c.line === 'any' ? '\\d+' : c.line}\\b`));
      expect(r.output, where).not.toMatch(/^\s+at .+:\d+(:\d+)?\)?$/m);
      expect(r.output, where).not.toMatch(/internal error|TypeError|ReferenceError|RangeError|Maximum call stack/);
      const after = await fingerprint(join(dir, 'shop.duckdb'));
      // put the base back so one failing case does not fail all that follow
      if (JSON.stringify(after) !== JSON.stringify(before)) await rebuildBase();
      expect(after, where).toEqual(before);
    }, HANG_MS + 10_000);
  }
});
