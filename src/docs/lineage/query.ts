// Resolves a query node (SELECT, set operation, recursive CTE) to its output columns, binding its CTEs first
// so later CTEs, subqueries and the body can read them.
import { asList, asNode, type AstNode, type CteEnv, type Ctx } from './context.js';
import { bindFrom } from './from-clause.js';
import type { Scope } from './scope.js';
import { resolveSelectList } from './select-list.js';
import { LineageError, mergeInto, newCol, renamed, type Col } from './types.js';

function combine(name: string, a: Col | undefined, b: Col | undefined): Col {
  const c = newCol(name);
  if (a) mergeInto(c, a);
  if (b) mergeInto(c, b);
  return c;
}

async function setOperation(node: AstNode, ctx: Ctx, outer?: Scope): Promise<Col[]> {
  const left = await resolveQuery(asNode(node.left)!, ctx, outer);
  const right = await resolveQuery(asNode(node.right)!, ctx, outer);
  const kind = String(node.setop_type);
  if (kind === 'UNION_BY_NAME') {
    const out = left.map((l) => combine(l.name, l, right.find((r) => r.name.toLowerCase() === l.name.toLowerCase())));
    for (const r of right) {
      if (!left.some((l) => l.name.toLowerCase() === r.name.toLowerCase())) out.push(combine(r.name, r, undefined));
    }
    return out;
  }
  if (left.length !== right.length) {
    throw new LineageError(`${kind} combines ${left.length} columns with ${right.length}`);
  }
  // EXCEPT / INTERSECT return values of the left side only (the right merely filters rows).
  if (!kind.startsWith('UNION')) return left;
  return left.map((l, i) => combine(l.name, l, right[i]));
}

async function recursiveCte(node: AstNode, ctx: Ctx, outer?: Scope): Promise<Col[]> {
  const name = String(node.cte_name).toLowerCase();
  const aliases = (node.aliases as string[] | undefined) ?? [];
  const seed = (await resolveQuery(asNode(node.left)!, ctx, outer)).map((c, i) => (aliases[i] ? renamed(c, aliases[i]) : c));
  const env: CteEnv = { ctes: new Map([[name, seed]]), parent: ctx.ctes };
  const step = await resolveQuery(asNode(node.right)!, { ...ctx, ctes: env }, outer);
  return seed.map((c, i) => combine(c.name, c, step[i]));
}

async function withCtes(node: AstNode, ctx: Ctx, outer?: Scope): Promise<Ctx> {
  const entries = asList(asNode(node.cte_map)?.map);
  if (entries.length === 0) return ctx;
  const env: CteEnv = { ctes: new Map(), parent: ctx.ctes };
  const inner = { ...ctx, ctes: env };
  for (const e of entries) {
    const def = asNode(e.value)!;
    const aliases = (def.aliases as string[] | undefined) ?? [];
    const cols = await resolveQuery(asNode(def.query)!.node as AstNode, inner, outer);
    env.ctes.set(String(e.key).toLowerCase(), cols.map((c, i) => (aliases[i] ? renamed(c, aliases[i]) : c)));
  }
  return inner;
}

export async function resolveQuery(node: AstNode, ctx: Ctx, outer?: Scope): Promise<Col[]> {
  const inner = await withCtes(node, ctx, outer);
  switch (node.type) {
    case 'SELECT_NODE': {
      const scope = await bindFrom(node.from_table, inner, outer);
      return resolveSelectList(node, inner, scope);
    }
    case 'SET_OPERATION_NODE':
      return setOperation(node, inner, outer);
    case 'RECURSIVE_CTE_NODE':
      return recursiveCte(node, inner, outer);
    default:
      throw new LineageError(`query node of type ${String(node.type)} is not traced`);
  }
}
