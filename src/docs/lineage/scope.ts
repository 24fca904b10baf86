// Name resolution for the lineage walker: the relations a SELECT can see (its FROM bindings, outer queries
// for correlated/lateral subqueries) and how a dotted column reference maps onto one of their columns.
import { newCol, type Col } from './types.js';

export interface Binding {
  /** what the query calls it: the alias, or the table name when unaliased */
  alias: string;
  table?: string;
  schema?: string;
  catalog?: string;
  /** null when the relation's columns are unknown */
  columns: Col[] | null;
  /** for relations with unknown columns: the upstream id to attribute qualified references to */
  uniqueId?: string;
  unknownReason?: string;
  /** columns folded into a USING/NATURAL join key, hidden from this side's `*` */
  hiddenInStar: Set<string>;
}

export interface Scope {
  bindings: Binding[];
  /** USING / NATURAL join keys: an unqualified reference reads both sides */
  merged: Map<string, Col>;
  outer?: Scope;
}

/** `fromUnknown`: attributed to the only relation in scope although its columns are unknown */
export type Lookup = { col: Col; fromUnknown?: boolean } | { reason: string } | null;

const lc = (s: string) => s.toLowerCase();

export function findColumn(b: Binding, name: string): Col | undefined {
  return b.columns?.find((c) => lc(c.name) === lc(name));
}

/** Does a qualifier like `o`, `main.orders` or `db.main.orders` name this binding? */
export function matchesQualifier(b: Binding, q: string[]): boolean {
  if (q.length === 1) return lc(b.alias) === lc(q[0]);
  if (b.alias !== b.table) return false;
  const parts = [b.catalog, b.schema, b.table];
  const tail = parts.slice(3 - q.length);
  return tail.every((p, i) => p !== undefined && lc(p) === lc(q[i]));
}

function fromUnknown(b: Binding, column: string): Lookup {
  if (b.uniqueId) {
    const c = newCol(column);
    c.deps.set(`${b.uniqueId}\u0000${lc(column)}`, { relation: b.uniqueId, column });
    c.direct = true;
    return { col: c };
  }
  return { reason: b.unknownReason ?? `columns of ${b.alias} are unknown` };
}

function lookupIn(parts: string[], s: Scope): Lookup {
  // Longest qualifier first, as DuckDB's binder does; what remains after the column is struct field access.
  for (let q = Math.min(3, parts.length - 1); q >= 1; q--) {
    const qualifier = parts.slice(0, q);
    const b = s.bindings.find((x) => matchesQualifier(x, qualifier));
    if (!b) continue;
    if (b.columns === null) return fromUnknown(b, parts[q]);
    const col = findColumn(b, parts[q]);
    if (col) return { col: parts.length > q + 1 ? { ...col, direct: false } : col };
    return { reason: `column "${parts[q]}" not found in ${b.alias} (has: ${b.columns.map((c) => c.name).join(', ')})` };
  }
  const name = parts[0];
  const nested = parts.length > 1;
  const merged = s.merged.get(lc(name));
  if (merged) return { col: nested ? { ...merged, direct: false } : merged };
  const hits = s.bindings.filter((b) => findColumn(b, name));
  if (hits.length > 1) return { reason: `column "${name}" is ambiguous: it is in ${hits.map((b) => b.alias).join(' and ')}` };
  if (hits.length === 1) {
    const col = findColumn(hits[0], name)!;
    return { col: nested ? { ...col, direct: false } : col };
  }
  const unknown = s.bindings.filter((b) => b.columns === null);
  if (unknown.length === 1 && s.bindings.length === 1) {
    const r = fromUnknown(unknown[0], name);
    return r && 'col' in r ? { ...r, fromUnknown: true } : r;
  }
  if (unknown.length > 0) {
    return { reason: `column "${name}" may come from ${unknown.map((b) => b.alias).join(' or ')}, whose columns are unknown` };
  }
  return null;
}

/** Resolve a COLUMN_REF's name parts in a scope chain, then against earlier select-list aliases. */
export function lookup(parts: string[], scope: Scope, lateral?: Map<string, Col>): { col: Col } | { reason: string } {
  let firstReason: string | undefined;
  for (let s: Scope | undefined = scope; s; s = s.outer) {
    const r = lookupIn(parts, s);
    // A FROM column shadows a lateral alias; an alias applies when this level has no such known column.
    if (s === scope && lateral && (!r || !('col' in r) || r.fromUnknown)) {
      const alias = lateral.get(lc(parts[0]));
      if (alias) return { col: parts.length > 1 ? { ...alias, direct: false } : alias };
    }
    if (r && 'col' in r) return { col: r.col };
    if (r && !firstReason) firstReason = r.reason;
    if (firstReason) return { reason: firstReason };
  }
  const visible = scope.bindings.map((b) => b.alias).join(', ') || 'no relation';
  return { reason: `column "${parts.join('.')}" not found in ${visible}` };
}
