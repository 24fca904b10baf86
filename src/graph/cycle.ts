// Turns "topological sort could not finish" into a user-facing G001 error that shows one cycle as a
// path with file names, e.g. `model.p.a (models/a.sql) -> model.p.b (models/b.sql) -> model.p.a (...)`.
import { TsdbtError } from '../errors/tsdbt-error.js';
import type { GraphMember } from '../parser/types.js';

type Adjacent = (id: string) => readonly string[];

/**
 * One cycle among `stuck` (the nodes a topological sort could not emit), as a closed path
 * `[a, b, ..., a]` where each step goes from a node to one that depends on it.
 * Deterministic: the cycle goes through the smallest unique_id that lies on any cycle, and is the
 * shortest such cycle.
 */
export function findCyclePath(stuck: Set<string>, parents: Adjacent, children: Adjacent): string[] {
  // Drop stuck nodes that merely sit downstream of a cycle, so Tarjan (recursive in graphlib)
  // only sees the cyclic core.
  const outDeg = new Map<string, number>();
  for (const id of stuck) outDeg.set(id, children(id).filter((c) => stuck.has(c)).length);
  const core = new Set(stuck);
  const sinks = [...stuck].filter((id) => outDeg.get(id) === 0);
  while (sinks.length) {
    const id = sinks.pop() as string;
    core.delete(id);
    for (const p of parents(id)) {
      if (!core.has(p)) continue;
      const d = (outDeg.get(p) ?? 0) - 1;
      outDeg.set(p, d);
      if (d === 0) sinks.push(p);
    }
  }
  const sccs = stronglyConnected(core, (id) => children(id).filter((c) => core.has(c)));
  const start = [...core].filter((id) => sccs.some((s) => s.has(id))).sort()[0];
  if (start === undefined) return [];
  const scc = sccs.find((s) => s.has(start)) as Set<string>;
  // Shortest way from `start` back to itself inside its strongly connected component.
  const prev = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    for (const c of [...children(id)].sort()) {
      if (!scc.has(c)) continue;
      if (c === start) {
        const path = [start];
        for (let cur: string | undefined = id; cur !== undefined && cur !== start; cur = prev.get(cur)) path.push(cur);
        path.push(start);
        return [start, ...path.slice(1, -1).reverse(), start];
      }
      if (!prev.has(c)) {
        prev.set(c, id);
        queue.push(c);
      }
    }
  }
  return [start, start];
}

/**
 * The strongly connected components with a cycle (more than one node, or a self-loop), by Tarjan's
 * algorithm with an explicit stack: a loop of thousands of models must not overflow the call stack.
 */
function stronglyConnected(nodes: Set<string>, next: Adjacent): Set<string>[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: Set<string>[] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { id: string; edges: readonly string[]; i: number }[] = [];
    const enter = (id: string) => {
      index.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      work.push({ id, edges: next(id), i: 0 });
    };
    enter(root);
    while (work.length) {
      const top = work[work.length - 1];
      if (top.i < top.edges.length) {
        const c = top.edges[top.i++];
        if (!index.has(c)) enter(c);
        else if (onStack.has(c)) low.set(top.id, Math.min(low.get(top.id)!, index.get(c)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.id)!));
      }
      if (low.get(top.id) !== index.get(top.id)) continue;
      const scc = new Set<string>();
      let id: string;
      do {
        id = stack.pop()!;
        onStack.delete(id);
        scc.add(id);
      } while (id !== top.id);
      if (scc.size > 1 || top.edges.includes(top.id)) out.push(scc);
    }
  }
  return out;
}

/** A long path shown as its first and last steps, so a loop of 5,000 models stays readable. */
function shorten<T>(items: T[], gap: (n: number) => T, keep = 6): T[] {
  return items.length <= 2 * keep + 1 ? items : [...items.slice(0, keep), gap(items.length - 2 * keep), ...items.slice(-keep)];
}

/** The G001 error for a cycle path as returned by {@link findCyclePath}. */
export function cycleError(path: string[], members: Map<string, GraphMember>): TsdbtError {
  const label = (id: string): string => {
    const file = members.get(id)?.original_file_path;
    return file ? `${id} (${file})` : id;
  };
  const first = members.get(path[0] ?? '');
  const name = (id: string): string => members.get(id)?.name ?? id;
  let steps: string[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const from = path[i] as string;
    const to = members.get(path[i + 1] as string);
    steps.push(`${to?.original_file_path ?? to?.unique_id} depends on \`${name(from)}\``);
  }
  steps = shorten(steps, (n) => `... ${n} more steps ...`);
  const hint =
    path.length === 2
      ? `a node cannot depend on itself: remove the ref('${name(path[0] as string)}') from ${first?.original_file_path ?? path[0]}`
      : `each arrow points from a node to one that selects from it (${steps.join('; ')}); ` +
        'remove one of these ref()/source() calls, or move the shared logic into a new upstream model';
  const shown = shorten(path.map(label), (n) => `... (${n} more)`);
  return new TsdbtError('G001', `Found a cycle${path.length > 14 ? ` of ${path.length - 1} nodes` : ''}: ${shown.join(' -> ')}`, {
    location: first ? { file: first.original_file_path } : undefined,
    hint,
  });
}
