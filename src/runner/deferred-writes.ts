// Writes the per-node record files (target/run, tests' target/compiled) on a worker thread, instead of
// blocking the only JS thread on ~5,000 writes in a 1,000-model build; a file that holds its text
// already is left alone. They are held in memory (up to HOLD_BYTES) and written when the nodes have
// run, while DuckDB checkpoints: writing them during the run took CPU from the statements on a 2-core
// machine. flushWrites() waits for every one of them.
import { Worker } from 'node:worker_threads';
import { dirname } from 'node:path';
import { writeTargetFile } from '../artifacts/target-files.js';
import { maskForFile } from '../reliability/secret-files.js';
import { console as out } from '../console/console.js';

type File = [path: string, text: string];

// writes each file of a batch unless it holds that text already (as writeIfChanged in target-files.ts:
// a rebuild's files mostly do), answers with the ones it could not write (the main thread retries them)
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { readFileSync, writeFileSync } = require('node:fs');
const same = (path, text) => { try { return readFileSync(path, 'utf8') === text; } catch { return false; } };
parentPort.on('message', (files) => {
  const failed = [];
  for (const f of files) {
    try { if (!same(f[0], f[1])) writeFileSync(f[0], f[1]); } catch { failed.push(f); }
  }
  parentPort.postMessage(failed);
});`;

// a small run writes its few files itself: starting a thread (~30 ms) only pays off for many
const WORKER_AFTER = 256;
const BATCH = 512;
// more than this held back is written at once (a project whose SQL is large must not fill memory)
const HOLD_BYTES = 64 * 1024 * 1024;
let held = 0;

let worker: Worker | null = null;
const inFlight: File[][] = [];
let waiting: (() => void)[] = [];
let queue: File[] = [];
// folders this process has written into: the first write per folder goes through writeTargetFile,
// which makes the folder (or removes a stale file standing where it must go)
const ready = new Set<string>();

function writeNow(path: string, text: string): void {
  try {
    writeTargetFile(path, text);
  } catch (e) {
    // these files are a record for people; failing to write one must not fail (or hang) the run
    out.warn(`could not write ${path}: ${(e as Error).message}`);
  }
}

function settled(): void {
  if (inFlight.length) return;
  worker?.unref();
  const ws = waiting;
  waiting = [];
  for (const w of ws) w();
}

function startWorker(): Worker {
  const w = new Worker(WORKER_SOURCE, { eval: true });
  w.on('message', (failed: File[]) => {
    inFlight.shift();
    // the folder went away since (`clean`, another run in this process): the sync path remakes it
    for (const [p, t] of failed) writeNow(p, t);
    settled();
  });
  w.on('error', () => {
    // the thread died: write what it still held here, and write the rest here from now on
    worker = null;
    for (const batch of inFlight.splice(0)) for (const [p, t] of batch) writeNow(p, t);
    settled();
  });
  return w;
}

function post(files: File[]): void {
  worker ??= startWorker();
  worker.ref();
  inFlight.push(files);
  worker.postMessage(files);
}

/** Write a target file without waiting for it; `flushWrites()` waits for all of them. */
export function writeLater(path: string, text: string): void {
  const dir = dirname(path);
  if (!ready.has(dir)) {
    writeNow(path, text);
    ready.add(dir);
    return;
  }
  const masked = maskForFile(text);
  queue.push([path, masked]);
  held += masked.length;
  if (held >= HOLD_BYTES) postQueue();
}

// files whose path and text are made only when the writes are flushed (the run SQL of each node: the
// join and the path cost ~20 µs per node between two statements); made earlier past this many
const LAZY_MAX = 20_000;
let lazy: (() => File)[] = [];

/** Like writeLater, but `make` gives the path and text when the writes are flushed, off the hot path. */
export function writeLaterLazily(make: () => File): void {
  lazy.push(make);
  if (lazy.length >= LAZY_MAX) makeLazy();
}

function makeLazy(): void {
  const made = lazy;
  lazy = [];
  for (const m of made) {
    const [path, text] = m();
    writeLater(path, text);
  }
}

/** Hand every held file to the worker, in batches. */
function postQueue(): void {
  for (let i = 0; i < queue.length; i += BATCH) post(queue.slice(i, i + BATCH));
  queue = [];
  held = 0;
}

/** Write every held file and wait until every write started by writeLater has finished. */
export async function flushWrites(): Promise<void> {
  makeLazy();
  if (queue.length >= WORKER_AFTER || (queue.length && worker)) postQueue();
  else {
    const rest = queue;
    queue = [];
    held = 0;
    for (const [p, t] of rest) writeNow(p, t);
  }
  if (inFlight.length) await new Promise<void>((res) => waiting.push(res));
}
