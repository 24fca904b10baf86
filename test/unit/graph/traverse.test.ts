import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/graph/dag.js';
import { ancestors, childrensParents, descendants } from '../../../src/graph/traverse.js';
import { manifest, model } from './fixtures.js';

// a -> b -> c -> d, and a -> x -> d
const g = buildGraph(manifest([
  model('a'), model('b', { deps: ['model.p.a'] }), model('c', { deps: ['model.p.b'] }),
  model('x', { deps: ['model.p.a'] }), model('d', { deps: ['model.p.c', 'model.p.x'] }), model('lone'),
]));
const short = (s: Set<string>): string[] => [...s].map((i) => i.split('.').pop() as string).sort();

describe('graph walks', () => {
  it('counts depth from the nearest start node', () => {
    expect(short(ancestors(g, ['model.p.d'], 1))).toEqual(['c', 'x']);
    expect(short(ancestors(g, ['model.p.d'], 2))).toEqual(['a', 'b', 'c', 'x']);
    expect(short(descendants(g, ['model.p.a', 'model.p.c'], 1))).toEqual(['b', 'd', 'x']);
    expect(short(descendants(g, ['model.p.a'], 0))).toEqual([]);
  });

  it('includes a start node only when it is reached from another start node', () => {
    expect(short(ancestors(g, ['model.p.a', 'model.p.c']))).toEqual(['a', 'b']);
    expect(short(descendants(g, ['model.p.a', 'model.p.c']))).toEqual(['b', 'c', 'd', 'x']);
  });

  it('@ adds the ancestors of every descendant', () => {
    expect(short(childrensParents(g, ['model.p.x']))).toEqual(['a', 'b', 'c', 'd', 'x']);
  });
});
