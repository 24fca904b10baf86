// Executes a selection of nodes over N DuckDB connections: pulls ready nodes from the queue, marks
// the descendants of a failure as skipped, prints dbt's lines, and stops early on --fail-fast or Ctrl-C.
// Each statement sent lets the next ready node compile while DuckDB works (compile-ahead).
import type { ParsedProject } from '../parser/project-parser.js';
import type { ManifestNode } from '../parser/types.js';
import type { Adapter, AdapterConnection } from '../adapters/adapter.js';
import { ReadyQueue } from '../graph/ready-queue.js';
import type { ProjectGraph } from '../graph/dag.js';
import { RelationCache } from '../compiler/relation-cache.js';
import { createSchemaSql } from '../materializations/sql-builders.js';
import { executorFor } from './executors.js';
import type { NodeResult, RunSummary } from './types.js';
import { printResult, printStart } from '../console/run-lines.js';
import { TsdbtError, formatError } from '../errors/tsdbt-error.js';
import { duckdbError } from './db-errors.js';
import { dropLeftovers } from '../reliability/leftovers.js';
import { writeLaterLazily, flushWrites } from './deferred-writes.js';
import { console as out, deferOutput } from '../console/console.js';
import { targetFilePath } from '../artifacts/target-files.js';
import { compileAhead, dropAhead } from '../compiler/compile-node.js';

// node kinds whose executor compiles them with compileNode (seeds load files; unit tests render their own way)
const COMPILED_AHEAD = new Set(['model', 'test', 'snapshot']);

