// Golden tests of the snapshot SQL writers: the text is compared exactly with checked-in files
// (UPDATE_GOLDENS=1 rewrites them), then the same statements run on DuckDB and give dbt's history.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { snapshotCreateSql, snapshotMergeSql, snapshotStagingSql, type SnapshotPlan } from '../../../src/snapshots/snapshot-sql.js';
import { DEFAULT_COLUMNS } from '../../../src/snapshots/snapshot-config.js';

const GOLDENS = join(import.meta.dirname, 'goldens');
const target = { database: 'memory', schema: 'snaps', name: 'orders_snapshot' };
const source = 'select * from raw.orders';

function golden(name: string, sql: string): void {
  const file = join(GOLDENS, name);
  if (process.env.UPDATE_GOLDENS || !existsSync(file)) writeFileSync(file, sql + '\n');
  expect(sql + '\n').toBe(readFileSync(file, 'utf8'));
}

const timestampPlan: SnapshotPlan = {
  strategy: 'timestamp', uniqueKey: ['id'], updatedAt: 'updated_at', checkCols: [], columnAdded: false,
  hardDeletes: 'invalidate', columns: DEFAULT_COLUMNS, validToCurrent: null, now: "timestamp '2024-02-01 00:00:00'",
};
const checkPlan: SnapshotPlan = {
  strategy: 'check', uniqueKey: ['id'], updatedAt: "timestamp '2024-02-01 00:00:00'", checkCols: ['status'], columnAdded: false,
  hardDeletes: 'new_record', columns: DEFAULT_COLUMNS, validToCurrent: null, now: "timestamp '2024-02-01 00:00:00'",
};

async function run(statements: string[], query: string): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(':memory:');
  try {
    const c = await inst.connect();
    for (const s of statements) await c.run(s);
    return (await c.runAndReadAll(query)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    inst.closeSync();
  }
}

const SETUP = [
  'create schema raw', 'create schema snaps',
  "create table raw.orders as select * from (values (1, 'new', timestamp '2024-01-01'), (2, 'new', timestamp '2024-01-01'), (3, 'new', timestamp '2024-01-01')) t(id, status, updated_at)",
];
const CHANGE = [
  "update raw.orders set status = 'shipped', updated_at = timestamp '2024-01-05' where id = 1",
  'delete from raw.orders where id = 3',
  "insert into raw.orders values (4, 'new', timestamp '2024-01-06')",
];

function mergeStatements(plan: SnapshotPlan, cols: string[]): string[] {
  return [
    `create temp table staging as (${snapshotStagingSql(target, source, plan)})`,
    ...snapshotMergeSql(target, 'staging', plan, cols),
  ];
}

describe('snapshot SQL', () => {
  it('timestamp strategy with invalidated hard deletes: goldens and history', async () => {
    golden('snapshot-create-timestamp.sql', snapshotCreateSql(target, source, timestampPlan));
    golden('snapshot-staging-timestamp.sql', snapshotStagingSql(target, source, timestampPlan));
    const cols = ['id', 'status', 'updated_at', 'dbt_updated_at', 'dbt_valid_from', 'dbt_valid_to', 'dbt_scd_id'];
    golden('snapshot-merge.sql', snapshotMergeSql(target, 'staging', timestampPlan, cols).join(';\n\n'));
    const rows = await run(
      [...SETUP, snapshotCreateSql(target, source, timestampPlan), ...CHANGE, ...mergeStatements(timestampPlan, cols)],
      'select id, status, dbt_valid_from::varchar as f, dbt_valid_to::varchar as t from snaps.orders_snapshot order by id, f',
    );
    expect(rows).toEqual([
      { id: 1, status: 'new', f: '2024-01-01 00:00:00', t: '2024-01-05 00:00:00' },
      { id: 1, status: 'shipped', f: '2024-01-05 00:00:00', t: null },
      { id: 2, status: 'new', f: '2024-01-01 00:00:00', t: null },
      { id: 3, status: 'new', f: '2024-01-01 00:00:00', t: '2024-02-01 00:00:00' },
      { id: 4, status: 'new', f: '2024-01-06 00:00:00', t: null },
    ]);
  });

  it('check strategy with new_record deletes: goldens and history, including a key that comes back', async () => {
    golden('snapshot-create-check.sql', snapshotCreateSql(target, 'select id, status from raw.orders', checkPlan));
    golden('snapshot-staging-check-new-record.sql', snapshotStagingSql(target, 'select id, status from raw.orders', checkPlan));
    const src = 'select id, status from raw.orders';
    const cols = ['id', 'status', 'dbt_updated_at', 'dbt_valid_from', 'dbt_valid_to', 'dbt_scd_id', 'dbt_is_deleted'];
    const merge = (p: SnapshotPlan) => [
      `create or replace temp table staging as (${snapshotStagingSql(target, src, p)})`,
      ...snapshotMergeSql(target, 'staging', p, cols),
    ];
    const later = { ...checkPlan, updatedAt: "timestamp '2024-03-01 00:00:00'", now: "timestamp '2024-03-01 00:00:00'" };
    const rows = await run(
      [...SETUP, snapshotCreateSql(target, src, { ...checkPlan, updatedAt: "timestamp '2024-01-15 00:00:00'" }), ...CHANGE, ...merge(checkPlan),
        "insert into raw.orders values (3, 'back', timestamp '2024-02-20')", ...merge(later)],
      'select id, status, dbt_valid_from::varchar as f, dbt_valid_to::varchar as t, dbt_is_deleted as d from snaps.orders_snapshot order by id, f',
    );
    expect(rows).toEqual([
      { id: 1, status: 'new', f: '2024-01-15 00:00:00', t: '2024-02-01 00:00:00', d: 'False' },
      { id: 1, status: 'shipped', f: '2024-02-01 00:00:00', t: null, d: 'False' },
      { id: 2, status: 'new', f: '2024-01-15 00:00:00', t: null, d: 'False' },
      { id: 3, status: 'new', f: '2024-01-15 00:00:00', t: '2024-02-01 00:00:00', d: 'False' },
      { id: 3, status: 'new', f: '2024-02-01 00:00:00', t: '2024-03-01 00:00:00', d: 'True' },
      { id: 3, status: 'back', f: '2024-03-01 00:00:00', t: null, d: 'False' },
      { id: 4, status: 'new', f: '2024-02-01 00:00:00', t: null, d: 'False' },
    ]);
  });

  it('composite unique keys and dbt_valid_to_current', async () => {
    const plan: SnapshotPlan = { ...timestampPlan, uniqueKey: ['id', 'status'], hardDeletes: 'ignore', validToCurrent: "timestamp '9999-12-31'" };
    golden('snapshot-staging-composite-key.sql', snapshotStagingSql(target, source, plan));
    const cols = ['id', 'status', 'updated_at', 'dbt_updated_at', 'dbt_valid_from', 'dbt_valid_to', 'dbt_scd_id'];
    const rows = await run(
      [...SETUP, snapshotCreateSql(target, source, plan), "update raw.orders set updated_at = timestamp '2024-01-09' where id = 2", ...mergeStatements(plan, cols)],
      'select id, dbt_valid_to::varchar as t from snaps.orders_snapshot order by id, dbt_valid_from',
    );
    expect(rows).toEqual([
      { id: 1, t: '9999-12-31 00:00:00' },
      { id: 2, t: '2024-01-09 00:00:00' },
      { id: 2, t: '9999-12-31 00:00:00' },
      { id: 3, t: '9999-12-31 00:00:00' },
    ]);
  });
});
