// The whole-project overview layout (ELK layered): every node placed once, parents left of children,
// no two nodes overlapping, cycles and dangling edges tolerated, fast settings above THOROUGH_LIMIT.
import { describe, expect, it } from 'vitest';
import { layoutOverview, NODE_H, NODE_W, THOROUGH_LIMIT } from '../../../src/docs/overview-layout.js';

function overlaps(p: Record<string, [number, number]>): string[] {
  const ids = Object.keys(p).sort((a, b) => p[a][0] - p[b][0]);
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length && p[ids[j]][0] - p[ids[i]][0] < NODE_W; j++) {
      if (Math.abs(p[ids[j]][1] - p[ids[i]][1]) < NODE_H) out.push(`${ids[i]}~${ids[j]}`);
    }
  }
  return out;
}

describe('layoutOverview', () => {
  it('lays a small project out left to right without overlaps', async () => {
    const ids = ['src.a', 'src.b', 'stg_a', 'stg_b', 'fct', 'mart', 'lonely_seed'];
    const edges: [string, string][] = [['src.a', 'stg_a'], ['src.b', 'stg_b'], ['stg_a', 'fct'], ['stg_b', 'fct'], ['fct', 'mart'], ['stg_a', 'mart']];
    const l = await layoutOverview(ids, edges);
    expect(l).toMatchObject({ engine: 'elk', mode: 'thorough' });
    expect(Object.keys(l.positions).sort()).toEqual([...ids].sort());
    for (const [a, b] of edges) expect(l.positions[a][0], `${a} -> ${b}`).toBeLessThan(l.positions[b][0]);
    expect(overlaps(l.positions)).toEqual([]);
    for (const [x, y] of Object.values(l.positions)) {
      expect(x + NODE_W / 2).toBeLessThanOrEqual(l.width);
      expect(y + NODE_H / 2).toBeLessThanOrEqual(l.height);
    }
  });

  it('places every node of a cycle and ignores edges to unknown nodes, self loops and duplicates', async () => {
    const l = await layoutOverview(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a'], ['a', 'a'], ['a', 'b'], ['a', 'ghost']]);
    expect(Object.keys(l.positions).sort()).toEqual(['a', 'b', 'c']);
    expect(overlaps(l.positions)).toEqual([]);
    expect(await layoutOverview([], [])).toMatchObject({ positions: {}, width: 0 });
  });

  it('switches to the fast settings above the limit and still layers parents before children', async () => {
    const n = THOROUGH_LIMIT + 100;
    const ids = Array.from({ length: n }, (_, i) => `m${i}`);
    // a forest of chains of 5 with a few cross links
    const edges: [string, string][] = ids.flatMap((id, i) => (i % 5 === 0 ? [] : [[ids[i - 1], id] as [string, string]]));
    for (let i = 7; i < n; i += 50) edges.push([ids[i - 6], ids[i]]);
    const l = await layoutOverview(ids, edges);
    expect(l.mode).toBe('fast');
    expect(Object.keys(l.positions)).toHaveLength(n);
    for (const [a, b] of edges) expect(l.positions[a][0]).toBeLessThan(l.positions[b][0]);
    expect(overlaps(l.positions)).toEqual([]);
  });
});
