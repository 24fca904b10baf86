// A 10,000-node project: building, selecting `+x+` and scheduling must stay linear. Correctness is
// checked against a naive walk; speed is measured by bench/, not asserted here.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/graph/dag.js';
import { ReadyQueue } from '../../../src/graph/ready-queue.js';
import { selectNodes } from '../../../src/graph/selector.js';
import type { ManifestNode } from '../../../src/parser/types.js';
import { manifest, model } from './fixtures.js';

function randomProject(n: number, seed: number): ManifestNode[] {
  let s = seed;
  const rand = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const nodes: ManifestNode[] = [];
  for (let i = 0; i < n; i++) {
    const deps = new Set<string>();
    const k = i === 0 ? 0 : Math.floor(rand() * 4);
    for (let j = 0; j < k; j++) deps.add(`model.p.m${Math.floor(rand() * i)}`);
    nodes.push(model(`m${i}`, { deps: [...deps] }));
  }
  return nodes;
}

function reach(start: string, next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set([start]);
  const stack = [start];
  while (stack.length) for (const x of next(stack.pop() as string)) if (!seen.has(x)) (seen.add(x), stack.push(x));
  return seen;
}

describe('a 10,000-node graph', () => {
  const nodes = randomProject(10_000, 42);
  const m = manifest(nodes);
  const g = buildGraph(m);

  it('builds with every edge in parent_map and a valid topological order', () => {
    expect(Object.keys(m.parent_map)).toHaveLength(10_000);
    const order = g.topoOrder();
    expect(order).toHaveLength(10_000);
    for (const n of nodes) for (const p of n.depends_on.nodes) expect(g.topoIndex(p)).toBeLessThan(g.topoIndex(n.unique_id));
  });

  it('selects +x+ exactly', () => {
    const x = 'model.p.m5000';
    const expected = new Set([...reach(x, (i) => g.parents(i)), ...reach(x, (i) => g.children(i))]);
    const got = selectNodes(g, { select: ['+m5000+'] });
    expect(new Set(got)).toEqual(expected);
    expect([...got]).toEqual(g.sortTopologically(expected));
  });

  it('schedules everything, and skips exactly the descendants of a failure', () => {
    const all = g.topoOrder();
    const q = new ReadyQueue(g, all);
    const failed = 'model.p.m10';
    let ran = 0;
    const skipped: string[] = [];
    for (let id = q.next(); id !== undefined; id = q.next()) {
      ran++;
      skipped.push(...q.done(id, id !== failed));
    }
    const downstream = reach(failed, (i) => g.children(i));
    downstream.delete(failed);
    expect(new Set(skipped)).toEqual(downstream);
    expect(skipped).toHaveLength(downstream.size);
    expect(ran + skipped.length).toBe(10_000);
    expect(q.finished).toBe(true);
  });
});
