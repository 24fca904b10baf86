// Column-level lineage over tricky SQL, parsed by real DuckDB (json_serialize_sql): each output column
// must name exactly the upstream columns it derives from, or a reason.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnLineage, type ModelColumnLineage, type UpstreamRelation } from '../../../src/docs/lineage/index.js';

const rel = (name: string, columns: string[] | null, schema = 'main'): UpstreamRelation => ({
  uniqueId: `model.shop.${name}`, database: 'dev', schema, name, columns,
});
const upstream: UpstreamRelation[] = [
  rel('orders', ['order_id', 'customer_id', 'amount', 'status', 'ordered_at']),
  rel('customers', ['customer_id', 'name', 'email', 'address']),
  rel('payments', ['payment_id', 'order_id', 'amount', 'method']),
  rel('unbuilt', null),
  { uniqueId: 'source.shop.raw.events', database: 'dev', schema: 'raw', name: 'events', columns: ['id', 'payload', 'a'] },
];

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => conn.closeSync());

const run = (sql: string, opts = {}) => columnLineage(sql, upstream, conn, opts);
/** `{column: ['relation.column', ...]}` with the model.shop. prefix dropped, for readable expectations. */
function deps(l: ModelColumnLineage): Record<string, string[]> {
  expect(l.error).toBeUndefined();
  return Object.fromEntries(l.columns.map((c) => [c.name, c.upstream.map((u) => `${u.relation.replace('model.shop.', '')}.${u.column}`)]));
}
const col = (l: ModelColumnLineage, name: string) => l.columns.find((c) => c.name === name)!;

