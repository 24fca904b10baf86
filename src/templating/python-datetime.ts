// The slice of Python's datetime module dbt projects use through `modules.datetime` (and what
// `run_started_at` is): datetime/date/timedelta with strftime, isoformat, replace, arithmetic (through
// tsdbt's `+`/`-`), strptime and fromisoformat. Times are UTC; tzinfo is kept only as a label.

const pad = (n: number, w = 2) => String(Math.trunc(n)).padStart(w, '0');
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export class PyTimedelta {
  readonly ms: number;
  constructor(opts: Record<string, unknown> = {}) {
    const n = (k: string) => Number(opts[k] ?? 0);
    this.ms = (((n('weeks') * 7 + n('days')) * 24 + n('hours')) * 60 + n('minutes')) * 60000 + n('seconds') * 1000 + n('milliseconds') + n('microseconds') / 1000;
  }
  get days(): number {
    return Math.floor(this.ms / 86400000);
  }
  get seconds(): number {
    return Math.floor((this.ms - this.days * 86400000) / 1000);
  }
  total_seconds(): number {
    return this.ms / 1000;
  }
  toString(): string {
    const d = this.days;
    const rest = this.ms - d * 86400000;
    const hms = `${Math.floor(rest / 3600000)}:${pad((rest / 60000) % 60)}:${pad((rest / 1000) % 60)}`;
    return d ? `${d} day${Math.abs(d) === 1 ? '' : 's'}, ${hms}` : hms;
  }
}

export class PyDateTime {
  constructor(
    readonly d: Date,
    readonly dateOnly = false,
    readonly tzinfo: string | null = null,
  ) {}
  get year(): number { return this.d.getUTCFullYear(); }
  get month(): number { return this.d.getUTCMonth() + 1; }
  get day(): number { return this.d.getUTCDate(); }
  get hour(): number { return this.d.getUTCHours(); }
  get minute(): number { return this.d.getUTCMinutes(); }
  get second(): number { return this.d.getUTCSeconds(); }
  get microsecond(): number { return this.d.getUTCMilliseconds() * 1000; }
  weekday(): number { return (this.d.getUTCDay() + 6) % 7; }
  isoweekday(): number { return this.weekday() + 1; }
  date(): PyDateTime { return new PyDateTime(new Date(Date.UTC(this.year, this.month - 1, this.day)), true); }
  timestamp(): number { return this.d.getTime() / 1000; }
  astimezone(tz?: { zone?: string }): PyDateTime { return new PyDateTime(this.d, this.dateOnly, tz?.zone ?? 'UTC'); }
  replace(opts: Record<string, unknown> = {}): PyDateTime {
    const g = (k: string, v: number) => (opts[k] === undefined ? v : Number(opts[k]));
    const d = new Date(Date.UTC(g('year', this.year), g('month', this.month) - 1, g('day', this.day), g('hour', this.hour), g('minute', this.minute), g('second', this.second), g('microsecond', this.microsecond) / 1000));
    return new PyDateTime(d, this.dateOnly, 'tzinfo' in opts ? ((opts.tzinfo as { zone?: string } | null)?.zone ?? null) : this.tzinfo);
  }
  strftime(fmt: string): string {
    return fmt.replace(/%([a-zA-Z%])/g, (_m, c: string) => {
      switch (c) {
        case 'Y': return String(this.year);
        case 'y': return pad(this.year % 100);
        case 'm': return pad(this.month);
        case 'd': return pad(this.day);
        case 'H': return pad(this.hour);
        case 'I': return pad(this.hour % 12 || 12);
        case 'p': return this.hour < 12 ? 'AM' : 'PM';
        case 'M': return pad(this.minute);
        case 'S': return pad(this.second);
        case 'f': return pad(this.microsecond, 6);
        case 'j': return pad(Math.floor((this.date().d.getTime() - Date.UTC(this.year, 0, 1)) / 86400000) + 1, 3);
        case 'A': return DAYS[this.weekday()];
        case 'a': return DAYS[this.weekday()].slice(0, 3);
        case 'B': return MONTHS[this.month - 1];
        case 'b': return MONTHS[this.month - 1].slice(0, 3);
        case 'w': return String(this.d.getUTCDay());
        case 'z': return this.tzinfo ? '+0000' : '';
        case 'Z': return this.tzinfo ?? '';
        case '%': return '%';
        default: return `%${c}`;
      }
    });
  }
  isoformat(sep = 'T'): string {
    if (this.dateOnly) return this.strftime('%Y-%m-%d');
    const frac = this.microsecond ? `.${pad(this.microsecond, 6)}` : '';
    return this.strftime(`%Y-%m-%d${sep}%H:%M:%S`) + frac + (this.tzinfo ? '+00:00' : '');
  }
  toString(): string {
    return this.isoformat(' ');
  }
  toJSON(): string {
    return this.isoformat();
  }
  plus(td: PyTimedelta, sign = 1): PyDateTime {
    return new PyDateTime(new Date(this.d.getTime() + sign * td.ms), this.dateOnly, this.tzinfo);
  }
}

