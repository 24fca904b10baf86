// Graph walks behind the `+` and `@` operators: multi-source breadth-first search with an optional
// depth limit, O(V + E) however many nodes the walk starts from.
import type { ProjectGraph } from './dag.js';

type Step = (id: string) => readonly string[];

function walk(start: Iterable<string>, step: Step, maxDepth?: number): Set<string> {
  // Distance from the nearest start node; a node within maxDepth of any start node is reached.
  const seen = new Set<string>();
  let frontier = [...new Set(start)];
  const visited = new Set(frontier);
  for (let depth = 1; frontier.length && (maxDepth === undefined || depth <= maxDepth); depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of step(id)) {
        seen.add(n);
        if (!visited.has(n)) {
          visited.add(n);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return seen;
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
