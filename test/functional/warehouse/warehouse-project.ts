// Helpers for the reference-warehouse tests: copy the repo-root project (with its committed sample) to
// a temp folder, build it in-process, and query its DuckDB file or the raw CSVs directly.
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { cli } from '../../helpers/project.js';
import { tempDir } from '../../helpers/temp-dir.js';

export const REPO = resolve(import.meta.dirname, '../../..');
const PARTS = ['models', 'macros', 'seeds', 'tests', 'snapshots', 'project.yml', 'profiles.yml', 'data/sample'];

/** A fresh copy of the warehouse project; `withSample: false` leaves data/sample out. */
export function copyWarehouse(withSample = true): string {
  const dir = tempDir('tsdbt-warehouse-');
  for (const p of PARTS) {
    if (!withSample && p === 'data/sample') continue;
    cpSync(join(REPO, p), join(dir, p), { recursive: true });
  }
  return dir;
}

export async function build(dir: string, extra: string[] = []): Promise<{ code: number; output: string }> {
  return cli(dir, ['build', ...extra]);
}

/** Rows of `sql` run on a database (the built warehouse, or ':memory:' to read CSVs directly). */
export async function query(sql: string, db = ':memory:'): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(db, db === ':memory:' ? {} : { access_mode: 'READ_ONLY' });
  try {
    const conn = await inst.connect();
    const r = await conn.runAndReadAll(sql);
    conn.closeSync();
    return r.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    inst.closeSync();
  }
}

export const warehouseDb = (dir: string): string => join(dir, 'target', 'warehouse.duckdb');
export const csv = (dir: string, name: string, folder = 'data/sample'): string => `'${join(dir, folder, `${name}.csv`)}'`;
