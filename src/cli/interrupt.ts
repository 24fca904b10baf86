// Ctrl-C: the first SIGINT asks the run to stop (running queries are interrupted, results are
// written, exit 130); a second one exits at once.
import { flushOutput } from '../console/console.js';

let controller: AbortController | null = null;

export function interruptSignal(): AbortSignal {
  if (!controller) {
    controller = new AbortController();
    const c = controller;
    process.on('SIGINT', () => {
      if (c.signal.aborted) process.exit(130);
      flushOutput();
      process.stderr.write('\nInterrupted: cancelling running queries (press Ctrl-C again to exit at once)\n');
      c.abort();
    });
    process.on('SIGTERM', () => c.abort());
  }
  return controller.signal;
}
