// Lets synchronous templates query the database: a render that calls run_query() for a statement
// not yet executed stops with NeedQuery; the compiler runs it asynchronously, records the result, and
// renders again, replaying recorded results in call order. Each statement runs exactly once.
import type { QueryResult } from '../adapters/adapter.js';

export class NeedQuery extends Error {
  constructor(readonly sql: string) {
    super('tsdbt: query needed during render');
    this.name = 'NeedQuery';
  }
}

export class QueryReplay {
  private readonly results: { sql: string; result: QueryResult }[] = [];
  private cursor = 0;

  /** Start another render pass. */
  rewind(): void {
    this.cursor = 0;
  }

  get executed(): number {
    return this.results.length;
  }

  /** Called from the template: a recorded result, or NeedQuery for the next statement. */
  take(sql: string): QueryResult {
    const rec = this.results[this.cursor];
    if (rec && rec.sql === sql) {
      this.cursor++;
      return rec.result;
    }
    if (rec) {
      // the template asked for something else this time: its control flow is not deterministic
      throw new Error(`run_query() calls changed between renders (expected ${rec.sql.slice(0, 60)}...)`);
    }
    throw new NeedQuery(sql);
  }

  record(sql: string, result: QueryResult): void {
    this.results.push({ sql, result });
  }
}

export function findNeedQuery(e: unknown): NeedQuery | undefined {
  let cur = e;
  for (let i = 0; i < 8 && cur; i++) {
    if (cur instanceof NeedQuery) return cur;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}
