// Shared helpers for the data-test functional suites: read run_results.json / manifest.json of a
// project and key test results by what they test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunResult {
  unique_id: string;
  status: string;
  failures: number | null;
  message: string | null;
}

export function runResults(dir: string): RunResult[] {
  return JSON.parse(readFileSync(join(dir, 'target/run_results.json'), 'utf8')).results as RunResult[];
}

export function manifest(dir: string): { nodes: Record<string, Record<string, unknown>>; unit_tests?: Record<string, Record<string, unknown>> } {
  return JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8'));
}

/** unique_id -> status */
export function statuses(dir: string): Record<string, string> {
  return Object.fromEntries(runResults(dir).map((r) => [r.unique_id, r.status]));
}
