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
 * `TsdbtError('G001')` naming the cycle when there is one. O(V log V + E).
 *
 * @example
 *   const graph = buildGraph(manifest);
 *   graph.parents('model.shop.orders'); // ['model.shop.stg_orders', 'seed.shop.customers']
 */
export function buildGraph(manifest: Manifest): ProjectGraph {
  const members = new Map<string, GraphMember>();
  for (const [id, source] of Object.entries(manifest.sources)) members.set(id, source);
  for (const [id, node] of Object.entries(manifest.nodes)) members.set(id, node);

  // Work on integer indices in unique_id order: children come out sorted for free, parents sort
  // numerically, and Kahn's heap compares numbers instead of strings.
  const ids = [...members.keys()].sort();
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const parentIdx: number[][] = new Array(ids.length);
  const childIdx: number[][] = ids.map(() => []);
  for (let i = 0; i < ids.length; i++) {
    const member = members.get(ids[i] as string) as GraphMember;
    const deps = member.resource_type === 'source' ? [] : (member.depends_on?.nodes ?? []);
    const ps: number[] = [];
    for (const dep of deps) {
      // A dependency on something not in the manifest was already reported by the parser (P002/P003).
      const p = index.get(dep);
      if (p !== undefined && !ps.includes(p)) ps.push(p);
    }
    ps.sort((a, b) => a - b);
    parentIdx[i] = ps;
    for (const p of ps) (childIdx[p] as number[]).push(i);
  }

  const order = kahn(parentIdx, childIdx);
  const toIds = (xs: number[]): string[] => xs.map((x) => ids[x] as string);
  const parentMap = new Map<string, string[]>();
  const childMap = new Map<string, string[]>();
  ids.forEach((id, i) => {
    parentMap.set(id, toIds(parentIdx[i] as number[]));
    childMap.set(id, toIds(childIdx[i] as number[]));
  });
  if (order.length < ids.length) {
    const emitted = new Set(order);
    const stuck = new Set(ids.filter((_, i) => !emitted.has(i)));
    const path = findCyclePath(stuck, (id) => parentMap.get(id) ?? EMPTY, (id) => childMap.get(id) ?? EMPTY);
    throw cycleError(path, members);
  }

  manifest.parent_map = Object.fromEntries(parentMap);
  manifest.child_map = Object.fromEntries(childMap);
  return new ProjectGraph(manifest, members, parentMap, childMap, toIds(order));
}

/** Kahn's algorithm with a min-heap so that, among ready nodes, the smallest unique_id comes first. */
function kahn(parents: number[][], children: number[][]): number[] {
  const pending = Int32Array.from(parents, (ps) => ps.length);
  const heap = new MinHeap<number>((a, b) => a < b);
  pending.forEach((n, i) => n === 0 && heap.push(i));
  const order: number[] = [];
  for (let i = heap.pop(); i !== undefined; i = heap.pop()) {
    order.push(i);
    for (const c of children[i] as number[]) if (--(pending[c] as number) === 0) heap.push(c);
  }
  return order;
}
