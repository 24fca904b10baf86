// Reads the model files of a large parse on a helper thread while the main thread loads macros and
// property files: reading 10,000 small files costs the main thread 0.15-0.4 s of system calls on this
// kind of machine, time it can spend parsing instead. The parse stays synchronous: the contents are
// picked up with receiveMessageOnPort, and a file not read yet (or not readable) is read by the caller.
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** files per message from the helper */
const BATCH = 256;

// plain JavaScript run with eval: no module to resolve, so it also works when tsdbt runs from its sources
const SOURCE = `
const { workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { paths, port, control } = workerData;
const stop = new Int32Array(control);
let texts = [];
let start = 0;
for (let i = 0; i < paths.length && Atomics.load(stop, 0) === 0; i++) {
  let text = null;
  try { text = readFileSync(paths[i], 'utf8'); } catch {}
  texts.push(text);
  if (texts.length === ${BATCH} || i === paths.length - 1) {
    port.postMessage({ start, texts });
    start = i + 1;
    texts = [];
  }
}
port.close();`;

/** Below this many files the thread's start (~30 ms of the other core) is not worth it. */
const MIN_FILES = 2000;

export class FilePrefetch {
  private readonly index = new Map<string, number>();
  private readonly texts: (string | null | undefined)[];
  private readonly port: MessagePort;
  private readonly stop: Int32Array;
  private readonly worker: Worker;

  private constructor(paths: string[]) {
    paths.forEach((p, i) => this.index.set(p, i));
    this.texts = new Array<string | null | undefined>(paths.length);
    const control = new SharedArrayBuffer(4);
    this.stop = new Int32Array(control);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(SOURCE, { eval: true, workerData: { paths, port: port2, control }, transferList: [port2] });
    this.worker.unref();
    this.worker.on('error', () => undefined); // the caller reads what never arrives
  }

  /** A prefetch of `paths` (absolute), or null when there are too few to be worth a thread. */
  static start(paths: string[]): FilePrefetch | null {
    if (paths.length < MIN_FILES || process.env.TSDBT_PREFETCH === '0') return null;
    return new FilePrefetch(paths);
  }

  /** The contents of `path` if the helper has read it; undefined: read it yourself (and see its error). */
  take(path: string): string | undefined {
    const i = this.index.get(path);
    if (i === undefined) return undefined;
    if (this.texts[i] === undefined) this.drain();
    const text = this.texts[i];
    this.texts[i] = null; // taken: the memory goes with the caller's copy
    return text ?? undefined;
  }

  /** Stop reading and let the thread go (files not taken are read by the caller). */
  close(): void {
    Atomics.store(this.stop, 0, 1);
    this.port.close();
    void this.worker.terminate();
  }

  private drain(): void {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const { start, texts } = m.message as { start: number; texts: (string | null)[] };
      for (let k = 0; k < texts.length; k++) if (this.texts[start + k] === undefined) this.texts[start + k] = texts[k];
    }
  }
}
