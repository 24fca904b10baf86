// Checks a seed file before DuckDB reads it, for mistakes its CSV reader would accept silently or
// answer with a message that does not name the file.
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { TsdbtError } from '../errors/tsdbt-error.js';

/** Throws when the seed has no header row (an empty file, or only a BOM and blank lines). */
export function checkSeedFile(absPath: string, file: string): void {
  let head = '';
  try {
    const size = statSync(absPath).size;
    const fd = openSync(absPath, 'r');
    try {
      const buf = Buffer.alloc(Math.min(size, 4096));
      readSync(fd, buf, 0, buf.length, 0);
      head = buf.toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new TsdbtError('R001', `cannot read the seed file: ${(e as Error).message}`, { location: { file } });
  }
  if (!head.replace(/^\uFEFF/, '').trim()) {
    throw new TsdbtError('R001', 'the seed file is empty: a seed needs a header row naming its columns', {
      location: { file, line: 1 },
      hint: 'add the header (e.g. `id,name`) and the rows, or delete the file',
    });
  }
}
