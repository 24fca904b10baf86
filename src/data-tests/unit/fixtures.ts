// Reads the rows of a unit test's `given` input or `expect` block (dict rows, CSV text, SQL, or a
// fixture file under tests/fixtures/) into one shape: named columns and rows, or a SQL query.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TsdbtError } from '../../errors/tsdbt-error.js';
import type { SourceLocation } from '../../parser/types.js';

export type Fixture = { kind: 'rows'; columns: string[]; rows: Record<string, unknown>[] } | { kind: 'sql'; sql: string };

/** Minimal CSV (quotes, doubled quotes); an empty field is null, as in dbt's CSV fixtures. */
export function parseCsv(text: string): { columns: string[]; rows: Record<string, unknown>[] } {
  const records: string[][] = [];
  let rec: string[] = [];
  let cur = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    rec.push(wasQuoted ? cur : cur.trim());
    cur = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') (quoted = true), (wasQuoted = true);
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      if (rec.some((x) => x !== '')) records.push(rec);
      rec = [];
    } else cur += ch;
  }
  endField();
  if (rec.some((x) => x !== '')) records.push(rec);
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
