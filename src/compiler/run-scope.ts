// The run-time scope of a node: ref() returns the real quoted relation (or an ephemeral CTE name),
// is_incremental() looks at the database, and run_query()/statement() reach DuckDB through the replay.
import type { ManifestNode } from '../parser/types.js';
import type { ParsedProject } from '../parser/project-parser.js';
import { nodeScope } from '../templating/node-scope.js';
import { Relation } from '../templating/relation.js';
import { relationFor } from '../parser/naming.js';
import { buildRefIndex, resolveRef, type RefIndex } from '../parser/ref-resolver.js';
import type { RelationCache } from './relation-cache.js';
import type { QueryReplay, Speculation } from './query-replay.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { deferredRef } from './defer.js';
import { runTimeIntrospection } from '../templating/introspection.js';

export interface RunScopeOptions {
  project: ParsedProject;
  relations?: RelationCache;
  replay?: QueryReplay;
  fullRefresh: boolean;
  /** ephemeral nodes referenced while rendering (their CTEs get injected) */
  ephemerals: Set<string>;
  /** override what ref() returns for some nodes (unit tests, --defer) */
  refOverride?: (node: ManifestNode) => string | undefined;
  /** a render ahead of the node's turn: reading the database through the introspection names makes it impure */
  speculation?: Speculation;
  /** what the render's result depends on in the relation cache, to check before it is used later */
  reads?: RelationRead[];
}

/** A value read from the relation cache during a render, and how to read it again. */
export interface RelationRead {
  was: string;
  again: () => string;
}

const indexes = new WeakMap<object, RefIndex>();

export function refIndexFor(project: ParsedProject): RefIndex {
  let idx = indexes.get(project.manifest);
  if (!idx) {
    idx = buildRefIndex(project.manifest);
    indexes.set(project.manifest, idx);
  }
  return idx;
}

export function ephemeralCteName(node: ManifestNode): string {
  return `__dbt__cte__${node.name}`;
}

export function runScope(node: ManifestNode, o: RunScopeOptions): Record<string, unknown> {
  const { project } = o;
  const index = refIndexFor(project);
  const existing = o.relations?.get(node.schema, node.alias);
  if (o.reads) {
    const own = () => String(o.relations?.get(node.schema, node.alias)?.type);
    o.reads.push({ was: own(), again: own });
  }
  // what ref() returns for a resolved parent: a function of the relation cache only
  const refTarget = (r: ManifestNode): Relation | string => {
    const override = o.refOverride?.(r) ?? deferredRef(project, r, o.relations);
    if (override !== undefined) return override;
    if (r.config.materialized === 'ephemeral') return new Relation(null, null, ephemeralCteName(r), 'cte');
    const rel = o.relations?.get(r.schema, r.alias);
    return relationFor(r, rel?.type ?? (r.config.materialized === 'view' ? 'view' : 'table'));
  };
  const shape = (x: Relation | string) => (typeof x === 'string' ? x : `${x.type ?? ''} ${String(x)}`);
  const scope = nodeScope(project.base, node, relationFor(node, existing?.type ?? null), {
    ref: (call) => {
      const r = resolveRef(index, node, call, new Set());
      if (r instanceof TsdbtError) throw r;
      const target = refTarget(r);
      if (o.reads) o.reads.push({ was: shape(target), again: () => shape(refTarget(r)) });
      if (typeof target !== 'string' && target.type === 'cte') o.ephemerals.add(r.unique_id);
      return target;
    },
    source: (s, t) => {
      const src = index.sources.get(`${s}.${t}`);
      if (!src) throw new TsdbtError('P003', `source '${s}.${t}' not found`, { location: { file: node.original_file_path } });
      return src.external_location ? src.relation_name : new Relation(src.database, src.schema, src.identifier, 'table');
    },
    config: () => undefined,
    configValue: (key) => node.config[key],
    isIncremental: () => node.config.materialized === 'incremental' && existing?.type === 'table' && !(o.fullRefresh || node.config.full_refresh === true),
    execute: true,
  });
  // run_query, statement/load_result, adapter, api, graph (src/templating/introspection.ts)
  const introspection = runTimeIntrospection(project, o.relations, o.replay);
  if (!o.speculation) Object.assign(scope, introspection);
  else {
    const spec = o.speculation;
    for (const [key, value] of Object.entries(introspection)) {
      Object.defineProperty(scope, key, {
        enumerable: true,
        get: () => ((spec.impure = true), value),
      });
    }
  }
  scope.flags = { ...(project.base.flags as object), FULL_REFRESH: o.fullRefresh };
  return scope;
}
