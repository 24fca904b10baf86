import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/graph/dag.js';
import { TsdbtError, formatError } from '../../../src/errors/tsdbt-error.js';
import { manifest, model } from './fixtures.js';
import { SRC_CUSTOMERS, SRC_ORDERS, shop } from './project.js';

function catchError(fn: () => unknown): TsdbtError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TsdbtError) return e;
    throw e;
  }
  throw new Error('expected a TsdbtError');
}

describe('buildGraph', () => {
  it('fills parent_map and child_map for every node and source, sorted', () => {
    const m = shop();
    const g = buildGraph(m);
    expect(Object.keys(m.parent_map).sort()).toEqual([...Object.keys(m.nodes), ...Object.keys(m.sources)].sort());
    expect(m.parent_map['model.p.orders']).toEqual(['model.p.stg_customers', 'model.p.stg_orders', 'seed.p.country_codes']);
    expect(m.parent_map[SRC_ORDERS]).toEqual([]);
    expect(m.child_map[SRC_CUSTOMERS]).toEqual(['model.p.stg_customers']);
    expect(m.child_map['model.p.orders']).toEqual([
      'model.p.customer_summary', 'model.p.revenue', 'test.p.relationships_orders_stg_customers', 'test.p.unique_orders', 'unit_test.p.orders.test_orders_logic',
    ]);
    expect(g.parents('model.p.stg_orders')).toEqual([SRC_ORDERS]);
    expect(g.children('model.p.stg_top')).toEqual([]);
    expect(g.members.size).toBe(14);
    expect(g.members.get(SRC_ORDERS)?.resource_type).toBe('source');
  });

  it('ignores duplicate dependencies', () => {
    const m = manifest([model('a'), model('b', { deps: ['model.p.a', 'model.p.a'] })]);
    buildGraph(m);
    expect(m.parent_map['model.p.b']).toEqual(['model.p.a']);
    expect(m.child_map['model.p.a']).toEqual(['model.p.b']);
  });

  it('gives a deterministic topological order with ties broken by unique_id', () => {
    const g = buildGraph(shop());
    expect(g.topoOrder()).toEqual([
      'model.p.stg_top', 'seed.p.country_codes', 'source.p.raw.customers', 'model.p.stg_customers', 'source.p.raw.orders',
      'model.p.stg_orders', 'model.p.orders', 'model.p.customer_summary', 'model.p.revenue', 'test.p.assert_revenue_positive',
      'test.p.not_null_stg_orders', 'test.p.relationships_orders_stg_customers', 'test.p.unique_orders', 'unit_test.p.orders.test_orders_logic',
    ]);
    expect(g.topoIndex('model.p.orders')).toBe(6);
    expect(g.topoIndex('model.p.nope')).toBe(-1);
  });

  it('exposes the same graph through graphlib', () => {
    const g = buildGraph(shop()).toGraphlib();
    expect(g.nodeCount()).toBe(14);
    expect(g.predecessors('model.p.orders')?.sort()).toEqual(['model.p.stg_customers', 'model.p.stg_orders', 'seed.p.country_codes']);
  });
});

describe('cycles', () => {
  it('reports a two-node cycle as a path with file names, located at the first node', () => {
    const err = catchError(() => buildGraph(manifest([model('a', { deps: ['model.p.b'] }), model('b', { deps: ['model.p.a'] })])));
    expect(err.code).toBe('G001');
    expect(err.message).toBe('Found a cycle: model.p.a (models/a.sql) -> model.p.b (models/b.sql) -> model.p.a (models/a.sql)');
    expect(err.location).toEqual({ file: 'models/a.sql' });
    expect(err.hint).toContain('models/b.sql depends on `a`');
    expect(err.hint).toContain('remove one of these ref()');
    expect(formatError(err)).toMatch(/^models\/a\.sql: error\[G001\]: Found a cycle/);
  });

  it('finds the cycle behind a long upstream chain and ignores nodes merely downstream of it', () => {
    const m = manifest([
      model('x'),
      model('c', { deps: ['model.p.x', 'model.p.e'], path: 'mid/c.sql' }),
      model('d', { deps: ['model.p.c'] }),
      model('e', { deps: ['model.p.d'] }),
      model('f', { deps: ['model.p.e'] }),
      model('zz', { deps: ['model.p.f'] }),
    ]);
    const err = catchError(() => buildGraph(m));
    expect(err.message).toBe('Found a cycle: model.p.c (models/mid/c.sql) -> model.p.d (models/d.sql) -> model.p.e (models/e.sql) -> model.p.c (models/mid/c.sql)');
    expect(err.location?.file).toBe('models/mid/c.sql');
  });

  it('picks the shortest cycle through the smallest id when cycles overlap', () => {
    const m = manifest([
      model('a', { deps: ['model.p.c', 'model.p.b'] }),
      model('b', { deps: ['model.p.a'] }),
      model('c', { deps: ['model.p.b'] }),
    ]);
    expect(catchError(() => buildGraph(m)).message).toBe('Found a cycle: model.p.a (models/a.sql) -> model.p.b (models/b.sql) -> model.p.a (models/a.sql)');
  });

  it('reports a node that depends on itself', () => {
    const err = catchError(() => buildGraph(manifest([model('a', { deps: ['model.p.a'] })])));
    expect(err.message).toBe('Found a cycle: model.p.a (models/a.sql) -> model.p.a (models/a.sql)');
    expect(err.hint).toContain("remove the ref('a') from models/a.sql");
  });
});
