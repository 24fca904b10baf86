// The runner's scheduler over a selected set: hands out nodes whose selected upstream work has
// succeeded and reports what to skip when a node fails. O(V + E) over the whole run.
import type { ProjectGraph } from './dag.js';
import { MinHeap } from './min-heap.js';
import { testGateEdges } from './test-edges.js';
import { ancestors, descendants } from './traverse.js';

export interface ReadyQueueOptions {
  /** `tsdbt build`: nodes also wait for the selected tests on their upstream nodes, and a failing test skips them */
  testsGateDownstream?: boolean;
}

/**
 * A node becomes ready once every selected node upstream of it (directly, or through nodes that
 * were not selected, as dbt's subset graph keeps those transitive edges) has finished ok.
 * Among ready nodes, the one earliest in `selected` comes first.
 *
 * @example
 *   const q = new ReadyQueue(graph, selected);
 *   for (let id = q.next(); id; id = q.next()) skipped.push(...q.done(id, await run(id)));
 */
export class ReadyQueue {
  private readonly position = new Map<string, number>();
  /** selected nodes plus unselected ones lying between two selected nodes */
  private readonly region = new Set<string>();
  private readonly pending = new Map<string, number>();
  private readonly ready: MinHeap<string>;
  private readonly running = new Set<string>();
  private readonly skipped = new Set<string>();
  private completed = 0;
  private skippedSelected = 0;

  /** test -> nodes waiting for it (only with testsGateDownstream) */
  private readonly gates: Map<string, string[]>;

  constructor(private readonly graph: ProjectGraph, selected: string[], opts: ReadyQueueOptions = {}) {
    for (const id of selected) {
      if (!graph.has(id)) throw new Error(`ReadyQueue: '${id}' is not in the graph`);
      if (!this.position.has(id)) this.position.set(id, this.position.size);
    }
    this.ready = new MinHeap((a, b) => (this.position.get(a) as number) < (this.position.get(b) as number));
    const ids = [...this.position.keys()];
    const up = ancestors(graph, ids);
    for (const id of descendants(graph, ids)) if (up.has(id)) this.region.add(id);
    for (const id of ids) this.region.add(id);
    for (const id of this.region) {
      this.pending.set(id, graph.parents(id).filter((p) => this.region.has(p)).length);
    }
    this.gates = opts.testsGateDownstream ? testGateEdges(graph, ids, (id) => this.region.has(id)) : new Map();
    for (const kids of this.gates.values()) for (const k of kids) this.pending.set(k, (this.pending.get(k) as number) + 1);
    for (const id of ids) if (this.pending.get(id) === 0) this.ready.push(id);
  }

  /** The next node to run, or undefined when nothing is ready (yet). */
  next(): string | undefined {
    const id = this.ready.pop();
    if (id !== undefined) this.running.add(id);
    return id;
  }

  /** Up to `n` ready nodes without handing them out: the one next() returns first (compile-ahead). */
  upcoming(n: number): string[] {
    return this.ready.peek(n);
  }

  /** Records a finished node; when it failed, returns the selected nodes downstream now skipped. */
  done(id: string, ok: boolean): string[] {
    if (!this.running.delete(id)) throw new Error(`ReadyQueue: '${id}' was not handed out by next()`);
    this.completed++;
    return ok ? (this.release(id), []) : this.skipDownstream(id);
  }

  /** Whether every selected node has finished or been skipped. */
  get finished(): boolean {
    return this.completed + this.skippedSelected === this.position.size;
  }

  /** How many selected nodes are running now (handed out, not yet done). */
  get inFlight(): number {
    return this.running.size;
  }

  private downstream(id: string): readonly string[] {
    const gated = this.gates.get(id);
    return gated ? [...this.graph.children(id), ...gated] : this.graph.children(id);
  }

  private release(id: string): void {
    const stack = [id];
    while (stack.length) {
      const cur = stack.pop() as string;
      for (const c of this.downstream(cur)) {
        if (!this.region.has(c)) continue;
        const left = (this.pending.get(c) as number) - 1;
        this.pending.set(c, left);
        if (left !== 0) continue;
        // Unselected nodes in between are not run; they pass readiness straight through.
        if (this.position.has(c)) this.ready.push(c);
        else stack.push(c);
      }
    }
  }

  private skipDownstream(id: string): string[] {
    const out: string[] = [];
    const stack = [id];
    while (stack.length) {
      const cur = stack.pop() as string;
      for (const c of this.downstream(cur)) {
        if (!this.region.has(c) || this.skipped.has(c)) continue;
        this.skipped.add(c);
        stack.push(c);
        if (this.position.has(c)) out.push(c);
      }
    }
    this.skippedSelected += out.length;
    return out.sort((a, b) => (this.position.get(a) as number) - (this.position.get(b) as number));
  }
}
