import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/graph/dag.js';
import { selectNodes, type SelectOptions } from '../../../src/graph/selector.js';
import type { MacroDefinition, Manifest } from '../../../src/parser/types.js';
import { model } from './fixtures.js';
import { SRC_ORDERS, T_UNIQUE, shop } from './project.js';
import { names } from './select-helper.js';

function macro(name: string, sql: string, deps: string[] = []): MacroDefinition {
  return {
    unique_id: `macro.p.${name}`, resource_type: 'macro', package_name: 'p', name, path: `macros/${name}.sql`,
    original_file_path: `macros/${name}.sql`, macro_sql: sql, description: '', arguments: [], depends_on: { macros: deps }, meta: {},
  };
}

/** The previous run's manifest and today's, with one change of each kind. */
function states(): { prev: Manifest; cur: Manifest } {
  const prev = shop();
  prev.macros['macro.p.cents'] = macro('cents', '{{ x }} / 100');
  prev.macros['macro.p.money'] = macro('money', '{{ cents(x) }}', ['macro.p.cents']);
  const cur = shop();
  cur.macros['macro.p.cents'] = macro('cents', '{{ x }} / 100.0');
  cur.macros['macro.p.money'] = macro('money', '{{ cents(x) }}', ['macro.p.cents']);
  const n = cur.nodes;
  (n['model.p.orders'] as { checksum: { checksum: string } }).checksum = { ...n['model.p.orders']!.checksum, checksum: 'changed' };
  n['model.p.customer_summary']!.config = { ...n['model.p.customer_summary']!.config, materialized: 'view' };
  n['model.p.stg_customers']!.depends_on = { ...n['model.p.stg_customers']!.depends_on, macros: ['macro.p.money'] };
  prev.nodes['model.p.stg_customers']!.depends_on = { ...prev.nodes['model.p.stg_customers']!.depends_on, macros: ['macro.p.money'] };
  n['model.p.brand_new'] = model('brand_new', { deps: ['model.p.revenue'] });
  cur.sources[SRC_ORDERS] = { ...cur.sources[SRC_ORDERS]!, identifier: 'orders_v2' };
  return { prev, cur };
}

function pick(select: string, extra: Omit<SelectOptions, 'select'> = {}): string[] {
  const { prev, cur } = states();
  return names([...selectNodes(buildGraph(cur), { select: [select], state: { manifest: prev }, indirectSelection: 'empty', ...extra })]);
}

describe('state:', () => {
  it('state:modified finds new nodes and changed bodies, configs, relations and upstream macros', () => {
    expect(pick('state:modified')).toEqual([SRC_ORDERS, 'brand_new', 'customer_summary', 'orders', 'stg_customers'].sort());
  });

  it('has finer-grained variants', () => {
    expect(pick('state:new')).toEqual(['brand_new']);
    expect(pick('state:modified.body')).toEqual(['brand_new', 'orders']);
    expect(pick('state:modified.configs')).toEqual(['brand_new', 'customer_summary']);
    expect(pick('state:modified.relation')).toEqual([SRC_ORDERS, 'brand_new'].sort());
    expect(pick('state:modified.macros')).toEqual(['stg_customers']);
    expect(pick('state:old', { resourceTypes: ['model'] })).not.toContain('brand_new');
    expect(pick('state:unmodified', { resourceTypes: ['model'] })).toEqual(['revenue', 'stg_orders', 'stg_top']);
  });

  it('combines with graph operators (slim CI: state:modified+)', () => {
    expect(pick('state:modified+', { resourceTypes: ['model'] })).toEqual(['brand_new', 'customer_summary', 'orders', 'revenue', 'stg_customers', 'stg_orders']);
  });

  it('sees nothing modified when the manifests are the same', () => {
    const g = buildGraph(shop());
    expect([...selectNodes(g, { select: ['state:modified'], state: { manifest: shop() } })]).toEqual([]);
  });

  it('needs a state manifest and a known state', () => {
    const g = buildGraph(shop());
    expect(() => selectNodes(g, { select: ['state:modified'] })).toThrow(/needs a manifest to compare with/);
    expect(() => pick('state:changed')).toThrow(/'changed' is not a state/);
  });
});

describe('result:', () => {
  const previousResults = { 'model.p.orders': 'error', 'model.p.revenue': 'success', [T_UNIQUE]: 'fail', 'model.p.stg_top': 'skipped' };
  const run = (s: string, extra: Omit<SelectOptions, 'select'> = {}): string[] =>
    names([...selectNodes(buildGraph(shop()), { select: [s], previousResults, ...extra })]);

  it('selects by the status of the previous run', () => {
    expect(run('result:fail')).toEqual(['unique_orders']);
    expect(run('result:skipped')).toEqual(['stg_top']);
    expect(run('result:error+', { resourceTypes: ['model'] })).toEqual(['customer_summary', 'orders', 'revenue']);
    expect(run('result:pass')).toEqual([]);
  });

  it('needs previous results', () => {
    expect(() => selectNodes(buildGraph(shop()), { select: ['result:error'] })).toThrow(/run_results\.json/);
  });
});
