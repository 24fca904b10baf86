// Public shapes of column-level lineage: which upstream relation columns each output column derives from,
// or why that cannot be known. Relations are named by manifest unique_id so the site can link them.
// Lineage follows values (select expressions incl. CASE conditions and window keys), not row filters (WHERE/ON).

/** A relation the compiled SQL may read: a model, seed, snapshot or source, with its columns if known. */
export interface UpstreamRelation {
  uniqueId: string;
  database: string;
  schema: string;
  name: string;
  /** null when unknown (not built and no columns in YAML) */
  columns: string[] | null;
}

export interface UpstreamColumn {
  /** unique_id of the upstream model / seed / snapshot / source */
  relation: string;
  /** a column name, or ROW_COLUMN for "the relation's rows" (count(*)) */
  column: string;
}

/** The pseudo-column a `count(*)` derives from: the rows of the relation, not any one column. */
export const ROW_COLUMN = '*';

/**
 * direct: the value is an upstream column passed through (renames included);
 * derived: computed from the upstream columns; constant: reads no column;
 * unresolved: some part could not be traced, see `reason` (upstream then lists what could be traced).
 */
export type LineageKind = 'direct' | 'derived' | 'constant' | 'unresolved';

export interface ColumnLineageEntry {
  name: string;
  kind: LineageKind;
  upstream: UpstreamColumn[];
  reason?: string;
}

export interface ModelColumnLineage {
  columns: ColumnLineageEntry[];
  /** set when no column could be traced at all (parse refused, unknown star expansion, ...) */
  error?: string;
}

/** Internal per-column state while walking the AST. */
export interface Col {
  name: string;
  deps: Map<string, UpstreamColumn>;
  reasons: string[];
  /** true when the column is a plain pass-through of exactly one upstream column */
  direct: boolean;
}

/** Raised inside the walker for problems that make the whole statement untraceable. */
export class LineageError extends Error {}

export function newCol(name: string): Col {
  return { name, deps: new Map(), reasons: [], direct: false };
}

export function depKey(d: UpstreamColumn): string {
  return `${d.relation}\u0000${d.column.toLowerCase()}`;
}

export function mergeInto(target: Col, source: Col): void {
  for (const [k, v] of source.deps) target.deps.set(k, v);
  for (const r of source.reasons) if (!target.reasons.includes(r)) target.reasons.push(r);
}

export function renamed(col: Col, name: string): Col {
  return { ...col, name };
}
