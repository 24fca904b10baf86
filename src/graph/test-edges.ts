// dbt build's extra ordering: a node waits for the tests on its upstream nodes, so a failing test
// skips what is built from the data it tested (dbt-core `Graph.add_test_edges`).
import type { ProjectGraph } from './dag.js';
import { ancestors } from './traverse.js';

/**
 * For each test in `tests`: the non-test nodes (accepted by `inScope`) that must wait for it. A child
 * N of one of the test's parents waits when every parent of the test is upstream of N; a
 * relationships test between `orders` and `customers` therefore does not hold back `orders` itself.
 */
export function testGateEdges(graph: ProjectGraph, tests: Iterable<string>, inScope: (id: string) => boolean): Map<string, string[]> {
  const upstream = new Map<string, Set<string>>();
  const isUpstream = (x: string, of: string): boolean => {
    let set = upstream.get(of);
    if (!set) upstream.set(of, (set = ancestors(graph, [of])));
    return set.has(x);
  };
  const isTest = (id: string): boolean => {
    const t = graph.members.get(id)?.resource_type;
    return t === 'test' || t === 'unit_test';
  };
  const edges = new Map<string, string[]>();
  for (const t of tests) {
    if (graph.members.get(t)?.resource_type !== 'test') continue;
    const ps = graph.parents(t);
    const gated = new Set<string>();
    for (const p of ps) {
      for (const n of graph.children(p)) {
        if (gated.has(n) || isTest(n) || !inScope(n)) continue;
        // Single-parent tests (unique, not_null, ...) need no ancestry check.
        if (ps.every((q) => q === p || isUpstream(q, n))) gated.add(n);
      }
    }
    if (gated.size) edges.set(t, [...gated].sort());
  }
  return edges;
}
