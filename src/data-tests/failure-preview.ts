// Formats the first failing rows of a test as a small text table printed under the FAIL/WARN line.
import type { QueryResult } from '../adapters/adapter.js';

export const PREVIEW_ROWS = 5;

function cell(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** `  | id | status |` rows under a header, indented; `failures` is the total count. */
export function formatPreview(r: QueryResult, failures: number, label = 'failing rows'): string {
  const header = r.columns.map((c) => c.name);
  const rows = r.rows.map((row) => row.map(cell));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const fmt = (cells: string[]) => `    | ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const shown = rows.length < failures ? `first ${rows.length} of ${failures}` : `${rows.length}`;
  return [
    `  ${label} (${shown}):`,
    fmt(header),
    `    |${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(fmt),
  ].join('\n');
}
