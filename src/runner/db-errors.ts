// A DuckDB error raised while running a node -> a TsdbtError naming the model file and the compiled
// SQL, with DuckDB's own message kept. DuckDB's `LINE n:` counts lines of the statement it ran (the
// `create table ... as (` wrapper included): it is mapped back to the line and column of the compiled
// SQL, and of the model file where the two line up.
import { relative } from 'node:path';
import type { ManifestNode, SourceLocation } from '../parser/types.js';
import { TsdbtError } from '../errors/tsdbt-error.js';

export interface DbErrorContext {
  /** every statement sent for the node, in order (the failing one is among the last) */
  executed?: readonly string[];
  /** the project folder, for naming target/compiled/... relative to it */
  root?: string;
}

interface Pointer {
  /** 1-based line DuckDB names */
  line: number;
  /** 0-based offset of the caret within the statement's line */
  column: number;
  /** the whole `LINE n: ...\n   ^` block of the message */
  block: string;
}

const POINTER = /^LINE (\d+): (.*)\n( *)\^[ \t]*$/m;

/** DuckDB's `LINE n: <text>` and the caret under it, checked against the statement's line `n`. */
function pointerIn(msg: string, statement: string): Pointer | undefined {
  const m = POINTER.exec(msg);
  if (!m) return undefined;
  const line = Number(m[1]);
  const shown = m[2];
  const caret = m[3].length - `LINE ${m[1]}: `.length;
  const text = statement.split('\n')[line - 1];
  if (text === undefined || caret < 0) return undefined;
  // a long line is shown as a window with `...` on either side
  const lead = shown.startsWith('...') ? 3 : 0;
  const core = shown.slice(lead, shown.endsWith('...') && shown.length - 3 > lead ? shown.length - 3 : undefined);
  const at = lead ? text.indexOf(core) : text.startsWith(core) ? 0 : -1;
  if (at < 0) return undefined;
  return { line, column: at + caret - lead, block: m[0] };
}

function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) at = text.indexOf('\n', at) + 1;
  return at + column;
}

function lineColAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) };
}

/** The column in `raw` of what sits at `column` of `compiled` (the same line before and after Jinja). */
function rawColumn(raw: string, compiled: string, column: number): number | undefined {
  if (raw === compiled) return column;
  const before = compiled.slice(0, column);
  const rest = compiled.slice(column);
  if (raw.startsWith(before)) return column;
  if (rest && raw.endsWith(rest)) return raw.length - rest.length;
  const word = /^[\w"]+/.exec(rest)?.[0];
  if (word) {
    const first = raw.indexOf(word);
    if (first >= 0 && raw.indexOf(word, first + 1) < 0) return first;
  }
  return undefined;
}

interface Mapped {
  location: SourceLocation;
  /** `target/compiled/...:line:col` */
  compiled: string;
  compiledLine: number;
  compiledColumn: number;
  block: string;
}

/** The node's compiled file as the user names it: relative to the project folder when that is known. */
function compiledPathOf(node: ManifestNode, o: DbErrorContext): string | undefined {
  return node.compiled_path ? (o.root ? relative(o.root, node.compiled_path) : node.compiled_path) : undefined;
}

/** Where in the model (raw file, else compiled file) DuckDB's pointer lands; undefined when it is not in the model's SQL. */
function mapPointer(msg: string, node: ManifestNode, o: DbErrorContext): Mapped | undefined {
  const sql = node.compiled_code;
  if (!sql || !o.executed) return undefined;
  for (let i = o.executed.length - 1; i >= 0; i--) {
    const statement = o.executed[i];
    const p = pointerIn(msg, statement);
    if (!p) continue;
    const start = statement.indexOf(sql);
    const at = offsetOf(statement, p.line, p.column);
    if (start < 0 || at < start || at > start + sql.length) return undefined;
    const c = lineColAt(sql, at - start);
    const compiledPath = compiledPathOf(node, o);
    const compiled = `${compiledPath ?? 'compiled SQL'}:${c.line}:${c.column + 1}`;
    const rawLines = node.raw_code.replace(/^\uFEFF/, '').split('\n');
    const sqlLines = sql.split('\n');
    let location: SourceLocation;
    if (rawLines.length === sqlLines.length) {
      const col = rawColumn(rawLines[c.line - 1], sqlLines[c.line - 1], c.column);
      location = { file: node.original_file_path, line: c.line, ...(col === undefined ? {} : { column: col + 1 }) };
    } else {
      // Jinja added or removed lines: the compiled file is where the line is
      location = { file: compiledPath ?? node.original_file_path, line: c.line, column: c.column + 1 };
    }
    return { location, compiled, compiledLine: c.line, compiledColumn: c.column, block: p.block };
  }
  return undefined;
}

/** DuckDB's pointer block, renumbered to the line of the compiled SQL (the caret kept under its text). */
function renumber(block: string, line: number): string {
  const [head, caret] = block.split('\n');
  const m = /^LINE (\d+): /.exec(head)!;
  const label = `LINE ${line}: `;
  const shift = label.length - m[0].length;
  const spaces = Math.max(0, caret.indexOf('^') + shift);
  return `${label}${head.slice(m[0].length)}\n${' '.repeat(spaces)}^`;
}

export function duckdbError(e: unknown, node: ManifestNode, o: DbErrorContext = {}): TsdbtError {
  const msg = e instanceof Error ? e.message : String(e);
  const interrupted = /INTERRUPT/i.test(msg);
  const mapped = interrupted || node.resource_type === 'seed' ? undefined : mapPointer(msg, node, o);
  const compiledAt = mapped ? mapped.compiled : compiledPathOf(node, o);
  const body = mapped ? msg.trim().replace(mapped.block, renumber(mapped.block, mapped.compiledLine)) : msg.trim();
  // after DuckDB's caret line, the compiled SQL gets a line of its own
  const where = compiledAt ? `${/\n *\^$/.test(body) ? '\n' : ' '}(compiled SQL: ${compiledAt})` : '';
  const text = interrupted ? `cancelled (interrupted): the query was stopped; the previous version of ${node.relation_name ?? node.name} is untouched` : `${body}${where}`;
  // DuckDB's CSV reader names the line of a bad seed row: point the user at it
  const csvLine = node.resource_type === 'seed' ? /CSV Error on Line: (\d+)/.exec(msg) : null;
  const fix = node.resource_type === 'seed' ? `fix the CSV file ${node.original_file_path}${csvLine ? ` at line ${csvLine[1]}` : ''}` : `fix the SQL of ${node.original_file_path}`;
  return new TsdbtError(interrupted ? 'R004' : 'R001', text, {
    location: mapped ? mapped.location : { file: node.original_file_path, line: csvLine ? Number(csvLine[1]) : undefined },
    hint: interrupted ? undefined : `${fix}; the previous version of ${node.relation_name ?? node.name} is untouched`,
  });
}
