// Writes the per-node record files (target/run, tests' target/compiled) on libuv's pool while the next
// statement runs, instead of blocking the only JS thread on ~5,000 writes in a 1,000-model build.
// The runner awaits every pending write before it returns, so callers see the same files as before.
import { writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeTargetFile } from '../artifacts/target-files.js';
import { maskForFile } from '../reliability/secret-files.js';
import { console as out } from '../console/console.js';

const pending = new Set<Promise<void>>();
// folders this process has written into: the first write per folder goes through writeTargetFile,
// which makes the folder (or removes a stale file standing where it must go)
const ready = new Set<string>();

function writeNow(path: string, text: string): void {
  try {
    writeTargetFile(path, text);
  } catch (e) {
    // these files are a record for people; failing to write one must not fail (or hang) the run
    out.warn(`could not write ${path}: ${(e as Error).message}`);
  }
}

/** Write a target file without waiting for it; `flushWrites()` waits for all of them. */
export function writeLater(path: string, text: string): void {
  const dir = dirname(path);
  if (!ready.has(dir)) {
    writeNow(path, text);
    ready.add(dir);
    return;
  }
  const p: Promise<void> = writeFile(path, maskForFile(text))
    // the folder went away since (`clean`, another run in this process): the sync path remakes it
    .catch(() => writeNow(path, text))
    .finally(() => pending.delete(p));
  pending.add(p);
}

/** Wait until every write started by writeLater has finished. */
export async function flushWrites(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
