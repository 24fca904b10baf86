// Same seed and scale give byte-identical files; a longer run extends a shorter one unchanged (the
// property incremental benchmarks rely on), and --from-day writes exactly the added days.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { TABLES, generate, type GenerateOptions } from '../../../src/generator/index.js';
import { openGenerated } from './duckdb-helper.js';

const dirs: string[] = [];
async function run(opts: Omit<GenerateOptions, 'out'>): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'tsdbt-gen-'));
  dirs.push(out);
  await generate({ out, ...opts });
  return out;
}
function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}
const read = (dir: string, table: string): string => readFileSync(join(dir, `${table}.csv`), 'utf8');
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('determinism', () => {
  test('the same seed and scale give the same bytes; another seed does not', async () => {
    const a = hashes(await run({ scale: 0.004, days: 40, seed: 5 }));
    const b = hashes(await run({ scale: 0.004, days: 40, seed: 5 }));
    expect(Object.keys(a)).toEqual(TABLES.map((t) => `${t.name}.csv`).sort());
    expect(b).toEqual(a);
    const c = hashes(await run({ scale: 0.004, days: 40, seed: 6 }));
    expect(c['events.csv']).not.toBe(a['events.csv']);
    expect(c['website_sessions.csv']).not.toBe(a['website_sessions.csv']);
  });

  test('N+1 days start with exactly the N-day files, and --from-day N writes the rest', async () => {
    const opts = { scale: 0.004, seed: 9 };
    const short = await run({ ...opts, days: 35 });
    const long = await run({ ...opts, days: 36 });
    const delta = await run({ ...opts, days: 36, fromDay: 35 });
    for (const t of TABLES) {
      const s = read(short, t.name);
      const l = read(long, t.name);
      if (t.name === 'products' || t.name === 'category_tree') {
        expect(read(delta, t.name), t.name).toBe(l);
        continue;
      }
      expect(l.startsWith(s), t.name).toBe(true);
      const added = read(delta, t.name);
      const header = added.slice(0, added.indexOf('\n') + 1);
      expect(header + l.slice(s.length), t.name).toBe(added);
    }
    expect(read(long, 'events').length).toBeGreaterThan(read(short, 'events').length);
  });

  test('parquet output holds the same rows with real types', async () => {
    const csv = await run({ scale: 0.002, days: 10, seed: 3 });
    const pq = await run({ scale: 0.002, days: 10, seed: 3, format: 'parquet' });
    expect(readdirSync(pq).sort()).toEqual(TABLES.map((t) => `${t.name}.parquet`).sort());
    const db = await openGenerated(csv);
    try {
      for (const t of ['website_sessions', 'events', 'orders']) {
        const diff = await db.one<{ k: bigint }>(`select count(*) k from (
          (select * from ${t} except all select * from read_parquet('${join(pq, `${t}.parquet`)}'))
          union all (select * from read_parquet('${join(pq, `${t}.parquet`)}') except all select * from ${t}))`);
        expect(diff.k, t).toBe(0n);
      }
      const types = await db.rows<{ column_type: string }>(`describe select created_at, price_usd from read_parquet('${join(pq, 'orders.parquet')}')`);
      expect(types.map((r) => r.column_type)).toEqual(['TIMESTAMP', 'DECIMAL(10,2)']);
    } finally {
      db.close();
    }
  });
});
