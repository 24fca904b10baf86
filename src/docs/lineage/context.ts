// Shared walker state: the upstream relations by name, the CTEs in scope, and the DuckDB connection used
// to name unaliased expressions the way DuckDB does. `resolve` breaks the import cycle query <-> from/exprs.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Scope } from './scope.js';
import type { Col, UpstreamRelation } from './types.js';

export type AstNode = Record<string, unknown> & { type?: string; class?: string };

export interface CteEnv {
  ctes: Map<string, Col[]>;
  parent?: CteEnv;
}

export interface UpstreamIndex {
  /** lower-cased relation name -> candidates (same name may exist in several schemas) */
  byName: Map<string, UpstreamRelation[]>;
}

export interface Ctx {
  upstream: UpstreamIndex;
  ctes?: CteEnv;
  conn: DuckDBConnection;
  /** `select 1` serialized, used as a shell to deparse single expressions */
  shell: AstNode;
  resolve: (node: AstNode, ctx: Ctx, outer?: Scope) => Promise<Col[]>;
}

export function indexUpstream(relations: UpstreamRelation[]): UpstreamIndex {
  const byName = new Map<string, UpstreamRelation[]>();
  for (const r of relations) {
    const k = r.name.toLowerCase();
    byName.set(k, [...(byName.get(k) ?? []), r]);
  }
  return { byName };
}

export function findCte(env: CteEnv | undefined, name: string): Col[] | undefined {
  for (let e = env; e; e = e.parent) {
    const hit = e.ctes.get(name.toLowerCase());
    if (hit) return hit;
  }
  return undefined;
}

export function findUpstream(idx: UpstreamIndex, table: string, schema: string, catalog: string): UpstreamRelation | undefined {
  const cands = idx.byName.get(table.toLowerCase()) ?? [];
  const eq = (a: string, b: string) => b === '' || a.toLowerCase() === b.toLowerCase();
  const hits = cands.filter((r) => eq(r.schema, schema) && eq(r.database, catalog));
  // Unqualified names resolve against DuckDB's default schema first, as the engine would.
  return hits.length > 1 ? (hits.find((r) => r.schema.toLowerCase() === 'main') ?? hits[0]) : hits[0];
}

export function asNode(v: unknown): AstNode | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as AstNode) : null;
}

export function asList(v: unknown): AstNode[] {
  return Array.isArray(v) ? (v as AstNode[]) : [];
}
