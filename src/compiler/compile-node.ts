// Compile stage for one node: render with the run-time scope (re-rendering when the template queried
// the database), inline its ephemeral parents as CTEs, and write target/compiled/. compileAhead()
// renders a node before its turn (while the database runs another node's statements); compileNode
// uses that result only when the render was pure and every relation it looked at is unchanged.
import { targetFilePath, writeTargetFile } from '../artifacts/target-files.js';
import type { ManifestNode } from '../parser/types.js';
import type { ParsedProject } from '../parser/project-parser.js';
import type { AdapterConnection } from '../adapters/adapter.js';
import type { RelationCache } from './relation-cache.js';
import { runScope, ephemeralCteName, type RelationRead } from './run-scope.js';
import { QueryReplay, findNeedQuery, type Speculation } from './query-replay.js';
import { injectCtes } from './cte-injection.js';
import { templateError } from '../templating/template-errors.js';

export interface CompileOptions {
  project: ParsedProject;
  relations?: RelationCache;
  conn?: AdapterConnection;
  fullRefresh?: boolean;
  writeFiles?: boolean;
  refOverride?: (node: ManifestNode) => string | undefined;
  speculation?: Speculation;
  reads?: RelationRead[];
}

const MAX_QUERY_PASSES = 500;

/** Render a template of `node` at run time; returns SQL and the ephemeral nodes it referenced. */
export async function renderAtRunTime(node: ManifestNode, o: CompileOptions, render: (scope: Record<string, unknown>) => string): Promise<{ sql: string; ephemerals: Set<string> }> {
  const replay = o.conn || o.speculation ? new QueryReplay(o.speculation) : undefined;
  for (let pass = 0; pass < MAX_QUERY_PASSES; pass++) {
    const ephemerals = new Set<string>();
    const scope = runScope(node, { project: o.project, relations: o.relations, replay, fullRefresh: o.fullRefresh ?? false, ephemerals, refOverride: o.refOverride, speculation: o.speculation, reads: o.reads });
    try {
      // each pass sees the first pass's clock and prints only log lines no earlier pass printed
      return { sql: replay ? replay.pass(() => render(scope)) : render(scope), ephemerals };
    } catch (e) {
      const need = findNeedQuery(e);
      if (!need || !o.conn || !replay) throw templateError(e, node.original_file_path);
      replay.record(need.sql, await o.conn.query(need.sql));
    }
  }
  throw templateError(new Error(`more than ${MAX_QUERY_PASSES} run_query() calls`), node.original_file_path);
}

async function compileInner(node: ManifestNode, o: CompileOptions, seen: Map<string, string>): Promise<{ sql: string; ctes: { name: string; sql: string }[] }> {
  const template = o.project.templates.get(node.unique_id);
  if (!template) return { sql: node.raw_code, ctes: [] };
  const { sql, ephemerals } = await renderAtRunTime(node, o, (scope) => template.render(scope));
  const ctes: { name: string; sql: string }[] = [];
  for (const id of ephemerals) {
    const eph = o.project.manifest.nodes[id];
    const name = ephemeralCteName(eph);
    if (seen.has(name)) continue;
    const inner = await compileInner(eph, o, seen);
    for (const c of inner.ctes) if (!ctes.some((x) => x.name === c.name)) ctes.push(c);
    seen.set(name, inner.sql);
    ctes.push({ name, sql: inner.sql });
  }
  return { sql, ctes };
}

interface Ahead {
  sql: string;
  relations?: RelationCache;
  fullRefresh: boolean;
  reads: RelationRead[];
}

const ahead = new WeakMap<ManifestNode, Ahead>();

/**
 * Render `node` now, for compileNode to use when its turn comes. Never throws and never prints: an
 * error, a query, a clock reading or a log line leaves nothing behind (the node renders on its turn).
 */
export async function compileAhead(node: ManifestNode, o: Pick<CompileOptions, 'project' | 'relations' | 'fullRefresh'>): Promise<void> {
  if (ahead.has(node) || !o.project.templates.has(node.unique_id)) return;
  const speculation: Speculation = { impure: false };
  const reads: RelationRead[] = [];
  try {
    const { sql, ctes } = await compileInner(node, { ...o, speculation, reads }, new Map());
    if (!speculation.impure) ahead.set(node, { sql: injectCtes(sql, ctes), relations: o.relations, fullRefresh: o.fullRefresh ?? false, reads });
  } catch {
    // rendered again on its turn, where the error is reported
  }
}

/** Forget a compile-ahead result that was not used (a run that stopped early). */
export function dropAhead(node: ManifestNode): void {
  ahead.delete(node);
}

function takeAhead(node: ManifestNode, o: CompileOptions): string | undefined {
  const a = ahead.get(node);
  if (!a) return undefined;
  ahead.delete(node);
  if (a.relations !== o.relations || a.fullRefresh !== (o.fullRefresh ?? false) || o.refOverride) return undefined;
  for (const r of a.reads) if (r.again() !== r.was) return undefined;
  return a.sql;
}

export async function compileNode(node: ManifestNode, o: CompileOptions): Promise<string> {
  let compiled = takeAhead(node, o);
  if (compiled === undefined) {
    const { sql, ctes } = await compileInner(node, o, new Map());
    compiled = injectCtes(sql, ctes);
  }
  node.compiled_code = compiled;
  if (o.writeFiles !== false) {
    const path = targetFilePath(o.project.config.project, node, 'compiled');
    node.compiled_path = path;
    writeTargetFile(path, compiled);
  }
  return compiled;
}
