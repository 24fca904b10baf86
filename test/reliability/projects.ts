// Generated projects for the reliability tests: a 200-model build whose every table records the run
// (`v`) that built it, so a check can tell a whole old version from a whole new one or a torn one.
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { writeProject } from '../helpers/project.js';

export const MODELS = 200;
const BASES = 20;

export type Kind = 'table' | 'view' | 'incremental';

export function kindOf(i: number): Kind {
  if (i < BASES) return 'table';
  if (i % 10 === 5) return 'view';
  if (i % 10 === 7) return 'incremental';
  return 'table';
}

/** A project of MODELS tiny models: 20 base tables, and tables / views / incrementals on top of them. */
export function writeVersionedProject(extra: Record<string, string> = {}): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < MODELS; i++) {
    const base = i % BASES;
    let sql: string;
    if (i < BASES) sql = `{{ config(materialized='table') }}\nselect {{ var('v') }}::int as v, range::int as r from range({{ var('v') }} + ${i})`;
    else if (kindOf(i) === 'view') sql = `{{ config(materialized='view') }}\nselect v, r from {{ ref('m${base}') }}`;
    else if (kindOf(i) === 'incremental') sql = `{{ config(materialized='incremental') }}\nselect {{ var('v') }}::int as v, r from {{ ref('m${base}') }} where r < 2`;
    else sql = `{{ config(materialized='table') }}\nselect v, r from {{ ref('m${base}') }}`;
    files[`models/m${i}.sql`] = sql;
  }
  return writeProject({ ...files, ...extra });
}

export interface DbState {
  /** version of each model's relation (undefined: the relation does not exist) */
  versions: Map<number, number | undefined>;
  /** relations whose content is not one whole version */
  torn: string[];
  /** every relation name in the database */
  relations: string[];
}

/** Open the database (read-write, so the WAL is replayed as the next run would) and check each model. */
export async function inspect(dir: string): Promise<DbState> {
  const inst = await DuckDBInstance.create(join(dir, 'shop.duckdb'));
  const conn = await inst.connect();
  try {
    const rels = (await conn.runAndReadAll(`select table_name from information_schema.tables where table_schema = 'main' order by 1`)).getRows().map((r) => String(r[0]));
    const versions = new Map<number, number | undefined>();
    const torn: string[] = [];
    for (let i = 0; i < MODELS; i++) {
      if (!rels.includes(`m${i}`)) {
        versions.set(i, undefined);
        continue;
      }
      if (kindOf(i) === 'incremental') {
        // every run that committed added exactly 2 rows of its version
        const rows = (await conn.runAndReadAll(`select v, count(*)::int from m${i} group by v order by v`)).getRows();
        if (rows.some((r) => Number(r[1]) !== 2)) torn.push(`m${i}: ${JSON.stringify(rows)}`);
        versions.set(i, rows.length ? Number(rows[rows.length - 1][0]) : undefined);
        continue;
      }
      const [mn, mx, n] = (await conn.runAndReadAll(`select min(v)::int, max(v)::int, count(*)::int from m${i}`)).getRows()[0].map(Number);
      if (mn !== mx || n !== mn + (i % BASES)) torn.push(`m${i}: min ${mn} max ${mx} rows ${n}`);
      versions.set(i, mx);
    }
    return { versions, torn, relations: rels };
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}
