// The warehouse's incremental path: build N generated days, add day N+1, build again; every test must
// pass and every table must equal a --full-refresh build of the same N+1 days (read from Parquet, so the
// parquet raw format is checked end to end on the way).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../src/generator/index.js';
import { build, copyWarehouse, query, warehouseDb } from './warehouse-project.js';
import { tableDigests } from './table-digest.js';

// At scale 0.04 a session of day 17 (0-based 16) runs past midnight and views a product after the first
// event of day 18: the case where re-reading from the last loaded timestamp lost an event.
const GEN = { scale: 0.04, seed: 42, start: '2025-01-01' };
const DAYS = 17;

let incDir: string;
let refDir: string;
let firstRun: { code: number; output: string };
let incRun: { code: number; output: string };
let refRun: { code: number; output: string };

interface RunResult { unique_id: string; adapter_response?: { rows_affected?: number } }
const rowsAffected = (dir: string, model: string): number => {
  const results = (JSON.parse(readFileSync(join(dir, 'target', 'run_results.json'), 'utf8')) as { results: RunResult[] }).results;
  const r = results.find((x) => x.unique_id === `model.shop_warehouse.${model}`);
  if (!r) throw new Error(`${model} not in run_results.json`);
  return Number(r.adapter_response?.rows_affected ?? NaN);
};

beforeAll(async () => {
  incDir = copyWarehouse(false);
  refDir = copyWarehouse(false);
  await generate({ ...GEN, days: DAYS, out: join(incDir, 'raw') });
  firstRun = await build(incDir, ['--vars', '{raw_path: raw}']);
  await generate({ ...GEN, days: DAYS + 1, out: join(incDir, 'raw') });
  incRun = await build(incDir, ['--vars', '{raw_path: raw}']);
  await generate({ ...GEN, days: DAYS + 1, out: join(refDir, 'raw'), format: 'parquet' });
  refRun = await build(refDir, ['--full-refresh', '--vars', '{raw_path: raw, raw_format: parquet}']);
}, 180_000);

describe('warehouse: one more day of data, incremental build vs full refresh', () => {
  it('the first build, the incremental build and the parquet full refresh pass every test', () => {
    for (const run of [firstRun, incRun, refRun]) {
      expect(run.output).toMatch(/ERROR=0 SKIP=0/);
      expect(run.code).toBe(0);
    }
  });

  it('the incremental build loaded every raw event, none twice', async () => {
    const [raw] = await query(`select count(*) as n from '${join(incDir, 'raw', 'events.csv')}'`);
    const [wh] = await query('select count(*) as n, count(distinct event_id) as ids from fct_events', warehouseDb(incDir));
    expect(Number(wh.n)).toBe(Number(raw.n));
    expect(Number(wh.ids)).toBe(Number(raw.n));
  });

  it('every table equals the full refresh (row count and a digest of all values)', async () => {
    const inc = await tableDigests(warehouseDb(incDir));
    const ref = await tableDigests(warehouseDb(refDir));
    expect(Object.keys(inc).length).toBeGreaterThan(30);
    expect(inc).toEqual(ref);
  });

  it('the heavy models only touched the window behind their high-water mark', async () => {
    const totals = await query(`select
        (select count(*) from fct_events) as fct_events, (select count(*) from fct_pageviews) as fct_pageviews,
        (select count(*) from fct_sessions) as fct_sessions, (select count(*) from dim_customer) as dim_customer`, warehouseDb(incDir));
    for (const [model, total] of Object.entries(totals[0])) {
      const touched = rowsAffected(incDir, model);
      expect(touched, model).toBeGreaterThan(0);
      // one new day plus a 1-day lookback, out of 18 days
      expect(touched, model).toBeLessThan(Number(total) / 4);
    }
  });
});
