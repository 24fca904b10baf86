// The project's dependency graph: nodes and sources keyed by unique_id, edges from
// `depends_on.nodes`, a deterministic topological order, and G001 when there is a cycle.
import { Graph } from '@dagrejs/graphlib';
import type { GraphMember, Manifest } from '../parser/types.js';
import { cycleError, findCyclePath } from './cycle.js';
import { MinHeap } from './min-heap.js';

const EMPTY: readonly string[] = Object.freeze([]);

export class ProjectGraph {
  /** every node and source, by unique_id */
  readonly members: Map<string, GraphMember>;
  private readonly parentMap: Map<string, string[]>;
  private readonly childMap: Map<string, string[]>;
  private readonly order: string[];
  private readonly orderIndex = new Map<string, number>();
  private graphlibGraph?: Graph;

  constructor(readonly manifest: Manifest, members: Map<string, GraphMember>, parentMap: Map<string, string[]>, childMap: Map<string, string[]>, order: string[]) {
    this.members = members;
    this.parentMap = parentMap;
    this.childMap = childMap;
    this.order = order;
    order.forEach((id, i) => this.orderIndex.set(id, i));
  }

  /** Direct upstream unique_ids, sorted. Unknown ids have none. */
  parents(id: string): readonly string[] {
    return this.parentMap.get(id) ?? EMPTY;
  }

  /** Direct downstream unique_ids (models, tests, ...), sorted. */
  children(id: string): readonly string[] {
    return this.childMap.get(id) ?? EMPTY;
  }

  has(id: string): boolean {
    return this.members.has(id);
  }

  /** All members, parents before children; ties broken by unique_id so the order is stable. */
  topoOrder(): string[] {
    return [...this.order];
  }

  /** Position in {@link topoOrder}; -1 for ids not in the graph. */
  topoIndex(id: string): number {
    return this.orderIndex.get(id) ?? -1;
  }

  /** Sorts ids into topological order (ties by unique_id). */
  sortTopologically(ids: Iterable<string>): string[] {
    return [...ids].sort((a, b) => this.topoIndex(a) - this.topoIndex(b));
  }

  /**
   * The same graph as a @dagrejs/graphlib Graph (node label = the member), for graph algorithms
   * and layout. Built on first use: graphlib needs ~0.5 s for 10,000 nodes, too slow for every command.
   */
  toGraphlib(): Graph {
    if (!this.graphlibGraph) {
      const g = new Graph();
      for (const [id, member] of this.members) g.setNode(id, member);
      for (const [id, kids] of this.childMap) for (const c of kids) g.setEdge(id, c);
      this.graphlibGraph = g;
    }
    return this.graphlibGraph;
  }
}

/**
 * Builds the graph of `manifest.nodes` and `manifest.sources`, fills `manifest.parent_map` and
 * `manifest.child_map` (every member is a key; values sorted, as dbt writes them) and throws
 * `TsdbtError('G001')` naming the cycle when there is one. O(V + E log V).
 *
 * @example
 *   const graph = buildGraph(manifest);
 *   graph.parents('model.shop.orders'); // ['model.shop.stg_orders', 'seed.shop.customers']
 */
export function buildGraph(manifest: Manifest): ProjectGraph {
  const members = new Map<string, GraphMember>();
  for (const [id, source] of Object.entries(manifest.sources)) members.set(id, source);
  for (const [id, node] of Object.entries(manifest.nodes)) members.set(id, node);

  const parentSets = new Map<string, Set<string>>();
  const childSets = new Map<string, Set<string>>();
  for (const id of members.keys()) {
    parentSets.set(id, new Set());
    childSets.set(id, new Set());
  }
  for (const [id, node] of Object.entries(manifest.nodes)) {
    const ps = parentSets.get(id) as Set<string>;
    for (const dep of node.depends_on?.nodes ?? []) {
      // A dependency on something not in the manifest was already reported by the parser (P002/P003).
      if (!members.has(dep)) continue;
      ps.add(dep);
      (childSets.get(dep) as Set<string>).add(id);
    }
  }
  const toSorted = (m: Map<string, Set<string>>): Map<string, string[]> =>
    new Map([...m].map(([k, v]) => [k, [...v].sort()]));
  const parentMap = toSorted(parentSets);
  const childMap = toSorted(childSets);

  const order = kahn(members.keys(), parentMap, childMap);
  if (order.length < members.size) {
    const emitted = new Set(order);
    const stuck = new Set([...members.keys()].filter((id) => !emitted.has(id)));
    const path = findCyclePath(stuck, (id) => parentMap.get(id) ?? EMPTY, (id) => childMap.get(id) ?? EMPTY);
    throw cycleError(path, members);
  }

  manifest.parent_map = Object.fromEntries(parentMap);
  manifest.child_map = Object.fromEntries(childMap);
  return new ProjectGraph(manifest, members, parentMap, childMap, order);
}

/** Kahn's algorithm with a min-heap so that, among ready nodes, the smallest unique_id comes first. */
function kahn(ids: Iterable<string>, parents: Map<string, string[]>, children: Map<string, string[]>): string[] {
  const pending = new Map<string, number>();
  const heap = new MinHeap<string>((a, b) => a < b);
  for (const id of ids) {
    const n = parents.get(id)?.length ?? 0;
    pending.set(id, n);
    if (n === 0) heap.push(id);
  }
  const order: string[] = [];
  for (let id = heap.pop(); id !== undefined; id = heap.pop()) {
    order.push(id);
    for (const c of children.get(id) ?? EMPTY) {
      const left = (pending.get(c) as number) - 1;
      pending.set(c, left);
      if (left === 0) heap.push(c);
    }
  }
  return order;
}