export interface RunOptions {
  threads: number;
  failFast?: boolean;
  fullRefresh?: boolean;
  signal?: AbortSignal;
  /** errors by unique_id, for the summary at the end */
  errors?: Map<string, unknown>;
  /** the graph the ready queue schedules over (build: the project graph plus test edges) */
  graph?: ProjectGraph;
  /** ids that must run even though a parent failed (never: kept for clarity of skip semantics) */
  quiet?: boolean;
  /** what exists in the database, kept by a caller that holds it open (watch mode): no catalog listing */
  relations?: RelationCache;
  /** leave the per-node record files writing in the background: the caller awaits flushWrites() */
  deferFlush?: boolean;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export async function runSelected(project: ParsedProject, adapter: Adapter, ids: string[], o: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const nodes = project.manifest.nodes;
  const runnable = ids.filter((id) => nodes[id] && nodes[id].config.materialized !== 'ephemeral');
  const total = runnable.length;
  const selectedIds = new Set(runnable);
  const errors = o.errors ?? new Map<string, unknown>();
  const results = new Map<string, NodeResult>();
  const threads = Math.max(1, Math.min(o.threads, total || 1));
  const conns: AdapterConnection[] = [];
  for (let i = 0; i < threads; i++) conns.push(await adapter.connect());
  // a run killed mid-swap may have left `__tsdbt_tmp` relations: never let them stay visible
  // (a caller passing `relations` swept them when it listed the catalog)
  if (!o.relations) await dropLeftovers(adapter, conns[0]);
  const relations = o.relations ?? (await RelationCache.load(adapter, conns[0]));
  const schemas = new Set<string>();
  for (const id of runnable) schemas.add(`${nodes[id].database}\u0000${nodes[id].schema}`);
  for (const key of schemas) {
    const [db, schema] = key.split('\u0000');
    if (!relations.schemas().has(schema.toLowerCase())) await conns[0].run(createSchemaSql(db, schema));
  }
  const queue = new ReadyQueue(o.graph ?? project.graph, runnable);
  let counter = 0;
  let stop = false;
  let waiters: (() => void)[] = [];
  const signalWake = () => {
    const ws = waiters;
    waiters = [];
    for (const w of ws) w();
  };
  const onAbort = () => {
    stop = true;
    for (const c of conns) c.interrupt();
    signalWake();
  };
  let aheadQueued = false;
  const triedAhead = new Set<string>();
  const graph = o.graph ?? project.graph;
  const runningIds = new Set<string>();
  // what runs next: the ready nodes, then what the running nodes release (a model's tests)
  function* upcoming(): Generator<string> {
    yield* queue.upcoming(4);
    for (const id of runningIds) yield* graph.children(id);
  }
  // while a statement is on its way, render the next nodes not rendered yet, one per turn of the event
  // loop for as long as a statement is running, so the renders run while DuckDB executes and a finished
  // statement waits for at most one render (compileNode checks that nothing a render read has changed)
  let inFlight = 0;
  const landed = () => void inFlight--;
  const aheadStep = () => {
    aheadQueued = false;
    if (stop || inFlight === 0) return;
    for (const id of upcoming()) {
      if (triedAhead.has(id) || runningIds.has(id)) continue;
      const n = nodes[id];
      if (!n || results.has(id) || !selectedIds.has(id)) continue;
      triedAhead.add(id);
      if (COMPILED_AHEAD.has(n.resource_type)) {
        void compileAhead(n, { project, relations, fullRefresh: o.fullRefresh ?? false });
        lookAhead();
        return;
      }
    }
  };
  const lookAhead = () => {
    if (aheadQueued || stop) return;
    aheadQueued = true;
    setImmediate(aheadStep);
  };
  const sent = <T>(p: Promise<T>): Promise<T> => {
    inFlight++;
    p.then(landed, landed);
    lookAhead();
    return p;
  };
  const withLookAhead = (c: AdapterConnection): AdapterConnection => ({
    run: (sql) => sent(c.run(sql)),
    query: (sql) => sent(c.query(sql)),
    firstRow: c.firstRow ? (sql) => sent(c.firstRow!(sql)) : undefined,
    interrupt: () => c.interrupt(),
    close: () => c.close(),
  });
  o.signal?.addEventListener('abort', onAbort);
  // Ctrl-C pressed while parsing: the event has already fired, so stop before starting any node
  if (o.signal?.aborted) onAbort();

  const skip = (id: string, message: string) => {
    if (results.has(id)) return;
    const n = nodes[id];
    const r: NodeResult = { unique_id: id, status: 'skipped', timing: [], thread_id: 'main', execution_time: 0, adapter_response: {}, message, failures: null, compiled: false, relation_name: n.relation_name };
    results.set(id, r);
    if (!o.quiet) printResult(++counter, total, n, r);
  };

  const status = () => {
    if (o.quiet || !out.wantsStatus()) return;
    const names = [...runningIds].slice(0, 3).map((id) => nodes[id].name).join(', ') + (runningIds.size > 3 ? ', ...' : '');
    out.setStatus(`[${results.size}/${total}] ${((performance.now() - started) / 1000).toFixed(1)}s  running: ${names}`);
  };
  const runOne = async (node: ManifestNode, conn: AdapterConnection, thread: string) => {
    const index = ++counter;
    runningIds.add(node.unique_id);
    status();
    if (!o.quiet) printStart(index, total, node);
    const t0 = Date.now();
    let t1 = t0;
    const executed: string[] = [];
    let r: NodeResult;
    try {
      const outcome = await executorFor(node)(node, { project, adapter, conn: withLookAhead(conn), relations, fullRefresh: o.fullRefresh ?? false, executed, compiled: () => (t1 = Date.now()) });
      r = {
        unique_id: node.unique_id,
        status: outcome.status,
        timing: [],
        thread_id: thread,
        execution_time: 0,
        adapter_response: { _message: outcome.code ?? 'OK', code: outcome.code ?? 'OK', ...(outcome.rowsAffected != null ? { rows_affected: outcome.rowsAffected } : {}) },
        message: outcome.message,
        failures: outcome.failures ?? null,
        compiled: true,
        compiled_code: node.compiled_code,
        relation_name: node.relation_name,
        preview: outcome.preview,
      };
    } catch (e) {
      const err = e instanceof TsdbtError ? e : duckdbError(e, node, { executed, root: project.config.project.root });
      errors.set(node.unique_id, err);
      r = { unique_id: node.unique_id, status: 'error', timing: [], thread_id: thread, execution_time: 0, adapter_response: {}, message: err instanceof TsdbtError ? formatError(err) : String(err), failures: null, compiled: node.compiled_code !== undefined, compiled_code: node.compiled_code, relation_name: node.relation_name };
    }
    const t2 = Date.now();
    if (t1 === t0) t1 = t2;
    r.timing = [
      { name: 'compile', started_at: iso(t0), completed_at: iso(t1) },
      { name: 'execute', started_at: iso(t1), completed_at: iso(t2) },
    ];
    r.execution_time = (t2 - t0) / 1000;
    results.set(node.unique_id, r);
    if (executed.length) {
      // the run SQL is a record for people: made and written when the writes are flushed, never failing the run
      writeLaterLazily(() => [targetFilePath(project.config.project, node, 'run'), executed.join(';\n\n') + ';\n']);
    }
    runningIds.delete(node.unique_id);
    if (!o.quiet) printResult(index, total, node, r);
    status();
    const ok = r.status === 'success' || r.status === 'pass' || r.status === 'warn';
    for (const s of queue.done(node.unique_id, ok)) skip(s, `Skipping due to failure upstream: ${node.name}`);
    if (!ok && o.failFast) stop = true;
    signalWake();
  };

  let fatal: unknown;
  const worker = async (conn: AdapterConnection, thread: string) => {
    for (;;) {
      if (stop) return;
      const id = queue.next();
      if (id !== undefined) {
        try {
          await runOne(nodes[id], conn, thread);
        } catch (e) {
          // a bug outside the node's own work: stop every worker (none may wait forever) and report it
          fatal ??= e;
          stop = true;
          signalWake();
          return;
        }
        continue;
      }
      if (queue.finished) return;
      await new Promise<void>((res) => waiters.push(res));
    }
  };

  deferOutput(true);
  try {
    await Promise.all(conns.map((c, i) => worker(c, `Thread-${i + 1}`)));
    if (fatal !== undefined) throw fatal;
    // a waiting worker is released when the last node finishes; make sure none sleeps forever
    signalWake();
  } finally {
    // no compile-ahead may start once the run is over (a pending one checks `stop`)
    stop = true;
    deferOutput(false);
    out.setStatus(null);
    o.signal?.removeEventListener('abort', onAbort);
    for (const c of conns) c.close();
    if (!o.deferFlush) await flushWrites();
    for (const id of triedAhead) dropAhead(nodes[id]);
  }
  for (const id of runnable) {
    if (!results.has(id)) skip(id, o.signal?.aborted ? 'cancelled (interrupted)' : 'skipped due to --fail-fast');
  }
  return { results: runnable.map((id) => results.get(id)!), elapsed: (performance.now() - started) / 1000, interrupted: o.signal?.aborted };
}
