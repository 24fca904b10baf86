// All terminal output goes through here: levels, secret masking, colours (only on a terminal), a
// capture hook for tests and the programmatic API, and JSON lines for machines (`--log-format json`).
import { createColors } from 'picocolors';

export type Colors = ReturnType<typeof createColors>;
const COLORS_ON = createColors(true);
const COLORS_OFF = createColors(false);

export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface ConsoleSink {
  write(level: Level, text: string): void;
}

// While nodes run (deferOutput), lines for the terminal are queued and written together at most
// FLUSH_MS later, on a turn of the event loop where DuckDB executes a statement: a write to a pipe or a
// terminal wakes the process reading it, which competes with DuckDB for the cores, so one write per
// node (~0.2 ms each with a reader on a 2-core machine) became one every FLUSH_MS. The live status line
// of a terminal is redrawn with them. The queue keeps stdout and stderr lines in order, and is written
// at once before anything else is printed (direct writes), when the run ends and when the process exits.
const FLUSH_MS = 40;
const pending: { err: boolean; text: string }[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let deferring = 0;
/** The status line shown at the bottom of a terminal, and whether it changed since it was drawn. */
let statusLine: string | null = null;
let statusDrawn: string | null = null;

/** Queue terminal lines until the event loop is idle (on), or write them as they come again (off). */
export function deferOutput(on: boolean): void {
  deferring = Math.max(0, deferring + (on ? 1 : -1));
  if (!deferring) flushOutput();
}

/** Write every queued terminal line now (in order), with the status line below them. */
export function flushOutput(): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  if (!pending.length && statusLine === statusDrawn) return;
  // the status line drawn last is cleared before the lines and drawn again (or cleared) after them
  let out = statusDrawn !== null ? '\r\x1b[K' : '';
  let i = 0;
  while (i < pending.length) {
    const err = pending[i].err;
    let text = '';
    for (; i < pending.length && pending[i].err === err; i++) text += pending[i].text;
    if (err) {
      if (out) process.stdout.write(out);
      out = '';
      process.stderr.write(text);
    } else out += text;
  }
  pending.length = 0;
  if (statusLine !== null) out += statusLine;
  statusDrawn = statusLine;
  if (out) process.stdout.write(out);
}
process.on('exit', flushOutput);

function later(): void {
  timer ??= setTimeout(flushOutput, FLUSH_MS);
}

const stdSink: ConsoleSink = {
  write(level, text) {
    pending.push({ err: level === 'error' || level === 'warn', text: text + '\n' });
    if (deferring) later();
    else flushOutput();
  },
};

// `tsdbt ls | head` closes the pipe early: end the output quietly instead of crashing with a stack trace
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

/** NO_COLOR, FORCE_COLOR, TSDBT_USE_COLORS / DBT_USE_COLORS, else: is stdout a terminal? */
function envWantsColors(): boolean {
  const env = process.env;
  if ('NO_COLOR' in env) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const dbtFlag = env.TSDBT_USE_COLORS ?? env.DBT_USE_COLORS;
  if (dbtFlag !== undefined) return !/^(0|false|no)$/i.test(dbtFlag);
  return Boolean(process.stdout.isTTY) && env.TERM !== 'dumb';
}

export class Console {
  level: Level = 'info';
  format: 'text' | 'json' = 'text';
  private sink: ConsoleSink = stdSink;
  private secrets: string[] = [];
  private fileSinks: ((level: Level, text: string) => void)[] = [];
  /** `--use-colors` / `--no-use-colors` (dbt's flags); undefined: decide from the environment. */
  useColors: boolean | undefined = undefined;

  /**
   * Colour functions for the current output: plain when output is captured, JSON, NO_COLOR or not a
   * terminal (CI logs, pipes); FORCE_COLOR or --use-colors turn them on.
   */
  get colors(): Colors {
    if (this.sink !== stdSink || this.format !== 'text') return COLORS_OFF;
    if (this.useColors !== undefined) return this.useColors ? COLORS_ON : COLORS_OFF;
    // the environment is read once per process: process.env lookups are slow on the per-node hot path
    this.envColors ??= envWantsColors();
    return this.envColors ? COLORS_ON : COLORS_OFF;
  }
  private envColors: boolean | undefined;

  /** Whether setStatus shows anything (a callback can skip building its text). */
  wantsStatus(): boolean {
    return this.sink === stdSink && this.format === 'text' && process.stdout.isTTY === true;
  }
  /** A live status line at the bottom of a terminal (only when stdout is a TTY and nothing captures output). */
  setStatus(text: string | null): void {
    if (!this.wantsStatus()) return;
    statusLine = text;
    // while nodes run, drawn with the next batch of lines; a cleared line goes at once
    if (deferring && text !== null) later();
    else flushOutput();
  }

  setSink(sink: ConsoleSink | null): void {
    this.sink = sink ?? stdSink;
  }
  addFileSink(fn: (level: Level, text: string) => void): () => void {
    this.fileSinks.push(fn);
    return () => {
      this.fileSinks = this.fileSinks.filter((f) => f !== fn);
    };
  }
  /** Values that must never be printed (from TSDBT_ENV_SECRET_* / DBT_ENV_SECRET_* env vars). */
  addSecrets(values: Iterable<string>): void {
    for (const v of values) if (v && v.length >= 1 && !this.secrets.includes(v)) this.secrets.push(v);
    this.secrets.sort((a, b) => b.length - a.length);
  }
  /** The masked values, longest first (files mask their JSON-escaped spellings too). */
  secretList(): readonly string[] {
    return this.secrets;
  }
  mask(text: string): string {
    let t = text;
    for (const s of this.secrets) t = t.split(s).join('*****');
    return t;
  }
  private lineFilter: ((level: Level, text: string) => boolean) | null = null;
  /**
   * Run synchronous `fn` with only the lines `keep` accepts printed (a re-rendered template prints
   * each of its log() lines once). Synchronous, so no other node's lines can fall into the window.
   */
  withLineFilter<T>(keep: (level: Level, text: string) => boolean, fn: () => T): T {
    const outer = this.lineFilter;
    this.lineFilter = outer ? (l, t) => outer(l, t) && keep(l, t) : keep;
    try {
      return fn();
    } finally {
      this.lineFilter = outer;
    }
  }
  emit(level: Level, text: string, data?: Record<string, unknown>): void {
    if (this.lineFilter && !this.lineFilter(level, text)) return;
    const masked = this.mask(text);
    for (const f of this.fileSinks) f(level, masked);
    if (ORDER[level] < ORDER[this.level]) return;
    if (this.format === 'json') {
      const rec = { ts: new Date().toISOString(), level, msg: masked, ...(data ?? {}) };
      this.sink.write(level, this.mask(JSON.stringify(rec)));
    } else {
      this.sink.write(level, masked);
    }
  }
  debug(text: string): void {
    this.emit('debug', text);
  }
  info(text: string, data?: Record<string, unknown>): void {
    this.emit('info', text, data);
  }
  warn(text: string): void {
    this.emit('warn', text);
  }
  error(text: string): void {
    this.emit('error', text);
  }
}

/** The process-wide console. */
export const console = new Console();

/** Capture everything printed while `fn` runs (tests, API callers that want the log as text). */
export async function captureOutput<T>(fn: () => Promise<T>): Promise<{ result: T; output: string }> {
  const lines: string[] = [];
  console.setSink({ write: (_l, t) => lines.push(t) });
  try {
    const result = await fn();
    return { result, output: lines.join('\n') };
  } finally {
    console.setSink(null);
  }
}
