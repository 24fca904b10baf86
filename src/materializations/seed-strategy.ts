// Seeds: DuckDB's own CSV reader loads the file into a temporary table that is swapped in, so loading
// runs at DuckDB's speed and a bad file leaves the previous seed table in place.
import type { Strategy, MaterializeContext } from './types.js';
import { csvHeaderSql, readCsvSql } from './sql-builders.js';
import { buildTable } from './table-strategy.js';
import { checkSeedFile } from '../reliability/seed-checks.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { closeSync, openSync, readSync } from 'node:fs';
import { csvRecords } from './csv-records.js';

/** A name DuckDB takes as a column without quotes. */
const PLAIN_IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_$]*$/u;

/** The column names of the seed's header, as DuckDB's reader sees them (deduplicated, empty ones named). */
async function headerOf(ctx: MaterializeContext, path: string, delimiter: string | null): Promise<string[]> {
  const r = await ctx.conn.query(csvHeaderSql(path, delimiter));
  return r.rows.map((row) => String(row[0]));
}

/** The fields of the file's first line, split on `delimiter` outside double quotes. */
function splitHeader(line: string, delimiter: string): string[] {
  return csvRecords(line, delimiter)[0] ?? [''];
}

/**
 * The names in the header line as written, read without DuckDB's sniffer (which takes a file with a
 * ragged row for one wide column): the configured delimiter, else the likeliest of , ; tab |.
 */
function writtenHeader(path: string, delimiter: string | null): string[] {
  const fd = openSync(path, 'r');
  let head: string;
  try {
    const buf = Buffer.alloc(64 * 1024);
    head = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
  const line = head.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  if (delimiter) return splitHeader(line, delimiter);
  let best: string[] = [line.trim()];
  for (const d of [',', ';', '\t', '|']) {
    const fields = splitHeader(line, d);
    if (fields.length > best.length) best = fields;
  }
  return best;
}

/**
 * column_types for the columns the file has: a project-wide `+column_types` names columns of some seeds
 * only, and dbt ignores an override for a column a seed does not have. Matched as DuckDB matches names
 * (case-insensitively), keyed by the header's spelling.
 */
function typesFor(header: string[], types: Record<string, string>): Record<string, string> {
  const byLower = new Map(header.map((h) => [h.toLowerCase(), h]));
  const out: Record<string, string> = {};
  for (const [col, type] of Object.entries(types)) {
    const h = header.includes(col) ? col : byLower.get(col.toLowerCase());
    if (h !== undefined) out[h] = type;
  }
  return out;
}

export const seedStrategy: Strategy = {
  name: 'seed',
  async run(ctx) {
    const { node } = ctx;
    const path = String(node.abs_path);
    checkSeedFile(path, node.original_file_path);
    const delimiter = node.config.delimiter ?? null;
    const types = node.config.column_types ?? {};
    // dbt's default is to quote seed column names (names keep their case and special characters)
    const quote = node.config.quote_columns !== false;
    let columnTypes = types;
    let unquotedColumns: string[] | undefined;
    if (Object.keys(types).length) columnTypes = typesFor(writtenHeader(path, delimiter), types);
    if (!quote) {
      const header = await headerOf(ctx, path, delimiter);
      const bad = header.find((h) => !PLAIN_IDENTIFIER.test(h));
      if (bad !== undefined) {
        throw new TsdbtError('R001', `column '${bad}' of seed ${node.name} cannot be created unquoted (quote_columns is false)`, {
          location: { file: node.original_file_path, line: 1 },
          hint: 'set quote_columns: true (dbt\'s default) to keep the name as written, or rename the column in the header',
        });
      }
      unquotedColumns = header;
    }
    const select = readCsvSql(path, { delimiter, columnTypes, unquotedColumns });
    const rows = await buildTable({ ...ctx, sql: select });
    return { code: `INSERT ${rows}`, rowsAffected: rows, message: 'loaded seed file' };
  },
};
