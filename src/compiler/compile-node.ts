// Compile stage for one node: render with the run-time scope (re-rendering when the template queried
// the database), inline its ephemeral parents as CTEs, and write target/compiled/.
import { targetFilePath, writeTargetFile } from '../artifacts/target-files.js';
import type { ManifestNode } from '../parser/types.js';
import type { ParsedProject } from '../parser/project-parser.js';
import type { AdapterConnection } from '../adapters/adapter.js';
import type { RelationCache } from './relation-cache.js';
import { runScope, ephemeralCteName } from './run-scope.js';
import { QueryReplay, findNeedQuery } from './query-replay.js';
import { injectCtes } from './cte-injection.js';
import { templateError } from '../templating/template-errors.js';

export interface CompileOptions {
  project: ParsedProject;
  relations?: RelationCache;
  conn?: AdapterConnection;
  fullRefresh?: boolean;
  writeFiles?: boolean;
  refOverride?: (node: ManifestNode) => string | undefined;
}

const MAX_QUERY_PASSES = 500;

/** Render a template of `node` at run time; returns SQL and the ephemeral nodes it referenced. */
export async function renderAtRunTime(node: ManifestNode, o: CompileOptions, render: (scope: Record<string, unknown>) => string): Promise<{ sql: string; ephemerals: Set<string> }> {
  const replay = o.conn ? new QueryReplay() : undefined;
  for (let pass = 0; pass < MAX_QUERY_PASSES; pass++) {
    const ephemerals = new Set<string>();
    const scope = runScope(node, { project: o.project, relations: o.relations, replay, fullRefresh: o.fullRefresh ?? false, ephemerals, refOverride: o.refOverride });
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

export async function compileNode(node: ManifestNode, o: CompileOptions): Promise<string> {
  const { sql, ctes } = await compileInner(node, o, new Map());
  const compiled = injectCtes(sql, ctes);
  node.compiled_code = compiled;
  if (o.writeFiles !== false) {
    const path = targetFilePath(o.project.config.project, node, 'compiled');
    node.compiled_path = path;
    writeTargetFile(path, compiled);
  }
  return compiled;
}
