// Runs the real `tsdbt` command in a child process (for SIGKILL, SIGINT and lock tests). The CLI is
// compiled once per test process into a private folder, so another engineer rebuilding dist/ at the
// same moment cannot swap files under a running test.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = join(ROOT, '.tsdbt', `rel-dist-${process.pid}`);
const ENTRY = join(OUT, 'entry.mjs');

/** Compile src/ with tsc once for this test process; returns the entry script to run with node. */
export function ensureCli(): string {
  if (existsSync(ENTRY)) return ENTRY;
  try {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', ROOT, '--outDir', OUT], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // type errors elsewhere in the tree still emit JavaScript; only a missing entry point is fatal
  }
  if (!existsSync(join(OUT, 'cli', 'main.js'))) throw new Error(`tsc did not emit ${OUT}/cli/main.js`);
  // the docs stage finds its static assets next to its module, or at ../../src/docs/site from dist/
  if (!existsSync(join(OUT, 'docs', 'site'))) symlinkSync(join(ROOT, 'src', 'docs', 'site'), join(OUT, 'docs', 'site'));
  writeFileSync(ENTRY, `import { main } from './cli/main.js';\nmain(process.argv.slice(2)).then((code) => { process.exitCode = code; });\n`);
  return ENTRY;
}

export function cleanupCli(): void {
  rmSync(OUT, { recursive: true, force: true });
}

export interface Spawned {
  child: ChildProcess;
  /** everything printed so far (stdout and stderr interleaved) */
  output(): string;
  /** resolves when the process has exited: its exit code (null when killed by a signal) and duration */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; output: string }>;
  /** resolves once `text` has been printed */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
}

// children still running when the test process ends (a failed test) must not keep querying
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of running) c.kill('SIGKILL');
});

export function spawnCli(args: string[], env: Record<string, string> = {}): Spawned {
  const started = performance.now();
  const child = spawn(process.execPath, [ensureCli(), ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let text = '';
  const listeners: (() => void)[] = [];
  const onData = (d: Buffer) => {
    text += d.toString();
    for (const l of [...listeners]) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; output: string }>((res) => {
    child.on('close', (code, signal) => res({ code, signal, ms: performance.now() - started, output: text }));
  });
  const waitFor = (pattern: string | RegExp, timeoutMs = 30_000) =>
    new Promise<void>((res, rej) => {
      const hit = () => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
      if (hit()) return res();
      const timer = setTimeout(() => rej(new Error(`timed out waiting for ${pattern}; output:\n${text}`)), timeoutMs);
      const check = () => {
        if (!hit()) return;
        clearTimeout(timer);
        listeners.splice(listeners.indexOf(check), 1);
        res();
      };
      listeners.push(check);
      void done.then(() => {
        if (!hit()) {
          clearTimeout(timer);
          rej(new Error(`process exited before printing ${pattern}; output:\n${text}`));
        }
      });
    });
  return { child, output: () => text, done, waitFor };
}

/** Run the CLI to completion. */
export async function runCli(args: string[], env: Record<string, string> = {}) {
  return spawnCli(args, env).done;
}
