// Temp folders of the tests: made under the OS temp dir and removed after each test file
// (test/setup/temp-projects.ts) and when the test process exits; TSDBT_KEEP_TMP=1 keeps them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new empty folder `<tmp>/<prefix>XXXXXX`, removed when the test file is done. */
export function tempDir(prefix = 'tsdbt-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Remove the temp folders made so far by this test process. */
export function removeTempDirs(): void {
  if (process.env.TSDBT_KEEP_TMP) return;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
process.on('exit', removeTempDirs);
