// Expands a SELECT list into output columns: `*` / `t.*` with EXCLUDE, REPLACE and RENAME, COLUMNS(regex
// or list), and ordinary expressions named as DuckDB names them, with earlier aliases usable later (lateral).
import { asList, asNode, type AstNode, type Ctx } from './context.js';
import { traceExpression } from './expressions.js';
import { deparseExpr } from './parse-sql.js';
import { matchesQualifier, type Scope } from './scope.js';
import { LineageError, renamed, type Col } from './types.js';

const lc = (s: string) => s.toLowerCase();

/** Every column `*` sees, left to right, with USING/NATURAL keys once (the merged key in the left position). */
function starColumns(scope: Scope, relation: string): { table: string; col: Col }[] {
  const bindings = relation ? scope.bindings.filter((b) => matchesQualifier(b, relation.split('.'))) : scope.bindings;
  if (relation && bindings.length === 0) throw new LineageError(`${relation}.* refers to no relation in FROM`);
  const out: { table: string; col: Col }[] = [];
  for (const b of bindings) {
    if (b.columns === null) throw new LineageError(`cannot expand * over ${b.alias}: ${b.unknownReason ?? 'its columns are unknown'}`);
    for (const c of b.columns) {
      if (!relation && b.hiddenInStar.has(lc(c.name))) continue;
      const merged = relation ? undefined : scope.merged.get(lc(c.name));
      out.push({ table: b.alias, col: merged ? renamed(merged, c.name) : c });
    }
  }
  return out;
}

function columnsFilter(expr: AstNode | null): (name: string) => boolean {
  if (!expr) return () => true;
  if (expr.class === 'CONSTANT') {
    const re = new RegExp(String((expr.value as { value: unknown }).value));
    return (n) => re.test(n);
  }
  if (expr.class === 'FUNCTION' && expr.function_name === 'list_value') {
    const names = asList(expr.children).map((c) => lc(String((c.value as { value: unknown } | undefined)?.value)));
    return (n) => names.includes(lc(n));
  }
  throw new LineageError('COLUMNS(...) with a lambda or computed argument is not traced');
}

async function expandStar(star: AstNode, ctx: Ctx, scope: Scope): Promise<Col[]> {
  const excluded = new Set(asList(star.exclude_list).map((e) => lc(String(e))));
  const qualifiedEx = asList(star.qualified_exclude_list).map((q) => [lc(String(q.table)), lc(String(q.column))]);
  const replace = new Map(asList(star.replace_list).map((r) => [lc(String(r.key)), asNode(r.value)!]));
  const rename = new Map(asList(star.rename_list).map((r) => [lc(String(asNode(r.key)?.column)), String(r.value)]));
  const keep = star.columns ? columnsFilter(asNode(star.expr)) : () => true;
  const out: Col[] = [];
  for (const { table, col } of starColumns(scope, String(star.relation_name ?? ''))) {
    const n = lc(col.name);
    if (excluded.has(n) || qualifiedEx.some(([t, c]) => c === n && t === lc(table)) || !keep(col.name)) continue;
    const rep = replace.get(n);
    const c = rep ? await traceExpression(rep, col.name, ctx, scope) : col;
    out.push(rename.has(n) ? renamed(c, rename.get(n)!) : c);
  }
  return out;
}

async function outputName(expr: AstNode, ctx: Ctx): Promise<string> {
  if (typeof expr.alias === 'string' && expr.alias !== '') return expr.alias;
  if (expr.class === 'COLUMN_REF') return (expr.column_names as string[]).at(-1)!;
  return deparseExpr(ctx.conn, ctx.shell, expr);
}

export async function resolveSelectList(node: AstNode, ctx: Ctx, scope: Scope): Promise<Col[]> {
  const lateral = new Map<string, Col>();
  const out: Col[] = [];
  for (const item of asList(node.select_list)) {
    if (item.class === 'STAR') {
      const cols = await expandStar(item, ctx, scope);
      out.push(...cols);
      continue;
    }
    const name = await outputName(item, ctx);
    const col = await traceExpression(item, name, ctx, scope, lateral);
    out.push(col);
    if (item.alias) lateral.set(lc(name), col);
  }
  return out;
}