function parseIso(s: string): PyDateTime {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s.trim());
  if (!m) throw new Error(`ValueError: Invalid isoformat string: '${s}'`);
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms));
  return new PyDateTime(d, m[4] === undefined, m[8] ? 'UTC' : null);
}

function strptime(s: string, fmt: string): PyDateTime {
  const parts: Record<string, number> = { Y: 1900, m: 1, d: 1, H: 0, M: 0, S: 0, f: 0 };
  const order: string[] = [];
  const re = fmt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%([YmdHMSfjy%])/g, (_m, c: string) => {
    if (c === '%') return '%';
    order.push(c);
    return c === 'Y' ? '(\\d{4})' : c === 'f' ? '(\\d{1,6})' : c === 'j' ? '(\\d{1,3})' : '(\\d{1,2})';
  });
  const m = new RegExp(`^${re}$`).exec(s);
  if (!m) throw new Error(`ValueError: time data '${s}' does not match format '${fmt}'`);
  order.forEach((c, i) => (parts[c === 'y' ? 'Y' : c] = c === 'y' ? 2000 + Number(m[i + 1]) : c === 'f' ? Number(m[i + 1].padEnd(6, '0')) : Number(m[i + 1])));
  return new PyDateTime(new Date(Date.UTC(parts.Y, parts.m - 1, parts.d, parts.H, parts.M, parts.S, parts.f / 1000)));
}

// What `now()`, `utcnow()` and `today()` read. The compiler renders a template again after each query it
// runs (src/compiler/query-replay.ts) and pins this clock for the synchronous length of each pass, so
// every pass of one render sees the times the first pass saw.
let pinned: (() => Date) | undefined;

/** Run `fn` (synchronously) with the datetime clock reading `now`. */
export function withClock<T>(now: () => Date, fn: () => T): T {
  const outer = pinned;
  pinned = now;
  try {
    return fn();
  } finally {
    pinned = outer;
  }
}

const clockNow = (): Date => (pinned ? pinned() : new Date());

const num = (a: unknown[], i: number, dflt = 0) => (a[i] === undefined ? dflt : Number(a[i]));
const kwargsOf = (a: unknown[]) => (a.length && typeof a[a.length - 1] === 'object' && a[a.length - 1] !== null && '__keywords' in (a[a.length - 1] as object) ? (a.pop() as Record<string, unknown>) : {});

export function datetimeModule() {
  const utc = { zone: 'UTC', toString: () => 'UTC' };
  const datetime = Object.assign(
    (...a: unknown[]) => {
      const kw = kwargsOf(a);
      const v = (i: number, k: string, d = 0) => (kw[k] !== undefined ? Number(kw[k]) : num(a, i, d));
      return new PyDateTime(new Date(Date.UTC(v(0, 'year'), v(1, 'month', 1) - 1, v(2, 'day', 1), v(3, 'hour'), v(4, 'minute'), v(5, 'second'), v(6, 'microsecond') / 1000)));
    },
    {
      now: (tz?: { zone?: string }) => new PyDateTime(clockNow(), false, tz?.zone ?? null),
      utcnow: () => new PyDateTime(clockNow()),
      today: () => new PyDateTime(clockNow()),
      strptime,
      fromisoformat: (s: string) => parseIso(String(s)),
      fromtimestamp: (t: number) => new PyDateTime(new Date(Number(t) * 1000)),
    },
  );
  const date = Object.assign((...a: unknown[]) => new PyDateTime(new Date(Date.UTC(num(a, 0), num(a, 1, 1) - 1, num(a, 2, 1))), true), {
    today: () => new PyDateTime(clockNow(), false).date(),
    fromisoformat: (s: string) => parseIso(String(s)).date(),
  });
  const timedelta = (...a: unknown[]) => {
    const kw = kwargsOf(a);
    return new PyTimedelta({ days: a[0], seconds: a[1], microseconds: a[2], milliseconds: a[3], minutes: a[4], hours: a[5], weeks: a[6], ...kw });
  };
  return { datetime, date, timedelta, timezone: { utc }, utc };
}

export const pytzModule = () => ({ utc: { zone: 'UTC', toString: () => 'UTC' }, timezone: (name: unknown) => ({ zone: String(name), toString: () => String(name) }) });
