import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/graph/dag.js';
import { selectNodes } from '../../../src/graph/selector.js';
import { TsdbtError } from '../../../src/errors/tsdbt-error.js';
import { manifest, model } from './fixtures.js';
import { names, sel, shopGraph } from './select-helper.js';
import { SRC_CUSTOMERS, SRC_ORDERS, T_NOT_NULL, T_REL, T_SINGULAR, T_UNIQUE, T_UNIT } from './project.js';

const models = { resourceTypes: ['model'] };

describe('default selection', () => {
  it('selects every enabled node but no sources, in topological order', () => {
    const g = shopGraph();
    expect([...selectNodes(g)]).toEqual(g.topoOrder().filter((id) => !id.startsWith('source.')));
    expect([...selectNodes(g, { select: [] })]).toHaveLength(12);
  });

  it('leaves out disabled nodes', () => {
    const g = buildGraph(manifest([model('a'), model('b', { config: { enabled: false } })]));
    expect([...selectNodes(g)]).toEqual(['model.p.a']);
    const res = selectNodes(g, { select: ['b'] });
    expect([...res]).toEqual([]);
    expect(res.unmatchedSelectors.map((u) => u.selector)).toEqual(['b']);
  });

  it('filters by resource type after selecting', () => {
    expect(names(sel(undefined, { resourceTypes: ['seed'] }))).toEqual(['country_codes']);
    expect(sel(undefined, { resourceTypes: ['test', 'unit_test'] })).toEqual([T_SINGULAR, T_NOT_NULL, T_REL, T_UNIQUE, T_UNIT].sort());
  });
});

describe('graph operators', () => {
  it('+m selects all ancestors, sources included', () => {
    expect(names(sel('+orders', { indirectSelection: 'empty' }))).toEqual([SRC_CUSTOMERS, SRC_ORDERS, 'country_codes', 'orders', 'stg_customers', 'stg_orders'].sort());
  });

  it('m+ selects all descendants', () => {
    expect(names(sel('stg_orders+', models))).toEqual(['customer_summary', 'orders', 'revenue', 'stg_orders']);
  });

  it('n+m and m+n limit the depth', () => {
    expect(names(sel('1+orders', models))).toEqual(['orders', 'stg_customers', 'stg_orders']);
    expect(names(sel('2+revenue', { ...models }))).toEqual(['orders', 'revenue', 'stg_customers', 'stg_orders']);
    expect(names(sel('3+revenue', { resourceTypes: ['model', 'source'] }))).toContain(SRC_ORDERS);
    expect(names(sel('stg_orders+1', models))).toEqual(['orders', 'stg_orders']);
    expect(names(sel('stg_orders+2', models))).toEqual(['customer_summary', 'orders', 'revenue', 'stg_orders']);
    expect(names(sel('1+stg_orders+1', { resourceTypes: ['model', 'source'] }))).toEqual([SRC_ORDERS, 'orders', 'stg_orders'].sort());
  });

  it('+m+ selects both directions', () => {
    expect(names(sel('+orders+', models))).toEqual(['customer_summary', 'orders', 'revenue', 'stg_customers', 'stg_orders']);
  });

  it('@m selects descendants and all of their ancestors', () => {
    // stg_customers feeds orders, whose other parents (stg_orders, the seed, raw.orders) are needed too.
    expect(names(sel('@stg_customers', { indirectSelection: 'empty' }))).toEqual([
      SRC_CUSTOMERS, SRC_ORDERS, 'assert_revenue_positive', 'country_codes', 'customer_summary', 'orders', 'relationships_orders_stg_customers',
      'revenue', 'stg_customers', 'stg_orders', 'test_orders_logic', 'unique_orders',
    ].sort());
  });

  it('rejects @ combined with a + prefix', () => {
    expect(() => sel('@+orders')).toThrow(/'@' prefix and the '\+' prefix/);
  });

  it('returns ids in topological order', () => {
    const g = shopGraph();
    expect([...selectNodes(g, { select: ['orders+', 'stg_orders'], resourceTypes: ['model'] })]).toEqual([
      'model.p.stg_orders', 'model.p.orders', 'model.p.customer_summary', 'model.p.revenue',
    ]);
  });
});

