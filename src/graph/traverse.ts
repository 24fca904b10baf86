// Graph walks behind the `+` and `@` operators: multi-source breadth-first search with an optional
// depth limit, O(V + E) however many nodes the walk starts from.
import type { ProjectGraph } from './dag.js';

type Step = (id: string) => readonly string[];

function walk(start: Iterable<string>, step: Step, maxDepth?: number): Set<string> {
  // Level-by-level from all start nodes at once: a node within maxDepth of any start node is reached.
  const starts = new Set(start);
  const reached = new Set<string>();
  const startsReached = new Set<string>();
  let frontier = [...starts];
  for (let depth = 1; frontier.length && (maxDepth === undefined || depth <= maxDepth); depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of step(id)) {
        if (reached.has(n)) continue;
        if (starts.has(n)) {
          // A start node counts only when reached from another; it is already being expanded.
          startsReached.add(n);
          continue;
        }
        reached.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  for (const id of startsReached) reached.add(id);
  return reached;
}

/** Nodes upstream of `ids` (at most `maxDepth` edges away). Start nodes are included only if upstream of another. */
export function ancestors(graph: ProjectGraph, ids: Iterable<string>, maxDepth?: number): Set<string> {
  return walk(ids, (id) => graph.parents(id), maxDepth);
}

/** Nodes downstream of `ids` (at most `maxDepth` edges away). */
export function descendants(graph: ProjectGraph, ids: Iterable<string>, maxDepth?: number): Set<string> {
  return walk(ids, (id) => graph.children(id), maxDepth);
}

/** dbt's `@`: the nodes, all their descendants, and every ancestor of those (what a rebuild needs). */
export function childrensParents(graph: ProjectGraph, ids: Iterable<string>): Set<string> {
  const down = descendants(graph, ids);
  for (const id of ids) down.add(id);
  const all = ancestors(graph, down);
  for (const id of down) all.add(id);
  return all;
}
