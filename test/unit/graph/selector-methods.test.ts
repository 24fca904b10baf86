import { describe, expect, it } from 'vitest';
import { TsdbtError } from '../../../src/errors/tsdbt-error.js';
import { names, sel } from './select-helper.js';
import { SRC_CUSTOMERS, SRC_ORDERS } from './project.js';

const models = { resourceTypes: ['model'] };

describe('bare names and fqn:', () => {
  it('matches a model by name and pulls in its tests (eager)', () => {
    expect(names(sel('orders'))).toEqual(['orders', 'relationships_orders_stg_customers', 'test_orders_logic', 'unique_orders']);
    expect(names(sel('orders', models))).toEqual(['orders']);
  });

  it('matches folders and packages as fqn prefixes, with or without the project name', () => {
    expect(names(sel('staging', models))).toEqual(['stg_customers', 'stg_orders']);
    expect(names(sel('p.marts', models))).toEqual(['customer_summary', 'orders', 'revenue']);
    expect(names(sel('marts.finance', models))).toEqual(['revenue']);
    expect(names(sel('fqn:p.marts.orders', models))).toEqual(['orders']);
    expect(sel('p', models)).toHaveLength(6);
  });

  it('matches wildcards against the fqn as dbt does (so `stg_*` only reaches top-level models)', () => {
    expect(names(sel('stg_*', models))).toEqual(['stg_top']);
    expect(names(sel('staging.stg_*', models))).toEqual(['stg_customers', 'stg_orders']);
    expect(names(sel('*stg_*', models))).toEqual(['stg_customers', 'stg_orders', 'stg_top']);
    expect(names(sel('stg_[co]*', models))).toEqual([]);
    expect(names(sel('staging.stg_[!c]*', models))).toEqual(['stg_orders']);
    expect(names(sel('fqn:*', models))).toHaveLength(6);
  });

  it('treats a value with a slash as a path and one ending in .sql/.csv as a file', () => {
    expect(sel('models/staging', models)).toEqual(sel('path:models/staging', models));
    expect(names(sel('revenue.sql'))).toEqual(['assert_revenue_positive', 'revenue']);
    expect(names(sel('country_codes.csv'))).toEqual(['country_codes']);
  });
});

describe('path: and file:', () => {
  it('selects everything under a folder, including sources defined there', () => {
    expect(names(sel('path:models/staging', { indirectSelection: 'empty' }))).toEqual([SRC_CUSTOMERS, SRC_ORDERS, 'stg_customers', 'stg_orders']);
    expect(sel('models/staging/')).toEqual(sel('./models/staging'));
    expect(names(sel('path:models/marts/orders.sql', models))).toEqual(['orders']);
    expect(names(sel('path:models/marts', models))).toEqual(['customer_summary', 'orders', 'revenue']);
  });

  it('supports globs and the property file a node is patched from', () => {
    expect(sel('path:models/**/*.sql', models)).toHaveLength(6);
    expect(names(sel('path:models/*/*.sql', models))).toEqual(['customer_summary', 'orders', 'stg_customers', 'stg_orders']);
    expect(names(sel('path:models/staging/schema.yml', models))).toEqual(['stg_customers']);
    expect(sel('path:models/stag')).toEqual([]);
  });

  it('matches file names with or without extension', () => {
    expect(names(sel('file:orders.sql', models))).toEqual(['orders']);
    expect(names(sel('file:orders', models))).toEqual(['orders']);
    expect(names(sel('file:stg_*.sql', models))).toEqual(['stg_customers', 'stg_orders', 'stg_top']);
    expect(names(sel('file:sources.yml'))).toEqual([SRC_CUSTOMERS, SRC_ORDERS]);
  });
});

describe('tag:, package:, config.<key>:, group:, resource_type:', () => {
  it('tag: matches nodes and sources, with wildcards', () => {
    expect(names(sel('tag:nightly', models))).toEqual(['orders', 'stg_orders']);
    expect(names(sel('tag:night*', models))).toEqual(['orders', 'stg_orders']);
    expect(sel('tag:pii')).toEqual([SRC_CUSTOMERS]);
  });

  it('package: matches every member of the package; `this` is the current project', () => {
    expect(sel('package:p')).toHaveLength(14);
    expect(sel('package:this')).toHaveLength(14);
    expect(sel('package:other')).toEqual([]);
  });

  it('config.<key>: compares scalars, lists, nested keys and booleans', () => {
    expect(names(sel('config.materialized:table', models))).toEqual(['customer_summary', 'orders']);
    expect(names(sel('config.materialized:incremental', models))).toEqual(['revenue']);
    expect(names(sel('config.unique_key:day', models))).toEqual(['revenue']);
    expect(names(sel('config.meta.owner:ana', models))).toEqual(['orders']);
    expect(sel('config.enabled:true', models)).toHaveLength(6);
    expect(sel('config.enabled:false', models)).toEqual([]);
    expect(names(sel('group:finance', models))).toEqual(['customer_summary']);
  });

  it('resource_type: selects one kind and rejects unknown kinds', () => {
    expect(names(sel('resource_type:seed'))).toEqual(['country_codes']);
    expect(sel('resource_type:source')).toEqual([SRC_CUSTOMERS, SRC_ORDERS]);
    expect(() => sel('resource_type:modle')).toThrow(/'modle' is not a resource type/);
  });
});

describe('source:', () => {
  it('selects a whole source or one table, with wildcards', () => {
    expect(sel('source:raw')).toEqual([SRC_CUSTOMERS, SRC_ORDERS]);
    expect(sel('source:raw.orders')).toEqual([SRC_ORDERS]);
    expect(sel('source:raw.cust*')).toEqual([SRC_CUSTOMERS]);
    expect(sel('source:p.raw.orders')).toEqual([SRC_ORDERS]);
    expect(sel('source:other')).toEqual([]);
  });

  it('works with graph operators', () => {
    expect(names(sel('source:raw.orders+', models))).toEqual(['customer_summary', 'orders', 'revenue', 'stg_orders']);
  });

  it('rejects more than three parts', () => {
    expect(() => sel('source:a.b.c.d')).toThrow(TsdbtError);
  });
});

describe('test_type: and test_name:', () => {
  it('tells generic, singular and unit tests apart', () => {
    expect(names(sel('test_type:generic'))).toEqual(['not_null_stg_orders', 'relationships_orders_stg_customers', 'unique_orders']);
    expect(names(sel('test_type:singular'))).toEqual(['assert_revenue_positive']);
    expect(names(sel('test_type:unit'))).toEqual(['test_orders_logic']);
    expect(() => sel('test_type:integration')).toThrow(/not a test type/);
  });

  it('selects tests by the generic test name or the unit test name', () => {
    expect(names(sel('test_name:unique'))).toEqual(['unique_orders']);
    expect(names(sel('test_name:not_*'))).toEqual(['not_null_stg_orders']);
    expect(names(sel('test_name:test_orders_logic'))).toEqual(['test_orders_logic']);
    expect(names(sel('unit_test:test_orders_*'))).toEqual(['test_orders_logic']);
  });
});
