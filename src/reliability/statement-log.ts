// Every statement sent to the database goes to the debug log with its connection, timing and error,
// so a post-mortem can replay what a run did (`logs/tsdbt.log`, or the console at --log-level debug).
import { console as out } from '../console/console.js';

// a 1 MB model would make the log unreadable and slow; the head is what a post-mortem needs
const MAX_LOGGED = 20_000;
let nextConn = 0;

export function connectionId(): number {
  return ++nextConn;
}

function shown(sql: string): string {
  const s = sql.trim();
  return s.length > MAX_LOGGED ? `${s.slice(0, MAX_LOGGED)}\n... (${s.length - MAX_LOGGED} more characters)` : s;
}

/** Run `fn` (one statement on connection `conn`) and log it with its duration, or its error. */
export async function logged<T>(conn: number, sql: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    const r = await fn();
    out.emit('debug', `[conn ${conn}] sql (${(performance.now() - t0).toFixed(1)} ms): ${shown(sql)}`, { conn, ms: Math.round(performance.now() - t0) });
    return r;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    out.emit('debug', `[conn ${conn}] sql failed after ${(performance.now() - t0).toFixed(1)} ms: ${msg.trim()}\n${shown(sql)}`, { conn, ms: Math.round(performance.now() - t0), error: msg });
    throw e;
  }
}
