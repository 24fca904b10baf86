// A small jaffle-shop-like project shared by the selector tests.
import { genericTest, manifest, model, node, seed, source } from './fixtures.js';
import type { Manifest } from '../../../src/parser/types.js';

export const SRC_ORDERS = 'source.p.raw.orders';
export const SRC_CUSTOMERS = 'source.p.raw.customers';

export function shop(): Manifest {
  return manifest([
    source('raw', 'orders', { path: 'models/staging/sources.yml' }),
    source('raw', 'customers', { path: 'models/staging/sources.yml', tags: ['pii'] }),
    seed('country_codes'),
    model('stg_orders', { path: 'staging/stg_orders.sql', deps: [SRC_ORDERS], tags: ['staging', 'nightly'] }),
    model('stg_customers', { path: 'staging/stg_customers.sql', deps: [SRC_CUSTOMERS], tags: ['staging'], patchPath: 'p://models/staging/schema.yml' }),
    model('orders', { path: 'marts/orders.sql', deps: ['model.p.stg_orders', 'model.p.stg_customers', 'seed.p.country_codes'], tags: ['nightly'], config: { materialized: 'table', meta: { owner: 'ana' } } }),
    model('customer_summary', { path: 'marts/customer_summary.sql', deps: ['model.p.orders'], config: { materialized: 'table', group: 'finance' } }),
    model('revenue', { path: 'marts/finance/revenue.sql', deps: ['model.p.orders'], config: { materialized: 'incremental', unique_key: ['id', 'day'] } }),
    model('stg_top', { deps: [] }),
    genericTest('unique', ['model.p.orders']),
    genericTest('not_null', ['model.p.stg_orders']),
    genericTest('relationships', ['model.p.orders', 'model.p.stg_customers']),
    node('test', 'assert_revenue_positive', { deps: ['model.p.revenue'] }),
    { ...node('unit_test', 'test_orders_logic', { deps: ['model.p.orders'], path: 'marts/orders.yml' }), unique_id: 'unit_test.p.orders.test_orders_logic' },
  ]);
}

export const T_UNIQUE = 'test.p.unique_orders';
export const T_NOT_NULL = 'test.p.not_null_stg_orders';
export const T_REL = 'test.p.relationships_orders_stg_customers';
export const T_SINGULAR = 'test.p.assert_revenue_positive';
export const T_UNIT = 'unit_test.p.orders.test_orders_logic';
