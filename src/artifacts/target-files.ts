// Writes the files tsdbt keeps under the target folder (compiled and run SQL): masked, creating
// folders, and replacing a stale file that stands where a folder must go (left by an older layout).
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { maskForFile } from '../reliability/secret-files.js';

function clearFileAncestor(dir: string): void {
  for (let d = dir; dirname(d) !== d; d = dirname(d)) {
    try {
      if (statSync(d).isFile()) {
        rmSync(d);
        return;
      }
    } catch {
      // not there yet: keep walking up
    }
  }
}

export function writeTargetFile(path: string, text: string): void {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOTDIR') throw e;
    clearFileAncestor(dir);
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(path, maskForFile(text));
}
