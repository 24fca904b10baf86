// Options of generate(): defaults and validation. A bad value is a usage error (U001) that says
// which option is wrong and what it accepts.
import { TsdbtError } from '../errors/tsdbt-error.js';
import { parseStartDate } from './time-format.js';

export type OutputFormat = 'csv' | 'parquet';

export interface GenerateOptions {
  /** output directory (created if missing); files are named after the tables */
  out: string;
  /** 1 ≈ the real RetailRocket size (about 2.7M events over the default 120 days) */
  scale?: number;
  seed?: number;
  /** number of days simulated; the first N days are identical whatever N is */
  days?: number;
  /** first day, `YYYY-MM-DD` */
  start?: string;
  format?: OutputFormat;
  /** only write rows of days >= fromDay (earlier days are still simulated, not written) */
  fromDay?: number;
}

export interface ResolvedOptions {
  out: string;
  scale: number;
  seed: number;
  days: number;
  start: string;
  startSec: number;
  format: OutputFormat;
  fromDay: number;
}

export const DEFAULTS = { scale: 1, seed: 42, days: 120, start: '2025-01-01', format: 'csv' as OutputFormat };

function usage(option: string, message: string, hint: string): TsdbtError {
  return new TsdbtError('U001', `generator option ${option}: ${message}`, { hint });
}

export function resolveOptions(opts: GenerateOptions): ResolvedOptions {
  const scale = opts.scale ?? DEFAULTS.scale;
  const seed = opts.seed ?? DEFAULTS.seed;
  const days = opts.days ?? DEFAULTS.days;
  const start = opts.start ?? DEFAULTS.start;
  const format = opts.format ?? DEFAULTS.format;
  const fromDay = opts.fromDay ?? 0;
  if (!opts.out) throw usage('--out', 'no output directory given', 'pass --out <dir>, e.g. --out data/sf1');
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) {
    throw usage('--scale', `${String(opts.scale)} is not a positive number up to 1000`, 'use e.g. --scale 0.01 or --scale 1');
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw usage('--seed', `${String(opts.seed)} is not an integer between 0 and 4294967295`, 'use e.g. --seed 42');
  }
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw usage('--days', `${String(opts.days)} is not a whole number of days between 1 and 3650`, 'use e.g. --days 90');
  }
  const startSec = parseStartDate(start);
  if (startSec === undefined) {
    throw usage('--start', `'${start}' is not a date in YYYY-MM-DD form`, 'use e.g. --start 2025-01-01');
  }
  if (format !== 'csv' && format !== 'parquet') {
    throw usage('--format', `'${String(format)}' is not csv or parquet`, 'use --format csv or --format parquet');
  }
  if (!Number.isInteger(fromDay) || fromDay < 0 || fromDay >= days) {
    throw usage('--from-day', `${String(opts.fromDay)} is not a day index between 0 and ${days - 1}`,
      'pass the number of days already generated, with --days one or more larger');
  }
  return { out: opts.out, scale, seed, days, start, startSec, format, fromDay };
}
