// Remembers what each property file parsed to, keyed by its content (and, for files with Jinja, by
// the env / vars / target it was rendered with). Parsing YAML with positions is the slow part of
// loading a large project; an unchanged file is read back from memory or from a JSON file instead.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PropertyEntry, SourceEntry, UnitTestEntry } from './types.js';
import { hasJinja } from './yaml-jinja.js';
import type { YamlRenderContext } from './yaml-jinja.js';

export interface FileResult {
  entries: PropertyEntry[];
  sources: SourceEntry[];
  unitTests: UnitTestEntry[];
}

interface Stored {
  key: string;
  result: FileResult;
}

const FORMAT = 'tsdbt-property-cache-1';
const memory = new Map<string, Stored>();

export class PropertyCache {
  private readonly disk = new Map<string, Stored>();
  private dirty = false;
  private contextHash?: string;

  constructor(private readonly ctx: YamlRenderContext, private readonly file?: string) {
    if (!file) return;
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: string; files?: Record<string, Stored> };
      if (data.format === FORMAT && data.files) for (const [k, v] of Object.entries(data.files)) this.disk.set(k, v);
    } catch {
      // no cache yet, or an unreadable one: start empty
    }
  }

  /** The key of a file's text under the current render context. */
  keyOf(text: string): string {
    const h = crypto.createHash('sha1').update(text);
    if (hasJinja(text)) h.update('\0').update((this.contextHash ??= this.hashContext()));
    return h.digest('base64');
  }

  get(abs: string, key: string): FileResult | undefined {
    const fromDisk = this.disk.get(abs);
    if (fromDisk?.key === key) return fromDisk.result;
    const hit = memory.get(abs);
    if (hit?.key !== key) return undefined;
    if (this.file) {
      this.disk.set(abs, hit);
      this.dirty = true;
    }
    // callers may change what they get: never hand out the remembered objects themselves
    return structuredClone(hit.result);
  }

  set(abs: string, key: string, result: FileResult): void {
    const stored = { key, result };
    memory.set(abs, stored);
    if (this.file) {
      this.disk.set(abs, stored);
      this.dirty = true;
    }
  }

  /** Write the disk cache if anything changed; a failure to write only costs speed next time. */
  save(): void {
    if (!this.file || !this.dirty) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(this.file, JSON.stringify({ format: FORMAT, files: Object.fromEntries(this.disk) }));
    } catch {
      // read-only project folder: keep going without a cache
    }
  }

  private hashContext(): string {
    return crypto.createHash('sha1').update(JSON.stringify([this.ctx.env, this.ctx.vars, this.ctx.target ?? null])).digest('base64');
  }
}
