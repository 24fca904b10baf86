// Reads a previous run's manifest for --state comparisons.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../parser/types.js';
import { TsdbtError } from '../errors/tsdbt-error.js';

export function readState(dir: string): { manifest: Manifest } {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) {
    throw new TsdbtError('U001', `no manifest.json in the --state folder ${dir}`, { hint: 'point --state at the target folder of a previous run' });
  }
  return { manifest: JSON.parse(readFileSync(path, 'utf8')) as Manifest };
}
