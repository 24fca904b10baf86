// Reads the rows of a unit test's `given` input or `expect` block (dict rows, CSV text, SQL, or a
// fixture file under tests/fixtures/) into one shape: named columns and rows, or a SQL query.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TsdbtError } from '../../errors/tsdbt-error.js';
import type { SourceLocation } from '../../parser/types.js';
import { csvRecords } from '../../materializations/csv-records.js';

export type Fixture = { kind: 'rows'; columns: string[]; rows: Record<string, unknown>[] } | { kind: 'sql'; sql: string };

/** CSV fixture text: the header names the columns; an empty field is null, as in dbt's CSV fixtures. */
export function parseCsv(text: string): { columns: string[]; rows: Record<string, unknown>[] } {
  const records = csvRecords(text);
  const [header = [], ...body] = records;
  return { columns: header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] === undefined || r[i] === '' ? null : r[i]]))) };
}

export function readFixture(
  block: { rows?: unknown; format?: string; fixture?: string },
  root: string,
  testPaths: string[],
  where: SourceLocation,
  what: string,
): Fixture {
  const format = block.format ?? 'dict';
  let rows = block.rows;
  if (block.fixture) {
    const ext = format === 'sql' ? '.sql' : '.csv';
    const file = testPaths.map((t) => join(root, t, 'fixtures', `${block.fixture}${ext}`)).find(existsSync);
    if (!file) {
      throw new TsdbtError('T001', `${what}: fixture \`${block.fixture}${ext}\` not found in ${testPaths.map((t) => `${t}/fixtures/`).join(', ')}`, { location: where, hint: `create ${testPaths[0]}/fixtures/${block.fixture}${ext}` });
    }
    rows = readFileSync(file, 'utf8');
  }
  if (format === 'sql') {
    if (typeof rows !== 'string') throw new TsdbtError('T001', `${what}: \`format: sql\` needs \`rows\` to be a SQL query`, { location: where });
    return { kind: 'sql', sql: rows };
  }
  if (format === 'csv') {
    if (typeof rows !== 'string') throw new TsdbtError('T001', `${what}: \`format: csv\` needs \`rows\` to be CSV text with a header line`, { location: where, hint: 'write `rows: |` followed by the CSV lines' });
    return { kind: 'rows', ...parseCsv(rows) };
  }
  if (rows === undefined || rows === null) return { kind: 'rows', columns: [], rows: [] };
  if (!Array.isArray(rows) || !rows.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
    throw new TsdbtError('T001', `${what}: \`rows\` must be a list of mappings such as \`- {id: 1, status: placed}\``, { location: where, hint: 'or set `format: csv` / `format: sql`' });
  }
  const columns: string[] = [];
  for (const r of rows as Record<string, unknown>[]) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  return { kind: 'rows', columns, rows: rows as Record<string, unknown>[] };
}
