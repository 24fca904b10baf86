// Helpers of the benchmark runner: run a script in a fresh Node process and read the JSON it prints
// last, medians over several runs, and number formatting for RESULTS.md.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const BENCH = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(BENCH, '..');
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

/** Run `bench/<script>` with args in a new process; returns the JSON object of its last output line. */
export function runScript(script, args, { cwd = ROOT, env } = {}) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', join(BENCH, script), ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, FORCE_COLOR: '0', ...env },
  });
  const lines = (r.stdout ?? '').trim().split('\n');
  try {
    return JSON.parse(lines[lines.length - 1]);
  } catch {
    throw new Error(`bench/${script} ${args.join(' ')} failed (exit ${r.status}):\n${(r.stdout ?? '').slice(-2000)}\n${(r.stderr ?? '').slice(-2000)}`);
  }
}

/** A tsdbt CLI command in a fresh process: { code, wallMs, cpuMs, maxRssMb }. */
export function tsdbt(args, opts) {
  const r = runScript('child.js', args, opts);
  if (r.code !== 0) throw new Error(`tsdbt ${args.join(' ')} exited ${r.code}`);
  return r;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs `once()` RUNS times (after `before()` each time) and returns the median of each field. */
export function repeat(once, before = () => undefined) {
  const all = [];
  for (let i = 0; i < RUNS; i++) {
    before(i);
    all.push(once(i));
  }
  const out = {};
  for (const k of Object.keys(all[0])) if (typeof all[0][k] === 'number') out[k] = median(all.map((r) => r[k]));
  out.runs = all.length;
  return out;
}

/**
 * Runs several measurements RUNS times, interleaved (a, b, c, a, b, c, ...), so that a machine getting
 * faster or slower over minutes weighs on all of them alike. Returns each one's medians, as repeat() does,
 * plus `all`: every run's figures in order.
 */
export function repeatInterleaved(cases) {
  const all = cases.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    cases.forEach((c, k) => {
      (c.before ?? (() => undefined))(i);
      all[k].push(c.once(i));
    });
  }
  return all.map((runs) => {
    const out = { all: runs, runs: runs.length };
    for (const k of Object.keys(runs[0])) if (typeof runs[0][k] === 'number') out[k] = median(runs.map((r) => r[k]));
    return out;
  });
}

export const ms = (x) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);
export const mb = (x) => `${Math.round(x)} MB`;
export const verdict = (ok) => (ok ? 'met' : '**not met**');
