// The schedule `build` runs: each model's data tests right after it, its unit tests right before it,
// and a failing error-severity test holding back (then skipping) the model's descendants. Built as a
// copy of the project graph with extra edges, so the ReadyQueue's skip logic does the rest.
import { ProjectGraph } from '../graph/dag.js';
import { ancestors } from '../graph/traverse.js';
import type { ParsedProject } from '../parser/project-parser.js';

const isTest = (t: string | undefined) => t === 'test' || t === 'unit_test';

/**
 * A graph where every data test is a parent of the children of the node(s) it tests (only children
 * downstream of all of them, as dbt does), and every unit test sits between its model's parents and
 * the model; plus `ids` reordered so tests run next to their models.
 */
export function buildSchedule(project: ParsedProject, ids: string[]): { graph: ProjectGraph; ids: string[] } {
  const g = project.graph;
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const id of g.members.keys()) {
    parents.set(id, [...g.parents(id)]);
    children.set(id, [...g.children(id)]);
  }
  const edge = (from: string, to: string) => {
    if (!children.get(from)!.includes(to)) children.get(from)!.push(to);
    if (!parents.get(to)!.includes(from)) parents.get(to)!.push(from);
  };
  const unedge = (from: string, to: string) => {
    children.set(from, children.get(from)!.filter((x) => x !== to));
    parents.set(to, parents.get(to)!.filter((x) => x !== from));
  };
  const upstream = new Map<string, Set<string>>();
  const ancestorsOf = (id: string) => {
    let s = upstream.get(id);
    if (!s) upstream.set(id, (s = ancestors(g, [id])));
    return s;
  };
  const selected = new Set(ids);
  for (const id of ids) {
    const m = g.members.get(id);
    if (m?.resource_type === 'unit_test') {
      const model = g.parents(id)[0];
      if (!model) continue;
      unedge(model, id);
      for (const p of g.parents(model)) edge(p, id);
      edge(id, model);
      continue;
    }
    if (m?.resource_type !== 'test') continue;
    const ps = g.parents(id);
    for (const p of ps) {
      for (const c of g.children(p)) {
        if (c === id || isTest(g.members.get(c)?.resource_type)) continue;
        if (ps.length > 1 && !ps.every((q) => q === p || ancestorsOf(c).has(q))) continue;
        edge(id, c);
      }
    }
  }
  // order: unit tests just before their model, data tests just after the last of their parents
  const after = new Map<string, string[]>();
  const before = new Map<string, string[]>();
  const placed = new Set<string>();
  const pos = new Map(ids.map((id, i) => [id, i]));
  for (const id of ids) {
    const m = g.members.get(id);
    if (!isTest(m?.resource_type)) continue;
    const ps = g.parents(id).filter((p) => selected.has(p));
    if (!ps.length) continue;
    if (m?.resource_type === 'unit_test') (before.get(ps[0]) ?? before.set(ps[0], []).get(ps[0])!).push(id);
    else {
      const last = ps.reduce((a, b) => ((pos.get(a) ?? 0) > (pos.get(b) ?? 0) ? a : b));
      (after.get(last) ?? after.set(last, []).get(last)!).push(id);
    }
    placed.add(id);
  }
  const order: string[] = [];
  for (const id of ids) {
    if (placed.has(id)) continue;
    order.push(...(before.get(id) ?? []), id, ...(after.get(id) ?? []));
  }
  return { graph: new ProjectGraph(project.manifest, g.members, parents, children, g.topoOrder()), ids: order };
}
