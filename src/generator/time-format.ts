// Fast timestamp formatting for the hot write loops: `YYYY-MM-DD HH:MM:SS` (Maven) from epoch
// seconds, with the date part cached per day so formatting a row is a few string concatenations.

const TWO = Array.from({ length: 60 }, (_, i) => (i < 10 ? '0' : '') + String(i));
const DAY = 86400;
/** How many days before the start date the cache covers (catalog launches predate the period). */
const BACK_DAYS = 2048;

export class Clock {
  /** Epoch seconds of the first day's midnight (UTC, timestamps are zone-less). */
  readonly startSec: number;
  private readonly baseDay: number;
  private readonly prefixes: string[] = [];

  constructor(startSec: number) {
    this.startSec = startSec;
    this.baseDay = Math.floor(startSec / DAY) - BACK_DAYS;
  }

  /** Epoch seconds of midnight of day `index` (0 = the start date). */
  dayStart(index: number): number {
    return this.startSec + index * DAY;
  }

  /** `YYYY-MM-DD ` for the day containing `sec` (cached). */
  private prefix(day: number): string {
    const slot = day - this.baseDay;
    let p = this.prefixes[slot];
    if (p === undefined) {
      p = new Date(day * DAY * 1000).toISOString().slice(0, 10) + ' ';
      this.prefixes[slot] = p;
    }
    return p;
  }

  /** `YYYY-MM-DD HH:MM:SS` for an epoch second. */
  timestamp(sec: number): string {
    const day = Math.floor(sec / DAY);
    let rest = sec - day * DAY;
    const h = (rest / 3600) | 0;
    rest -= h * 3600;
    const m = (rest / 60) | 0;
    return this.prefix(day) + TWO[h] + ':' + TWO[m] + ':' + TWO[rest - m * 60];
  }

  /** `YYYY-MM-DD` of day `index`. */
  date(index: number): string {
    return this.prefix(Math.floor(this.dayStart(index) / DAY)).slice(0, 10);
  }
}

/** Parses `YYYY-MM-DD` as UTC midnight; returns epoch seconds or undefined when malformed. */
export function parseStartDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== text) return undefined;
  return ms / 1000;
}
