import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/graph/dag.js';
import { ReadyQueue } from '../../../src/graph/ready-queue.js';
import { manifest, model } from './fixtures.js';
import { shopGraph } from './select-helper.js';

/** Models from `name: parents` pairs, e.g. graph({ a: [], b: ['a'] }). */
function graph(spec: Record<string, string[]>) {
  return buildGraph(manifest(Object.entries(spec).map(([n, ps]) => model(n, { deps: ps.map((p) => `model.p.${p}`) }))));
}
const ids = (...names: string[]): string[] => names.map((n) => `model.p.${n}`);
const short = (xs: (string | undefined)[]): (string | undefined)[] => xs.map((x) => x?.split('.').pop());

/** Runs the queue one node at a time; `fails` lists the nodes that fail. */
function drain(q: ReadyQueue, fails: string[] = []): { order: string[]; skipped: string[] } {
  const order: string[] = [];
  const skipped: string[] = [];
  for (let id = q.next(); id !== undefined; id = q.next()) {
    order.push(id.split('.').pop() as string);
    skipped.push(...short(q.done(id, !fails.includes(id.split('.').pop() as string))) as string[]);
  }
  return { order, skipped };
}

describe('ReadyQueue', () => {
  const g = graph({ a: [], b: ['a'], c: ['b'], d: ['a'], e: [] });

  it('hands out nodes once their parents are done, earliest in `selected` first', () => {
    const q = new ReadyQueue(g, ids('a', 'e', 'b', 'd', 'c'));
    expect(drain(q)).toEqual({ order: ['a', 'e', 'b', 'd', 'c'], skipped: [] });
    expect(q.finished).toBe(true);
  });

  it('never hands out a node before a running parent is done', () => {
    const q = new ReadyQueue(g, ids('a', 'b', 'c', 'd', 'e'));
    expect(short([q.next(), q.next(), q.next()])).toEqual(['a', 'e', undefined]);
    expect(q.inFlight).toBe(2);
    expect(q.done('model.p.a', true)).toEqual([]);
    expect(short([q.next(), q.next(), q.next()])).toEqual(['b', 'd', undefined]);
    expect(q.finished).toBe(false);
  });

  it('skips every selected descendant of a failed node', () => {
    const q = new ReadyQueue(g, ids('a', 'b', 'c', 'd', 'e'));
    expect(drain(q, ['a'])).toEqual({ order: ['a', 'e'], skipped: ['b', 'c', 'd'] });
    expect(q.finished).toBe(true);
  });

  it('reports a node skipped only once when two of its parents fail', () => {
    const q = new ReadyQueue(graph({ a: [], b: ['a'], c: ['a'], d: ['b', 'c'] }), ids('a', 'b', 'c', 'd'));
    expect(q.done(q.next() as string, true)).toEqual([]);
    const [b, c] = [q.next() as string, q.next() as string];
    expect(short(q.done(b, false))).toEqual(['d']);
    expect(q.done(c, false)).toEqual([]);
    expect(q.next()).toBeUndefined();
    expect(q.finished).toBe(true);
  });

  it('keeps the order across unselected nodes in between, and skips across them', () => {
    const chain = graph({ a: [], x: ['a'], c: ['x'] });
    const q = new ReadyQueue(chain, ids('a', 'c'));
    expect(short([q.next(), q.next()])).toEqual(['a', undefined]);
    expect(short(q.done('model.p.a', false))).toEqual(['c']);
    expect(q.finished).toBe(true);
    expect(drain(new ReadyQueue(chain, ids('a', 'c')))).toEqual({ order: ['a', 'c'], skipped: [] });
  });

  it('ignores unselected parents that are not between selected nodes', () => {
    const q = new ReadyQueue(g, ids('c', 'd'));
    expect(drain(q)).toEqual({ order: ['c', 'd'], skipped: [] });
  });

  it('is finished at once for an empty selection, and rejects misuse', () => {
    expect(new ReadyQueue(g, []).finished).toBe(true);
    const q = new ReadyQueue(g, ids('a'));
    expect(() => q.done('model.p.a', true)).toThrow(/not handed out/);
    expect(() => new ReadyQueue(g, ['model.p.nope'])).toThrow(/not in the graph/);
  });
});

describe('ReadyQueue for build (tests gate downstream nodes)', () => {
  const all = (): string[] => shopGraph().topoOrder().filter((i) => !i.startsWith('source.'));

  it('makes a model wait for the tests on its parents, but not for a test that needs the model itself', () => {
    const g = shopGraph();
    const q = new ReadyQueue(g, all(), { testsGateDownstream: true });
    const order = drain(q).order;
    const at = (n: string): number => order.indexOf(n);
    expect(at('orders')).toBeGreaterThan(at('not_null_stg_orders'));
    expect(at('customer_summary')).toBeGreaterThan(at('unique_orders'));
    expect(at('customer_summary')).toBeGreaterThan(at('relationships_orders_stg_customers'));
    expect(at('relationships_orders_stg_customers')).toBeGreaterThan(at('orders'));
    expect(order).toHaveLength(12);
  });

  it('skips what is built from data whose test failed', () => {
    const q = new ReadyQueue(shopGraph(), all(), { testsGateDownstream: true });
    const { order, skipped } = drain(q, ['not_null_stg_orders']);
    expect(skipped.sort()).toEqual(['assert_revenue_positive', 'customer_summary', 'orders', 'relationships_orders_stg_customers', 'revenue', 'test_orders_logic', 'unique_orders']);
    expect(order.sort()).toEqual(['country_codes', 'not_null_stg_orders', 'stg_customers', 'stg_orders', 'stg_top']);
    expect(q.finished).toBe(true);
  });

  it('without the option a failing test skips nothing', () => {
    const q = new ReadyQueue(shopGraph(), all());
    expect(drain(q, ['not_null_stg_orders']).skipped).toEqual([]);
  });
});
