// What every simulation step shares: the clock, the output files, the catalog, the visitor pool,
// pending refunds and the running id counters (ids keep counting across days).
import type { Catalog } from './catalog.js';
import type { CatalogState } from './catalog-state.js';
import type { CsvSink } from './csv-sink.js';
import type { RefundQueue } from './refund-queue.js';
import type { TableName } from './table-schemas.js';
import type { Clock } from './time-format.js';
import type { UserPool } from './users.js';

export type Sinks = Record<TableName, CsvSink>;

export interface IdCounters {
  session: number;
  pageview: number;
  order: number;
  orderItem: number;
  refund: number;
}

export interface SimContext {
  clock: Clock;
  sinks: Sinks;
  catalog: Catalog;
  state: CatalogState;
  users: UserPool;
  refunds: RefundQueue;
  ids: IdCounters;
}

/** Money as the CSVs show it: dollars with two decimals. */
export function usd(cents: number): string {
  return (cents / 100).toFixed(2);
}
