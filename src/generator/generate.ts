// generate(): writes every source table of the reference warehouse, day by day from per-day seeded
// streams, so the same seed and scale give the same bytes and N+1 days extend N days unchanged.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { buildCatalog, type Catalog } from './catalog.js';
import { CatalogState } from './catalog-state.js';
import { CsvSink } from './csv-sink.js';
import { simulateDay } from './day-sim.js';
import { resolveOptions, type GenerateOptions, type OutputFormat } from './options.js';
import { convertToParquet } from './parquet.js';
import { RefundQueue } from './refund-queue.js';
import type { SimContext, Sinks } from './sim-context.js';
import { TABLES, headerLine, type TableName } from './table-schemas.js';
import { Clock } from './time-format.js';
import { UserPool } from './users.js';

export interface GeneratedTable {
  table: TableName;
  file: string;
  rows: number;
}

export interface GenerateSummary {
  outDir: string;
  seed: number;
  scale: number;
  days: number;
  start: string;
  fromDay: number;
  format: OutputFormat;
  tables: GeneratedTable[];
  seconds: number;
}

/** Tables that are whole dimensions, written in full even with fromDay > 0. */
const DIMENSIONS: ReadonlySet<TableName> = new Set<TableName>(['products', 'category_tree']);

/**
 * Generates the warehouse's source data.
 * @example await generate({ out: 'data/sf1', scale: 1 }) // ≈ 2.7M events, CSV
 */
export async function generate(options: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  const opts = resolveOptions(options);
  const csvDir = opts.format === 'csv' ? opts.out : join(opts.out, '.csv-tmp');
  try {
    mkdirSync(csvDir, { recursive: true });
  } catch (cause) {
    throw new TsdbtError('R003', `cannot create output directory ${csvDir}`, { cause, hint: 'choose a writable --out directory' });
  }
  const sinks = Object.fromEntries(
    TABLES.map((t) => [t.name, new CsvSink(join(csvDir, `${t.name}.csv`), headerLine(t))]),
  ) as Sinks;
  const clock = new Clock(opts.startSec);
  const catalog = buildCatalog(opts.seed);
  writeDimensions(sinks, catalog, clock, opts.days);
  const ctx: SimContext = {
    clock, sinks, catalog, state: new CatalogState(catalog, opts.seed, clock, sinks.item_properties),
    users: new UserPool(), refunds: new RefundQueue(clock),
    ids: { session: 0, pageview: 0, order: 0, orderItem: 0, refund: 0 },
  };
  const setWriting = (on: boolean): void => {
    for (const t of TABLES) if (!DIMENSIONS.has(t.name)) sinks[t.name].enabled = on;
  };
  setWriting(opts.fromDay === 0);
  ctx.state.launchBeforePeriod();
  for (let day = 0; day < opts.days; day++) {
    setWriting(day >= opts.fromDay);
    simulateDay(ctx, opts.seed, opts.scale, day);
  }
  for (const t of TABLES) sinks[t.name].close();

  let tables: GeneratedTable[] = TABLES.map((t) => ({ table: t.name, file: sinks[t.name].path, rows: sinks[t.name].rows }));
  if (opts.format === 'parquet') {
    const jobs = TABLES.map((t) => ({ csv: sinks[t.name].path, parquet: join(opts.out, `${t.name}.parquet`), table: t }));
    await convertToParquet(jobs);
    rmSync(csvDir, { recursive: true, force: true });
    tables = tables.map((t, i) => ({ ...t, file: jobs[i].parquet }));
  }
  return {
    outDir: opts.out, seed: opts.seed, scale: opts.scale, days: opts.days, start: opts.start, fromDay: opts.fromDay,
    format: opts.format, tables, seconds: (performance.now() - started) / 1000,
  };
}

/** products (those launched before the period ends) and the category tree. */
function writeDimensions(sinks: Sinks, catalog: Catalog, clock: Clock, days: number): void {
  for (const p of catalog.products) {
    if (p.launchDay < days) sinks.products.line(`${p.id},${clock.timestamp(clock.dayStart(p.launchDay))},${p.name}\n`);
  }
  for (const c of catalog.categories) sinks.category_tree.line(`${c.id},${c.parentId ?? ''}\n`);
}
