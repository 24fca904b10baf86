// Talks to DuckDB's own parser: serializes compiled SQL to its JSON AST, and deparses single expressions so
// unaliased output columns get the exact names DuckDB would give them.
import type { DuckDBConnection } from '@duckdb/node-api';
import { LineageError } from './types.js';
import type { AstNode } from './context.js';

// query_location is a uint64 that JSON numbers cannot carry back into json_deserialize_sql.
const fixLocations = (s: string) => s.replace(/"query_location":\d+/g, '"query_location":0');

interface Serialized {
  error: boolean;
  error_message?: string;
  statements?: { node: AstNode }[];
}

export async function serializeSql(conn: DuckDBConnection, sql: string): Promise<Serialized> {
  const reader = await conn.runAndReadAll('select json_serialize_sql($1::VARCHAR)', [sql]);
  return JSON.parse(fixLocations(String(reader.getRows()[0][0]))) as Serialized;
}

/** The root query node of a single SELECT statement, or a LineageError with DuckDB's reason. */
export async function parseSelect(conn: DuckDBConnection, sql: string): Promise<AstNode> {
  const body = sql.trim().replace(/;\s*$/, '');
  if (!body) throw new LineageError('the compiled SQL is empty');
  const out = await serializeSql(conn, body);
  if (out.error) throw new LineageError(`DuckDB could not serialize the SQL: ${out.error_message ?? 'unknown error'}`);
  const stmts = out.statements ?? [];
  if (stmts.length !== 1) throw new LineageError(`expected one SELECT statement, found ${stmts.length}`);
  return stmts[0].node;
}

export async function selectShell(conn: DuckDBConnection): Promise<AstNode> {
  const out = await serializeSql(conn, 'select 1');
  return out as unknown as AstNode;
}

/** DuckDB names an unaliased expression by its SQL text, e.g. `(a + 1)` or `sum(x) OVER ()`. */
export async function deparseExpr(conn: DuckDBConnection, shell: AstNode, expr: AstNode): Promise<string> {
  const doc = structuredClone(shell) as { statements: { node: AstNode }[] };
  doc.statements[0].node.select_list = [expr];
  try {
    const r = await conn.runAndReadAll('select json_deserialize_sql($1::JSON)', [JSON.stringify(doc)]);
    return String(r.getRows()[0][0]).replace(/^SELECT\s+/i, '');
  } catch {
    return String(expr.type ?? 'expression').toLowerCase();
  }
}
