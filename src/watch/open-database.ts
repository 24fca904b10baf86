// The database watch mode keeps open between passes: opening DuckDB (and closing it, which checkpoints)
// costs more than a one-model pass, and so does listing its catalog. Reopened when a re-parse points the
// target somewhere else.
import type { Adapter } from '../adapters/adapter.js';
import type { ParsedProject } from '../parser/project-parser.js';
import { withAdapter } from '../api/session.js';
import { RelationCache } from '../compiler/relation-cache.js';
import { dropLeftovers } from '../reliability/leftovers.js';

export class OpenDatabase {
  private key: string | undefined;
  private adapter: Adapter | undefined;
  private release: (() => void) | undefined;
  private held: Promise<unknown> | undefined;
  private relations: RelationCache | undefined;

  /** The adapter for `project`'s target, opened on first use. */
  async for(project: ParsedProject): Promise<Adapter> {
    const key = JSON.stringify(project.config.target);
    if (this.adapter && this.key === key) return this.adapter;
    await this.close();
    // withAdapter owns opening and closing: hold its callback open until close()
    let got!: (a: Adapter) => void;
    const opened = new Promise<Adapter>((r) => (got = r));
    this.held = withAdapter(project, (a) => {
      got(a);
      return new Promise<void>((r) => (this.release = r));
    });
    const adapter = await Promise.race([opened, this.held.then(() => undefined as never)]);
    this.adapter = adapter;
    this.key = key;
    return adapter;
  }

  /**
   * The catalog as the last clean pass left it (its materializations keep the cache current), listed
   * afresh after a failed pass, on a new database, or every pass when on-run-start / on-run-end hooks
   * may change relations behind the cache.
   */
  async takeRelations(project: ParsedProject): Promise<RelationCache | undefined> {
    const { onRunStart, onRunEnd } = project.config.project;
    if (onRunStart.length || onRunEnd.length) return undefined;
    // taken, not shared: until the pass is known to be clean (keepRelations), the next one lists afresh
    const kept = this.relations;
    this.relations = undefined;
    if (kept) return kept;
    const adapter = await this.for(project);
    const conn = await adapter.connect();
    try {
      await dropLeftovers(adapter, conn);
      return await RelationCache.load(adapter, conn);
    } finally {
      conn.close();
    }
  }

  /** After a pass that succeeded: its cache is the catalog (a failed pass may have rolled back past it). */
  keepRelations(r: RelationCache): void {
    this.relations = r;
  }

  /** The next pass lists the catalog again. */
  forgetRelations(): void {
    this.relations = undefined;
  }

  async close(): Promise<void> {
    const held = this.held;
    this.release?.();
    this.adapter = this.key = this.release = this.held = this.relations = undefined;
    await held?.catch(() => undefined);
  }
}
