// Functional-test helpers: write a whole project inline to a temp folder, run tsdbt in-process, and
// read back what landed in the real DuckDB file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../../src/console/console.js';
import { tempDir } from './temp-dir.js';

export const DEFAULT_PROJECT = `name: shop
profile: shop
version: '1.0'
config-version: 2
`;

export const DEFAULT_PROFILES = `shop:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: shop.duckdb
      schema: main
      threads: 4
`;

/** Write `files` (path -> content) into a new temp project; project.yml / profiles.yml are defaulted. */
export function writeProject(files: Record<string, string>): string {
  const dir = tempDir('tsdbt-');
  const all = { 'project.yml': DEFAULT_PROJECT, 'profiles.yml': DEFAULT_PROFILES, ...files };
  for (const [path, content] of Object.entries(all)) {
    if (content === '') continue;
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}

/** Overwrite or add files in an existing project. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

/** Run the CLI in-process: exit code and everything it printed. */
export async function cli(dir: string, args: string[]): Promise<{ code: number; output: string }> {
  const { result, output } = await captureOutput(() => main([...args, '--project-dir', dir]));
  return { code: result, output };
}

/** Rows of a query against the project's database file, as plain JSON values. */
export async function queryDb(dir: string, sql: string, file = 'shop.duckdb'): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(join(dir, file));
  try {
    const conn = await inst.connect();
    const r = await conn.runAndReadAll(sql);
    conn.closeSync();
    return r.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    inst.closeSync();
  }
}
