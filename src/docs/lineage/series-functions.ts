// Table functions whose single output column is computed from their arguments: range, generate_series and
// unnest. Their column derives from whatever the arguments read (often an earlier FROM item, laterally).
import { asList, type AstNode, type Ctx } from './context.js';
import { traceExpression } from './expressions.js';
import type { Binding, Scope } from './scope.js';
import { mergeInto, newCol } from './types.js';

const SERIES = new Set(['range', 'generate_series', 'unnest']);

/** The binding of `range(a, b) as t(day)` and the like, or undefined for any other table function. */
export async function seriesBinding(t: AstNode, fn: AstNode | null, ctx: Ctx, scope: Scope): Promise<Binding | undefined> {
  const name = String(fn?.function_name ?? '').toLowerCase();
  if (!SERIES.has(name)) return undefined;
  // DuckDB names the column after the function unless the alias list renames it
  const colName = (t.column_name_alias as string[] | undefined)?.[0] ?? name;
  const col = newCol(colName);
  // arguments may read earlier FROM items (implicitly lateral), so they resolve against the scope so far
  const lateral: Scope = { bindings: [...scope.bindings], merged: scope.merged, outer: scope.outer };
  for (const arg of asList(fn?.children)) mergeInto(col, await traceExpression(arg, colName, ctx, lateral));
  return { alias: String(t.alias || name), columns: [col], hiddenInStar: new Set() };
}