describe('columnLineage', () => {
  it('follows quoted relation names and marks pass-through vs derived columns', async () => {
    const l = await run('select order_id, amount * 2 as double_amount, 1 as one from "dev"."main"."orders"');
    expect(deps(l)).toEqual({ order_id: ['orders.order_id'], double_amount: ['orders.amount'], one: [] });
    expect(l.columns.map((c) => c.kind)).toEqual(['direct', 'derived', 'constant']);
  });

  it('expands * with EXCLUDE and REPLACE', async () => {
    const l = await run('select * exclude (status, ordered_at) replace (amount / 100 as amount, o.customer_id::varchar as customer_id) from "dev"."main"."orders" o');
    expect(deps(l)).toEqual({ order_id: ['orders.order_id'], customer_id: ['orders.customer_id'], amount: ['orders.amount'] });
    expect(col(l, 'amount').kind).toBe('derived');
    expect(col(l, 'order_id').kind).toBe('direct');
  });

  it('expands * over a USING join with the key once, reading both sides', async () => {
    const l = await run('select * exclude (email, address) from orders join customers using (customer_id)');
    expect(l.columns.map((c) => c.name)).toEqual(['order_id', 'customer_id', 'amount', 'status', 'ordered_at', 'name']);
    expect(deps(l).customer_id).toEqual(['customers.customer_id', 'orders.customer_id']);
    const q = await run('select customer_id, c.name from orders o join customers c using (customer_id)');
    expect(deps(q)).toEqual({ customer_id: ['customers.customer_id', 'orders.customer_id'], name: ['customers.name'] });
  });

  it('resolves nested CTEs and subqueries through aliases and column renames', async () => {
    const sql = `with base as (select order_id as id, amount from orders),
      enriched as (with inner_cte as (select id, amount + 1 as amt from base) select * from inner_cte),
      renamed(oid, total) as (select id, amt from enriched)
      select s.k, s.total from (select oid as k, total from renamed) s`;
    const l = await run(sql);
    expect(deps(l)).toEqual({ k: ['orders.order_id'], total: ['orders.amount'] });
    expect(col(l, 'k').kind).toBe('direct');
    expect(col(l, 'total').kind).toBe('derived');
  });

  it('counts window arguments, PARTITION BY and ORDER BY as inputs', async () => {
    const l = await run(`select order_id, sum(amount) over (partition by customer_id order by ordered_at) as running,
      row_number() over () as rn from orders`);
    expect(deps(l)).toEqual({
      order_id: ['orders.order_id'],
      running: ['orders.amount', 'orders.customer_id', 'orders.ordered_at'],
      rn: [],
    });
  });

  it('derives count(*) and count(1) from the rows of the relations the FROM reads, through CTEs and joins', async () => {
    const l = await run(`with j as (select o.order_id, c.name from orders o join customers c using (customer_id))
      select name, count(*) as n, count(1) as n1, count(*) over () as total, sum(1) as ones, count(order_id) as c from j group by name`);
    expect(deps(l)).toEqual({
      name: ['customers.name'],
      n: ['customers.*', 'orders.*'],
      n1: ['customers.*', 'orders.*'],
      total: ['customers.*', 'orders.*'],
      ones: [],
      c: ['orders.order_id'],
    });
    expect(col(l, 'n').kind).toBe('derived');
    // a relation with unknown columns still counts as the rows' origin
    expect(deps(await run('select count(*) as n from unbuilt'))).toEqual({ n: ['unbuilt.*'] });
  });

  it('matches UNION BY NAME columns by name, plain UNION by position', async () => {
    const l = await run('select order_id as id, amount from orders union all by name select payment_id as id, method from payments');
    expect(deps(l)).toEqual({ id: ['orders.order_id', 'payments.payment_id'], amount: ['orders.amount'], method: ['payments.method'] });
    const u = await run('select order_id, amount from orders union select order_id, amount from payments');
    expect(deps(u)).toEqual({ order_id: ['orders.order_id', 'payments.order_id'], amount: ['orders.amount', 'payments.amount'] });
  });

  it('traces struct field access to the struct column, telling table qualifiers from struct names', async () => {
    const l = await run(`select events.payload.user.id as user_id, payload['kind'] as kind, raw.events.a as qa, a.b
      from "dev"."raw"."events" join orders o on o.order_id = events.id`);
    expect(deps(l)).toEqual({
      user_id: ['source.shop.raw.events.payload'],
      kind: ['source.shop.raw.events.payload'],
      qa: ['source.shop.raw.events.a'],
      b: ['source.shop.raw.events.a'],
    });
    expect(col(l, 'qa').kind).toBe('direct');
    expect(col(l, 'user_id').kind).toBe('derived');
  });

  it('follows lateral aliases, but a FROM column shadows an alias of the same name', async () => {
    const l = await run('select amount * 2 as doubled, doubled + customer_id as total, 5 as status, status as s from orders');
    expect(deps(l)).toEqual({
      doubled: ['orders.amount'],
      total: ['orders.amount', 'orders.customer_id'],
      status: [],
      s: ['orders.status'],
    });
  });

  it('traces correlated scalar subqueries and lateral joins', async () => {
    const l = await run(`select o.order_id, (select max(p.amount) from payments p where p.order_id = o.order_id) as max_paid, x.z
      from orders o, lateral (select o.amount + 1 as z) x`);
    expect(deps(l)).toEqual({
      order_id: ['orders.order_id'],
      // WHERE / JOIN conditions filter rows; lineage follows values only, as for the outer query.
      max_paid: ['payments.amount'],
      z: ['orders.amount'],
    });
  });

  it('names unaliased expressions as DuckDB does, or takes names from the catalog', async () => {
    const l = await run('select amount + 1, lower(status), count(*) over () from orders');
    expect(l.columns.map((c) => c.name)).toEqual(['(amount + 1)', 'lower(status)', 'count() OVER ()']);
    const named = await run('select amount + 1 from orders', { outputNames: ['amount_plus_one'] });
    expect(deps(named)).toEqual({ amount_plus_one: ['orders.amount'] });
  });

  it('expands COLUMNS with a regex or a list and skips lambda parameters', async () => {
    const l = await run(`select columns('^(order|customer)_id$'), list_transform([1, 2], x -> x + amount) as l from orders`);
    expect(deps(l)).toEqual({ order_id: ['orders.order_id'], customer_id: ['orders.customer_id'], l: ['orders.amount'] });
  });

  it('says why a column cannot be traced instead of guessing', async () => {
    const amb = await run('select customer_id from orders, customers');
    expect(col(amb, 'customer_id')).toMatchObject({ kind: 'unresolved', upstream: [] });
    expect(col(amb, 'customer_id').reason).toMatch(/ambiguous.*orders and customers/);

    const missing = await run('select nope, amount from orders');
    expect(col(missing, 'nope').reason).toMatch(/column "nope" not found in orders/);
    expect(col(missing, 'amount').kind).toBe('direct');

    const fn = await run(`select * from read_csv('x.csv')`);
    expect(fn.error).toMatch(/cannot expand \* over read_csv.*table function read_csv/);

    const unknown = await run('select * from some_other_table');
    expect(unknown.error).toMatch(/some_other_table is not a model, seed, snapshot or source/);

    const unbuilt = await run('select u.k, j from unbuilt u');
    expect(deps(unbuilt)).toEqual({ k: ['unbuilt.k'], j: ['unbuilt.j'] });
    const star = await run('select * from unbuilt');
    expect(star.error).toMatch(/model\.shop\.unbuilt are unknown \(not built yet/);
  });

  it('matches sources read in place from files (external_location) by path, as a quoted path or a reader call', async () => {
    const file = { uniqueId: 'source.shop.shop.orders', database: '', schema: '', name: '/data/raw/orders.csv', columns: ['id', 'price_usd'] };
    const up = [...upstream, file];
    // DuckDB names an unaliased file scan after the file's base name
    const quoted = await columnLineage(`select cast(price_usd as decimal(12, 2)) as revenue, orders.id from '/data/raw/orders.csv'`, up, conn);
    expect(deps(quoted)).toEqual({ revenue: ['source.shop.shop.orders.price_usd'], id: ['source.shop.shop.orders.id'] });
    const reader = await columnLineage(`select r.* from read_csv('/data/raw/orders.csv', header = true) r`, up, conn);
    expect(deps(reader)).toEqual({ id: ['source.shop.shop.orders.id'], price_usd: ['source.shop.shop.orders.price_usd'] });
    const other = await columnLineage(`select * from read_csv('/data/raw/other.csv')`, up, conn);
    expect(other.error).toMatch(/table function read_csv/);
  });

  it('derives the column of range / generate_series / unnest from their arguments, read laterally', async () => {
    const l = await run(`select cast(day as date) as d, year(t.day) as y, n.range as k
      from (select min(ordered_at) as a, max(ordered_at) as b from orders) bounds,
        generate_series(a, b, interval 1 day) as t(day), range(3) n`);
    expect(deps(l)).toEqual({ d: ['orders.ordered_at'], y: ['orders.ordered_at'], k: [] });
    expect(l.columns.map((c) => c.kind)).toEqual(['derived', 'derived', 'constant']);
    const u = await run('select * from orders o, unnest([o.amount, o.customer_id]) x');
    expect(deps(u).unnest).toEqual(['orders.amount', 'orders.customer_id']);
  });

  it('reports DuckDB serializer refusals with its reason', async () => {
    const pivot = await run('pivot orders on status using sum(amount)');
    expect(pivot.error).toMatch(/DuckDB could not serialize the SQL: Only SELECT statements can be serialized/);
    const bad = await run('select from where');
    expect(bad.error).toMatch(/DuckDB could not serialize the SQL: .*syntax error/);
  });
});
