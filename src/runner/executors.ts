// How each kind of node is executed. Models, seeds and snapshots materialize; tests register their
// own executor from the data-tests stage. Executors throw on failure; the runner turns it into a result.
import type { ManifestNode } from '../parser/types.js';
import type { ParsedProject } from '../parser/project-parser.js';
import type { Adapter, AdapterConnection } from '../adapters/adapter.js';
import type { RelationCache } from '../compiler/relation-cache.js';
import type { NodeStatus } from './types.js';
import { compileNode, renderAtRunTime } from '../compiler/compile-node.js';
import { strategyFor } from '../materializations/registry.js';
import { userMaterializationFor, userStrategy } from '../materializations/user-materializations.js';
import { writeLater } from './deferred-writes.js';
import { targetFilePath } from '../artifacts/target-files.js';

export interface ExecContext {
  project: ParsedProject;
  adapter: Adapter;
  conn: AdapterConnection;
  relations: RelationCache;
  fullRefresh: boolean;
  executed: string[];
  /** marks the moment compile ends and execute starts (for timing) */
  compiled(): void;
}

export interface ExecOutcome {
  status: NodeStatus;
  message: string;
  code?: string;
  rowsAffected?: number | null;
  failures?: number | null;
  preview?: string;
}

export type Executor = (node: ManifestNode, ctx: ExecContext) => Promise<ExecOutcome>;

const executors = new Map<string, Executor>();

export function registerExecutor(resourceType: string, ex: Executor): void {
  executors.set(resourceType, ex);
}

export function executorFor(node: ManifestNode): Executor {
  return executors.get(node.resource_type) ?? materializeNode;
}

const hookTemplates = new Map<string, { render(scope: Record<string, unknown>): string }>();

export async function renderHooks(node: ManifestNode, ctx: ExecContext, hooks: { sql: string; transaction: boolean }[]) {
  const out: { sql: string; transaction: boolean }[] = [];
  for (const h of hooks) {
    let t = hookTemplates.get(h.sql);
    if (!t) {
      t = ctx.project.engine.compile(h.sql, node.original_file_path);
      hookTemplates.set(h.sql, t);
    }
    const tmpl = t;
    const { sql } = await renderAtRunTime(node, { project: ctx.project, relations: ctx.relations, conn: ctx.conn, fullRefresh: ctx.fullRefresh }, (scope) => tmpl.render(scope));
    if (sql.trim()) out.push({ sql, transaction: h.transaction });
  }
  return out;
}

/** target/compiled/<package>/<path>, as compileNode writes it, but off the statement path (deferred-writes). */
function writeCompiled(node: ManifestNode, ctx: ExecContext, sql: string): void {
  node.compiled_path = targetFilePath(ctx.project.config.project, node, 'compiled');
  writeLater(node.compiled_path, sql);
}

/** Compile and materialize a model, seed or snapshot. */
export const materializeNode: Executor = async (node, ctx) => {
  // a Jinja `{% materialization %}` of the project or a package, else the built-in strategy
  const user = userMaterializationFor(ctx.project, node);
  const strategy = user ? userStrategy(ctx.project, user) : strategyFor(node);
  const sql = node.resource_type === 'seed' ? '' : await compileNode(node, { project: ctx.project, relations: ctx.relations, conn: ctx.conn, fullRefresh: ctx.fullRefresh, writeFiles: false });
  if (node.resource_type !== 'seed') writeCompiled(node, ctx, sql);
  const preHooks = await renderHooks(node, ctx, node.config.pre_hook);
  const postHooks = await renderHooks(node, ctx, node.config.post_hook);
  ctx.compiled();
  if (!strategy) return { status: 'success', message: 'ephemeral' };
  const r = await strategy.run({ node, sql, adapter: ctx.adapter, conn: ctx.conn, relations: ctx.relations, fullRefresh: ctx.fullRefresh, preHooks, postHooks, executed: ctx.executed });
  return { status: 'success', message: r.message, code: r.code, rowsAffected: r.rowsAffected };
};
