// Reads a previous run's manifest (and run_results.json, for `result:`) for --state comparisons.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../parser/types.js';
import { TsdbtError } from '../errors/tsdbt-error.js';

export interface State {
  manifest: Manifest;
  /** unique_id -> status of the previous run (run_results.json), when the folder holds one */
  results?: Record<string, string>;
}

export function readState(dir: string): State {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) {
    throw new TsdbtError('U001', `no manifest.json in the --state folder ${dir}`, { hint: 'point --state at the target folder of a previous run' });
  }
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  const resultsPath = join(dir, 'run_results.json');
  if (!existsSync(resultsPath)) return { manifest };
  const runResults = JSON.parse(readFileSync(resultsPath, 'utf8')) as { results?: { unique_id: string; status: string }[] };
  return { manifest, results: Object.fromEntries((runResults.results ?? []).map((r) => [r.unique_id, r.status])) };
}