describe('set operators', () => {
  it('spaces and separate arguments are a union', () => {
    expect(names(sel('stg_orders revenue', models))).toEqual(['revenue', 'stg_orders']);
    expect(names(sel(['stg_orders', 'revenue  customer_summary'], models))).toEqual(['customer_summary', 'revenue', 'stg_orders']);
  });

  it('commas are an intersection', () => {
    expect(names(sel('tag:nightly,config.materialized:table', models))).toEqual(['orders']);
    expect(names(sel('+revenue,staging', models))).toEqual(['stg_customers', 'stg_orders']);
    expect(names(sel('tag:nightly,tag:staging,stg_*', models))).toEqual([]);
  });

  it('--exclude subtracts, and drops tests on excluded nodes', () => {
    expect(names(sel('+orders', { exclude: ['stg_customers'] }))).toEqual([
      SRC_CUSTOMERS, SRC_ORDERS, 'country_codes', 'not_null_stg_orders', 'orders', 'stg_orders', 'test_orders_logic', 'unique_orders',
    ].sort());
    expect(names(sel(undefined, { exclude: ['marts'] }))).toEqual(['country_codes', 'not_null_stg_orders', 'stg_customers', 'stg_orders', 'stg_top']);
    expect(names(sel('staging+', { exclude: ['tag:nightly revenue+'], ...models }))).toEqual(['customer_summary', 'stg_customers']);
  });
});

describe('indirect test selection', () => {
  it('eager (default) takes a test when any parent is selected', () => {
    expect(sel('stg_customers', { resourceTypes: ['test'] })).toEqual([T_REL]);
  });

  it('cautious takes a test only when all its parents are selected', () => {
    expect(sel('stg_customers', { indirectSelection: 'cautious', resourceTypes: ['test'] })).toEqual([]);
    expect(sel('orders', { indirectSelection: 'cautious', resourceTypes: ['test', 'unit_test'] })).toEqual([T_UNIQUE, T_UNIT]);
    // The relationships test's parents arrive from two different selectors of the union.
    expect(sel('orders stg_customers', { indirectSelection: 'cautious', resourceTypes: ['test'] })).toEqual([T_REL, T_UNIQUE]);
  });

  it('buildable also takes tests whose other parents are upstream of the selection', () => {
    expect(sel('orders', { indirectSelection: 'buildable', resourceTypes: ['test'] })).toEqual([T_REL, T_UNIQUE]);
    expect(sel('stg_customers', { indirectSelection: 'buildable', resourceTypes: ['test'] })).toEqual([]);
  });

  it('empty takes no tests indirectly', () => {
    expect(sel('orders', { indirectSelection: 'empty' })).toEqual(['model.p.orders']);
  });
});

describe('errors and unmatched selectors', () => {
  it('an unknown method is G002 naming the selector and the valid methods', () => {
    let err: unknown;
    try {
      sel('tga:nightly');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TsdbtError);
    const e = err as TsdbtError;
    expect(e.code).toBe('G002');
    expect(e.message).toBe("Invalid selector 'tga:nightly': 'tga' is not a valid selection method");
    expect(e.hint).toContain('did you mean `tag`?');
    expect(e.hint).toContain('config, test_name, test_type, resource_type, state, result');
  });

  it('a selector matching nothing is reported with dbt\'s warning and a suggestion, not an error', () => {
    const res = selectNodes(shopGraph(), { select: ['ordrs tag:nightly'], resourceTypes: ['model'] });
    expect(names([...res])).toEqual(['orders', 'stg_orders']);
    expect(res.unmatchedSelectors).toEqual([
      { selector: 'ordrs', message: "The selection criterion 'ordrs' does not match any enabled nodes", hint: 'did you mean `orders`?' },
    ]);
  });

  it('suggests per method and explains the fqn wildcard trap', () => {
    const hints = (s: string): (string | undefined)[] => selectNodes(shopGraph(), { select: [s] }).unmatchedSelectors.map((u) => u.hint);
    expect(hints('tag:nigthly')).toEqual(['did you mean `nightly`?']);
    expect(hints('source:rwa')).toEqual(['did you mean `raw`?']);
    expect(hints('stg_ord*')).toEqual(['wildcards match the fully qualified name (folders included); did you mean `*.stg_ord*`?']);
    expect(hints('tag:nightly,resource_type:seed')[0]).toContain('commas intersect');
  });

  it('says when the unmatched name is a disabled model', () => {
    const m = manifest([model('a')]);
    m.disabled['b'] = [model('b', { path: 'old/b.sql', config: { enabled: false } })];
    const res = selectNodes(buildGraph(m), { select: ['b'] });
    expect(res.unmatchedSelectors[0]?.hint).toBe('`b` is disabled (enabled: false) in models/old/b.sql');
  });

  it('checks exclusions too, and before the resource-type filter', () => {
    const res = selectNodes(shopGraph(), { select: ['source:raw'], exclude: ['nope'], resourceTypes: ['model'] });
    expect([...res]).toEqual([]);
    expect(res.unmatchedSelectors.map((u) => u.selector)).toEqual(['nope']);
  });
});
