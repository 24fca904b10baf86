// A small real project for the docs tests: a DuckDB file with a source, staging views and a mart table,
// and a hand-built dbt-shaped manifest / run_results describing it (until the engine writes them).
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo, Manifest, ManifestNode, SourceDefinition } from '../../src/parser/types.js';
import type { RunResultsArtifact } from '../../src/docs/index.js';
import { tempDir } from '../helpers/temp-dir.js';

const DB = 'shop';
const rel = (schema: string, name: string) => `"${DB}"."${schema}"."${name}"`;
const cols = (spec: Record<string, string>): Record<string, ColumnInfo> =>
  Object.fromEntries(Object.entries(spec).map(([name, description]) => [name, { name, description, meta: {}, tags: [] }]));

function node(name: string, folder: string, materialized: string, sql: string, parents: string[], extra: Partial<ManifestNode> = {}): ManifestNode {
  return {
    unique_id: `model.shop.${name}`, resource_type: 'model', package_name: 'shop', name, path: `${folder}/${name}.sql`,
    original_file_path: `models/${folder}/${name}.sql`, fqn: ['shop', folder, name], alias: name, schema: 'main', database: DB,
    raw_code: sql.replace(/"shop"\."main"\."(\w+)"/g, "{{ ref('$1') }}").replace(/"shop"\."raw"\."(\w+)"/g, "{{ source('raw', '$1') }}"),
    language: 'sql', checksum: { name: 'sha256', checksum: name }, config: { enabled: true, materialized, tags: [], meta: {}, pre_hook: [], post_hook: [] },
    tags: [], description: '', columns: {}, meta: {}, refs: [], sources: [], depends_on: { nodes: parents, macros: [] },
    relation_name: materialized === 'ephemeral' ? null : rel('main', name), patch_path: null, compiled_code: sql, ...extra,
  };
}

function test(name: string, model: string, column: string, kwargs: Record<string, unknown> = {}): ManifestNode {
  const n = node(`${name}_${model}_${column}`, 'tests', 'test', `select 1 where false`, [`model.shop.${model}`]);
  return { ...n, unique_id: `test.shop.${name}_${model}_${column}`, resource_type: 'test', relation_name: null, attached_node: `model.shop.${model}`, column_name: column,
    test_metadata: { name, kwargs: { column_name: column, ...kwargs }, namespace: null } };
}

const source: SourceDefinition = {
  unique_id: 'source.shop.raw.orders', resource_type: 'source', package_name: 'shop', source_name: 'raw', name: 'orders', identifier: 'orders',
  schema: 'raw', database: DB, path: 'models/sources.yml', original_file_path: 'models/sources.yml', fqn: ['shop', 'raw', 'orders'],
  description: 'Orders as the shop app writes them.', source_description: '', loader: '', columns: cols({ id: 'Order id', amount_cents: 'Amount in cents' }),
  meta: {}, source_meta: {}, tags: [], config: { enabled: true }, loaded_at_field: null, freshness: null, relation_name: rel('raw', 'orders'),
};

