// Turns a FROM clause into the bindings a SELECT can read: tables (CTEs first, then upstream relations),
// subqueries, joins with USING / NATURAL keys, and sources whose columns cannot be known statically.
import { asList, asNode, findCte, findUpstream, type AstNode, type Ctx } from './context.js';
import { findColumn, type Binding, type Scope } from './scope.js';
import { seriesBinding } from './series-functions.js';
import { mergeInto, newCol, renamed, type Col, type UpstreamRelation } from './types.js';

function aliasColumns(cols: Col[], aliases: unknown): Col[] {
  const names = (aliases as string[] | undefined) ?? [];
  return cols.map((c, i) => (i < names.length ? renamed(c, names[i]) : c));
}

function upstreamCols(uniqueId: string, names: string[]): Col[] {
  return names.map((name) => {
    const c = newCol(name);
    c.deps.set(`${uniqueId}\u0000${name.toLowerCase()}`, { relation: uniqueId, column: name });
    c.direct = true;
    return c;
  });
}

function unknown(alias: string, reason: string): Binding {
  return { alias, columns: null, unknownReason: reason, hiddenInStar: new Set() };
}

/** DuckDB names an unaliased file scan (`from 'data/orders.csv'`) after the file: `orders`. */
function fileAlias(table: string): string | undefined {
  if (!/[/\\]|\.\w+$/.test(table)) return undefined;
  return table.split(/[/\\]/).pop()!.split('.')[0] || undefined;
}

/** Binding of a project relation found by name, with its columns when they are known. */
function upstreamBinding(rel: UpstreamRelation, alias: string, table: string, columnAliases: unknown): Binding {
  const b: Binding = { alias, table, schema: rel.schema, catalog: rel.database, columns: null, uniqueId: rel.uniqueId, hiddenInStar: new Set() };
  if (rel.columns === null) {
    b.unknownReason = `the columns of ${rel.uniqueId} are unknown (not built yet and no columns in its YAML)`;
    return b;
  }
  b.columns = aliasColumns(upstreamCols(rel.uniqueId, rel.columns), columnAliases);
  return b;
}

function baseTable(t: AstNode, ctx: Ctx): Binding {
  const table = String(t.table_name);
  const schema = String(t.schema_name ?? '');
  const catalog = String(t.catalog_name ?? '');
  const unqualified = schema === '' && catalog === '';
  const alias = String(t.alias || (unqualified && fileAlias(table)) || table);
  const cte = unqualified ? findCte(ctx.ctes, table) : undefined;
  if (cte) return { alias, table, columns: aliasColumns(cte, t.column_name_alias), hiddenInStar: new Set() };
  const rel = findUpstream(ctx.upstream, table, schema, catalog);
  const shown = [catalog, schema, table].filter(Boolean).join('.');
  if (!rel) {
    return { ...unknown(alias, `relation ${shown} is not a model, seed, snapshot or source of this project`), table, schema, catalog };
  }
  return upstreamBinding(rel, alias, table, t.column_name_alias);
}

/** `read_csv('path', ...)` and friends: a source whose external location is that file (dbt-duckdb). */
function fileFunction(t: AstNode, fn: AstNode | null, ctx: Ctx): Binding | undefined {
  const name = String(fn?.function_name ?? '');
  const first = asList(fn?.children)[0];
  const value = asNode(first?.value);
  if (!/^read_|_scan$/i.test(name) || first?.type !== 'VALUE_CONSTANT' || typeof value?.value !== 'string') return undefined;
  const rel = findUpstream(ctx.upstream, value.value, '', '');
  const alias = String(t.alias || name);
  return rel && upstreamBinding(rel, alias, alias, t.column_name_alias);
}

async function join(t: AstNode, ctx: Ctx, scope: Scope): Promise<void> {
  await bindInto(asNode(t.left)!, ctx, scope);
  const leftCount = scope.bindings.length;
  await bindInto(asNode(t.right)!, ctx, scope);
  const left = scope.bindings.slice(0, leftCount);
  const right = scope.bindings.slice(leftCount);
  let keys = (t.using_columns as string[] | undefined) ?? [];
  if (t.ref_type === 'NATURAL') {
    const leftNames = new Set(left.flatMap((b) => (b.columns ?? []).map((c) => c.name.toLowerCase())));
    keys = right.flatMap((b) => (b.columns ?? []).map((c) => c.name)).filter((n) => leftNames.has(n.toLowerCase()));
  }
  for (const key of keys) {
    const merged = newCol(key);
    for (const side of [left, right]) {
      const b = side.find((x) => findColumn(x, key) || (x.columns === null && x.uniqueId));
      if (!b) continue;
      const c = findColumn(b, key) ?? upstreamCols(b.uniqueId!, [key])[0];
      mergeInto(merged, c);
      if (side === right) b.hiddenInStar.add(key.toLowerCase());
    }
    scope.merged.set(key.toLowerCase(), merged);
  }
}

/** Adds the bindings of one FROM item to `scope` (earlier bindings are visible to lateral subqueries). */
async function bindInto(t: AstNode, ctx: Ctx, scope: Scope): Promise<void> {
  const alias = String(t.alias ?? '');
  switch (t.type) {
    case 'EMPTY':
      return;
    case 'BASE_TABLE':
      scope.bindings.push(baseTable(t, ctx));
      return;
    case 'JOIN':
      return join(t, ctx, scope);
    case 'SUBQUERY': {
      const sub = asNode(t.subquery)!.node as AstNode;
      const lateralScope: Scope = { bindings: [...scope.bindings], merged: scope.merged, outer: scope.outer };
      const cols = await ctx.resolve(sub, ctx, lateralScope);
      scope.bindings.push({ alias: alias || 'unnamed_subquery', columns: aliasColumns(cols, t.column_name_alias), hiddenInStar: new Set() });
      return;
    }
    case 'EXPRESSION_LIST': {
      const first = asList(t.values)[0] ?? [];
      const cols = (first as unknown as AstNode[]).map((_, i) => newCol(`col${i}`));
      scope.bindings.push({ alias: alias || 'valueslist', columns: cols, hiddenInStar: new Set() });
      return;
    }
    case 'TABLE_FUNCTION': {
      const file = fileFunction(t, asNode(t.function), ctx);
      if (file) return void scope.bindings.push(file);
      const series = await seriesBinding(t, asNode(t.function), ctx, scope);
      if (series) return void scope.bindings.push(series);
      const fn = String(asNode(t.function)?.function_name ?? 'table function');
      scope.bindings.push(unknown(alias || fn, `columns come from the table function ${fn}(), not from a project relation`));
      return;
    }
    case 'PIVOT':
      scope.bindings.push(unknown(alias || 'pivot', 'PIVOT / UNPIVOT output columns depend on the data and are not traced'));
      return;
    default:
      scope.bindings.push(unknown(alias || String(t.type), `FROM item of type ${String(t.type)} is not traced`));
  }
}

export async function bindFrom(from: unknown, ctx: Ctx, outer?: Scope): Promise<Scope> {
  const scope: Scope = { bindings: [], merged: new Map(), outer };
  const t = asNode(from);
  if (t) await bindInto(t, ctx, scope);
  return scope;
}
