// Turns bursts of file events into passes: events within `quietMs` of each other make one pass, and
// events arriving while a pass runs queue exactly one more pass (with all the files saved meanwhile).

export type PassFn = (files: Set<string>) => Promise<void>;

export class PassScheduler {
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly pass: PassFn, private readonly quietMs: number) {}

  /** A file was saved (project-relative path). */
  touch(file: string): void {
    if (this.stopped) return;
    this.pending.add(file);
    if (this.running) return; // picked up when the running pass ends
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.quietMs);
  }

  /** Resolves when no pass is running or scheduled. */
  async idle(): Promise<void> {
    while (this.running || this.timer) {
      if (this.running) await this.running;
      else await new Promise((r) => setTimeout(r, this.quietMs));
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    if (this.stopped || this.running || this.pending.size === 0) return;
    const files = this.pending;
    this.pending = new Set();
    this.running = this.pass(files).finally(() => {
      this.running = undefined;
      // saves made during the pass: one more pass, after the usual quiet period
      if (this.pending.size && !this.stopped) this.timer = setTimeout(() => void this.flush(), this.quietMs);
    });
    await this.running;
  }
}