export async function buildFixture(): Promise<{ dir: string; conn: DuckDBConnection; manifest: Manifest; runResults: RunResultsArtifact; close(): void }> {
  const dir = tempDir('tsdbt-docs-');
  const instance = await DuckDBInstance.create(join(dir, `${DB}.duckdb`));
  const conn = await instance.connect();
  await conn.run(`create schema raw;
    create table raw.orders as select range as id, range % 3 as customer_id, (range * 250)::integer as amount_cents,
      case when range % 2 = 0 then 'shipped' else 'placed' end as status from range(1, 21);
    create table raw.customers as select range as id, 'Ann' || range as first_name, 'Lee' as last_name from range(0, 3);`);
  const stgOrders = node('stg_orders', 'staging', 'view', `select id as order_id, customer_id, amount_cents, status from ${rel('raw', 'orders')}`, [source.unique_id]);
  const stgCustomers = node('stg_customers', 'staging', 'view', `select id as customer_id, first_name || ' ' || last_name as full_name from ${rel('raw', 'customers')}`, ['source.shop.raw.customers']);
  const fct = node('fct_orders', 'marts', 'table',
    `with o as (select * from ${rel('main', 'stg_orders')})\nselect o.order_id, c.full_name, o.amount_cents / 100.0 as amount_usd, o.status\nfrom o join ${rel('main', 'stg_customers')} c using (customer_id)`,
    [stgOrders.unique_id, stgCustomers.unique_id],
    { description: "{{ doc('fct_orders') }}", columns: cols({ order_id: 'One row per **order**.', amount_usd: 'Order total in US dollars.', status: 'Fulfilment status' }) });
  const unbuilt = node('dim_planned', 'marts', 'table', `select order_id from ${rel('main', 'fct_orders')}`, [fct.unique_id], { columns: cols({ order_id: 'Planned key' }) });
  for (const n of [stgOrders, stgCustomers, fct]) await conn.run(`create ${n.config.materialized} ${n.relation_name} as ${n.compiled_code}`);
  const customers: SourceDefinition = { ...source, unique_id: 'source.shop.raw.customers', name: 'customers', identifier: 'customers', fqn: ['shop', 'raw', 'customers'], columns: {}, description: '', relation_name: rel('raw', 'customers') };
  const tests = [test('unique', 'fct_orders', 'order_id'), test('not_null', 'fct_orders', 'order_id'), test('accepted_values', 'fct_orders', 'status', { values: ['shipped'] })];
  const nodes = Object.fromEntries([stgOrders, stgCustomers, fct, unbuilt, ...tests].map((n) => [n.unique_id, n]));
  const parent_map: Record<string, string[]> = {};
  const child_map: Record<string, string[]> = {};
  for (const id of [...Object.keys(nodes), source.unique_id, customers.unique_id]) child_map[id] = [];
  for (const n of Object.values(nodes)) {
    parent_map[n.unique_id] = n.depends_on.nodes;
    for (const p of n.depends_on.nodes) child_map[p].push(n.unique_id);
  }
  parent_map[source.unique_id] = [];
  parent_map[customers.unique_id] = [];
  const manifest: Manifest = {
    project_name: 'shop', nodes, sources: { [source.unique_id]: source, [customers.unique_id]: customers },
    macros: { 'macro.shop.cents_to_dollars': { unique_id: 'macro.shop.cents_to_dollars', resource_type: 'macro', package_name: 'shop', name: 'cents_to_dollars', path: 'macros/cents.sql', original_file_path: 'macros/cents.sql', macro_sql: '{% macro cents_to_dollars(col) %}({{ col }} / 100.0){% endmacro %}', description: 'Converts cents to dollars.', arguments: [], depends_on: { macros: [] }, meta: {} } },
    docs: { 'doc.shop.fct_orders': { name: 'fct_orders', block_contents: 'Orders with the **customer name** and amounts in dollars.', original_file_path: 'models/docs.md' } },
    parent_map, child_map, disabled: {},
  };
  const at = '2024-05-01T10:00:00.000Z';
  const result = (unique_id: string, status: string, failures: number | null = null) => ({ unique_id, status, execution_time: 0.12, message: null, failures, timing: [{ name: 'execute', started_at: at, completed_at: at }] });
  const runResults: RunResultsArtifact = {
    metadata: { generated_at: at },
    results: [result(stgOrders.unique_id, 'success'), result(stgCustomers.unique_id, 'success'), result(fct.unique_id, 'success'),
      result(tests[0].unique_id, 'pass', 0), result(tests[1].unique_id, 'pass', 0), result(tests[2].unique_id, 'fail', 10)],
  };
  return { dir, conn, manifest, runResults, close: () => { conn.closeSync(); instance.closeSync(); } };
}
