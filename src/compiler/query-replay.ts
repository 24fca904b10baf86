// Lets synchronous templates query the database: a render that calls run_query() for a statement
// not yet executed stops with NeedQuery; the compiler runs it asynchronously, records the result, and
// renders again, replaying recorded results in call order. Each statement runs exactly once.
//
// For the replay to line up, every pass of one render must behave like the first: `pass()` pins the
// datetime clock to the times the first pass read (call by call), and lets through only the console
// lines (log(), print(), print_table(), warnings) that an earlier pass has not printed already.
//
// A speculative render (compile-ahead: a node rendered before its turn, while the database works)
// must not touch anything that can change before the node runs: a query, the clock or a console line
// marks it impure, and its result is thrown away.
import type { QueryResult } from '../adapters/adapter.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { withClock } from '../templating/python-datetime.js';
import { console as out } from '../console/console.js';

export class NeedQuery extends Error {
  constructor(readonly sql: string) {
    super('tsdbt: query needed during render');
    this.name = 'NeedQuery';
  }
}

const quoted = (s: string) => `'${s}'`;

/** Where two statements first differ, as a short excerpt of each. */
function difference(a: string, b: string): [string, string] {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 40);
  const cut = (s: string) => (from > 0 ? '...' : '') + s.slice(from, i + 40) + (s.length > i + 40 ? '...' : '');
  return [cut(a), cut(b)];
}

/** A render done ahead of its node's turn; `impure` once it queried, read the clock or printed. */
export interface Speculation {
  impure: boolean;
}

export class QueryReplay {
  constructor(private readonly speculation?: Speculation) {}

  private readonly results: { sql: string; result: QueryResult }[] = [];
  private cursor = 0;
  /** the clock readings of the first passes, in call order */
  private readonly times: Date[] = [];
  private timeCursor = 0;
  /** console lines printed so far, in order; a later pass prints only what goes beyond them */
  private readonly printed: string[] = [];
  private lineCursor = 0;

  /** Start another render pass. */
  rewind(): void {
    this.cursor = 0;
    this.timeCursor = 0;
    this.lineCursor = 0;
  }

  get executed(): number {
    return this.results.length;
  }

  /**
   * Run one (synchronous) render pass: clock calls replay the first passes' readings, and console
   * lines already printed by an earlier pass are not printed again.
   */
  pass<T>(fn: () => T): T {
    this.rewind();
    const firstTime = (_level: unknown, text: string) => {
      if (this.speculation) {
        this.speculation.impure = true;
        return false;
      }
      const i = this.lineCursor++;
      if (this.printed[i] === text) return false;
      this.printed[i] = text;
      return true;
    };
    return out.withLineFilter(firstTime, () => withClock(() => this.now(), fn));
  }

  private now(): Date {
    if (this.speculation) this.speculation.impure = true;
    if (this.timeCursor < this.times.length) return new Date(this.times[this.timeCursor++].getTime());
    const t = new Date();
    this.times.push(t);
    this.timeCursor++;
    return new Date(t.getTime());
  }

  /** Called from the template: a recorded result, or NeedQuery for the next statement. */
  take(sql: string): QueryResult {
    if (this.speculation) {
      this.speculation.impure = true;
      throw new NeedQuery(sql);
    }
    const at = this.cursor;
    const rec = this.results[at];
    if (rec && rec.sql === sql) {
      this.cursor++;
      return rec.result;
    }
    if (rec) {
      // the template asked for something else this time: it is not deterministic
      const [before, now] = difference(rec.sql, sql);
      throw new TsdbtError('P001', `the template is not deterministic: its query #${at + 1} (run_query, statement or an adapter call) was ${quoted(before)} on an earlier render pass and ${quoted(now)} on this one`, {
        hint: 'tsdbt renders a template again after each query it runs and replays the results, so the template must send the same statements every time; look for a value that changes between renders (a list or dict from var() or a macro argument mutated with append/update, a random value, a counter kept outside the template)',
      });
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
