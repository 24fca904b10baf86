// Traces one expression to the columns it reads: column references resolved through the scope chain,
// subqueries resolved with the current query as their outer scope, lambda parameters left out.
import { asNode, type AstNode, type Ctx } from './context.js';
import { lookup, type Scope } from './scope.js';
import { mergeInto, newCol, ROW_COLUMN, type Col } from './types.js';

interface Walk {
  ctx: Ctx;
  scope: Scope;
  lateral?: Map<string, Col>;
  /** lambda parameter names currently bound */
  params: Set<string>;
  out: Col;
}

async function visit(v: unknown, w: Walk): Promise<void> {
  if (Array.isArray(v)) {
    for (const x of v) await visit(x, w);
    return;
  }
  const n = asNode(v);
  if (!n) return;
  switch (n.class) {
    case 'CONSTANT':
      return;
    case 'COLUMN_REF': {
      const parts = (n.column_names as string[]) ?? [];
      if (parts.length === 1 && w.params.has(parts[0].toLowerCase())) return;
      const r = lookup(parts, w.scope, w.lateral);
      if ('col' in r) mergeInto(w.out, r.col);
      else if (!w.out.reasons.includes(r.reason)) w.out.reasons.push(r.reason);
      return;
    }
    case 'SUBQUERY': {
      const cols = await w.ctx.resolve(asNode(n.subquery)?.node as AstNode, w.ctx, w.scope);
      for (const c of cols) mergeInto(w.out, c);
      await visit(n.child, w);
      return;
    }
    case 'LAMBDA': {
      const params = new Set(w.params);
      collectParamNames(n.lhs, params);
      await visit(n.expr, { ...w, params });
      return;
    }
    case 'STAR':
      w.out.reasons.push('a * or COLUMNS(...) inside an expression is not traced');
      return;
    case 'FUNCTION':
    case 'WINDOW':
      if (countsRows(n)) addRows(w);
      break;
  }
  // Any other expression (functions, operators, CASE, CAST, windows incl. PARTITION BY / ORDER BY): visit all parts.
  for (const [k, x] of Object.entries(n)) {
    if (k === 'cast_type' || k === 'type' || k === 'class') continue;
    if (x !== null && typeof x === 'object') await visit(x, w);
  }
}

/** `count(*)`, `count(1)`: a value computed from how many rows the FROM clause has, not from a column. */
function countsRows(n: AstNode): boolean {
  if (n.function_name === 'count_star') return true;
  const args = (n.children as unknown[]) ?? [];
  // a windowed count(*) is `count` with no argument
  return n.function_name === 'count' && args.every((a) => asNode(a)?.class === 'CONSTANT');
}

/** Record the rows of every relation the current FROM reads, as the pseudo-column `*` (ROW_COLUMN). */
function addRows(w: Walk): void {
  for (const b of w.scope.bindings) {
    const relations = new Set<string>();
    if (b.columns === null) {
      if (b.uniqueId) relations.add(b.uniqueId);
      else if (!w.out.reasons.includes(b.unknownReason ?? '')) w.out.reasons.push(b.unknownReason ?? `the rows of ${b.alias} come from an unknown relation`);
    } else {
      for (const c of b.columns) for (const d of c.deps.values()) relations.add(d.relation);
    }
    for (const relation of relations) w.out.deps.set(`${relation}\u0000${ROW_COLUMN}`, { relation, column: ROW_COLUMN });
  }
}

function collectParamNames(lhs: unknown, into: Set<string>): void {
  const n = asNode(lhs);
  if (!n) return;
  if (n.class === 'COLUMN_REF') {
    const parts = n.column_names as string[];
    if (parts.length === 1) into.add(parts[0].toLowerCase());
    return;
  }
  for (const c of (n.children as unknown[]) ?? []) collectParamNames(c, into);
}

/** A plain column reference keeps the upstream column as-is; anything else derives a new value. */
export async function traceExpression(expr: AstNode, name: string, ctx: Ctx, scope: Scope, lateral?: Map<string, Col>): Promise<Col> {
  const out = newCol(name);
  await visit(expr, { ctx, scope, lateral, params: new Set(), out });
  if (expr.class === 'COLUMN_REF' && out.reasons.length === 0 && out.deps.size === 1) {
    const parts = expr.column_names as string[];
    const r = lookup(parts, scope, lateral);
    out.direct = 'col' in r && r.col.direct;
  }
  return out;
}
