// dbt's freshness criteria: `warn_after` / `error_after` as {count, period} and an optional `filter`,
// validated with the property file named, and the status an age in seconds gets under them.
import { TsdbtError } from '../../errors/tsdbt-error.js';
import { didYouMean } from '../../errors/suggest.js';
import type { SourceLocation } from '../../parser/types.js';

export type Period = 'minute' | 'hour' | 'day';
const SECONDS: Record<Period, number> = { minute: 60, hour: 3600, day: 86400 };

/** A property-file mistake: exit 2 like other parse errors. */
function bad(message: string, location: SourceLocation, hint?: string): TsdbtError {
  return new TsdbtError('T001', message, { location, hint, exitCode: 2 });
}

export interface Criteria {
  warn_after: { count: number; period: Period } | null;
  error_after: { count: number; period: Period } | null;
  filter: string | null;
}

function threshold(v: unknown, key: string, what: string, where: SourceLocation): Criteria['warn_after'] {
  if (v === undefined || v === null) return null;
  const o = v as { count?: unknown; period?: unknown };
  if (typeof v !== 'object' || o.count === undefined || o.period === undefined) {
    throw bad(`${what}: \`${key}\` must be a mapping {count: <number>, period: minute|hour|day}`, where, `e.g. \`${key}: {count: 12, period: hour}\``);
  }
  if (o.count === null) return null;
  if (typeof o.count !== 'number' || o.count <= 0) throw bad(`${what}: \`${key}.count\` must be a positive number, got ${JSON.stringify(o.count)}`, where);
  const period = String(o.period).toLowerCase().replace(/s$/, '');
  if (!(period in SECONDS)) {
    throw bad(`${what}: \`${key}.period\` must be minute, hour or day, got ${JSON.stringify(o.period)}`, where, didYouMean(period, Object.keys(SECONDS)));
  }
  return { count: o.count, period: period as Period };
}

export function readCriteria(freshness: Record<string, unknown>, what: string, where: SourceLocation): Criteria {
  return {
    warn_after: threshold(freshness.warn_after, 'warn_after', what, where),
    error_after: threshold(freshness.error_after, 'error_after', what, where),
    filter: typeof freshness.filter === 'string' ? freshness.filter : null,
  };
}

export function seconds(t: { count: number; period: Period }): number {
  return t.count * SECONDS[t.period];
}

export function freshnessStatus(ageSeconds: number, c: Criteria): 'pass' | 'warn' | 'error' {
  if (c.error_after && ageSeconds > seconds(c.error_after)) return 'error';
  if (c.warn_after && ageSeconds > seconds(c.warn_after)) return 'warn';
  return 'pass';
}
