// Partial parsing: what each SQL file's parse-time render produced (refs, sources, config() calls,
// env vars read), kept in target/partial_parse.json and keyed by everything the render can see, so an
// unchanged file is neither re-rendered nor re-compiled. A miss only costs a render: never stale.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { CompiledTemplate, Scope } from '../templating/environment.js';
import type { MacroDefinition, RefCall } from './types.js';
import { MacroReach, globalKey, hashOf } from './partial-parse-key.js';
import { stableJson } from '../graph/selector-state.js';
import { TSDBT_VERSION } from '../artifacts/write-artifacts.js';

export interface RenderMemo {
  refs: RefCall[];
  sources: [string, string][];
  config: Record<string, unknown>;
  /** env vars the render read: name -> value (null: unset) */
  env: Record<string, string | null>;
  /** the macros the template called directly (depends_on.macros) */
  macros: string[];
}

interface Stored extends RenderMemo {
  key: string;
}

const FORMAT = 'tsdbt-partial-parse-2';
// values that differ on every invocation: a file reading them at parse time is always re-rendered
export const VOLATILE = /\b(run_started_at|invocation_id|modules|thread_id)\b/;

export interface PartialParseOptions {
  /** the cache file; none keeps the cache in memory for this parse only */
  file?: string;
  config: ResolvedConfig;
  macros: Record<string, MacroDefinition>;
  envRead: Map<string, string | undefined>;
  version?: string;
}

export class PartialParse {
  readonly stats = { hits: 0, misses: 0 };
  private readonly stored = new Map<string, Stored>();
  /** whether a render was stored this parse (else `next` holds only entries read from the file) */
  private changed = false;
  private readonly next = new Map<string, Stored>();
  private readonly global: string;
  private readonly reach: MacroReach;

  constructor(private readonly o: PartialParseOptions) {
    this.global = globalKey(o.config, o.version ?? TSDBT_VERSION);
    this.reach = new MacroReach(o.macros);
    if (!o.file) return;
    try {
      const data = JSON.parse(readFileSync(o.file, 'utf8')) as { format?: string; global?: string; files?: Record<string, Stored> };
      if (data.format === FORMAT && data.global === this.global && data.files) for (const [k, v] of Object.entries(data.files)) this.stored.set(k, v);
    } catch {
      // no cache yet (or an unreadable one): everything renders
    }
  }

  /** The key of one file's render; `extra` holds what the caller layers into it (YAML entry, folder config). */
  keyFor(raw: string, extra: unknown): string | undefined {
    if (VOLATILE.test(raw)) return undefined;
    // plain JSON: the same inputs serialize the same way, and a different key order only costs a render
    return hashOf(raw, this.reach.keyFor(raw), JSON.stringify(extra) ?? '');
  }

  /** The remembered render of `path`, if its key matches and every env var it read still has its value. */
  lookup(path: string, key: string | undefined): RenderMemo | undefined {
    if (!key) return undefined;
    const s = this.stored.get(path);
    if (!s || s.key !== key) return this.miss();
    for (const [name, value] of Object.entries(s.env)) if ((process.env[name] ?? null) !== value) return this.miss();
    for (const [name, value] of Object.entries(s.env)) this.o.envRead.set(name, value ?? undefined);
    this.next.set(path, s);
    this.stats.hits++;
    // the caller layers this into a node's config: the remembered copy must stay as it was
    return structuredClone(s);
  }

  /** Run a render, returning the env vars it read (the project-wide record keeps them too). */
  trackEnv(render: () => void): Record<string, string | null> {
    const before = new Map(this.o.envRead);
    this.o.envRead.clear();
    try {
      render();
      return Object.fromEntries([...this.o.envRead].map(([k, v]) => [k, v ?? null]));
    } finally {
      for (const [k, v] of before) if (!this.o.envRead.has(k)) this.o.envRead.set(k, v);
    }
  }

  store(path: string, key: string | undefined, memo: RenderMemo): void {
    if (!key) return;
    let config: Record<string, unknown> = {};
    // most files call config() with nothing or not at all: no JSON round trip for them
    for (const _ in memo.config) {
      // a config() value JSON cannot carry (a function, a relation object) is not remembered
      const json = stableJson(memo.config);
      if (stableJson(JSON.parse(json)) !== json) return;
      config = JSON.parse(json) as Record<string, unknown>;
      break;
    }
    this.next.set(path, { key, refs: memo.refs, sources: memo.sources, config, env: memo.env, macros: memo.macros });
    this.changed = true;
  }

  /** Files not looked up or stored this time (deleted, renamed) are dropped. */
  save(): void {
    // every file a hit and none gone: the file on disk already says all of it
    if (!this.o.file || (!this.changed && this.next.size === this.stored.size)) return;
    try {
      mkdirSync(dirname(this.o.file), { recursive: true });
      const tmp = `${this.o.file}.tmp`;
      writeFileSync(tmp, JSON.stringify({ format: FORMAT, global: this.global, files: Object.fromEntries(this.next) }));
      renameSync(tmp, this.o.file);
    } catch {
      // a read-only target folder only costs speed next time
    }
  }

  private miss(): undefined {
    this.stats.misses++;
    return undefined;
  }
}

/** A template compiled on its first render: an unchanged file that is never run is never compiled. */
export function lazyTemplate(path: string, compile: () => CompiledTemplate): CompiledTemplate {
  let t: CompiledTemplate | undefined;
  return { path, render: (scope: Scope) => (t ??= compile()).render(scope) };
}
