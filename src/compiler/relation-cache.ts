// What exists in the database right now, read once per run and kept current by materializations, so
// is_incremental() and the swap logic never ask the catalog per node.
import type { Adapter, AdapterConnection, RelationInfo } from '../adapters/adapter.js';

export class RelationCache {
  private readonly map = new Map<string, RelationInfo>();

  static async load(adapter: Adapter, conn: AdapterConnection): Promise<RelationCache> {
    const c = new RelationCache();
    for (const r of await adapter.listRelations(conn)) c.set(r);
    return c;
  }

  private key(schema: string, name: string): string {
    return `${schema.toLowerCase()}.${name.toLowerCase()}`;
  }

  get(schema: string, name: string): RelationInfo | undefined {
    return this.map.get(this.key(schema, name));
  }

  set(r: RelationInfo): void {
    this.map.set(this.key(r.schema, r.name), r);
  }

  delete(schema: string, name: string): void {
    this.map.delete(this.key(schema, name));
  }

  schemas(): Set<string> {
    return new Set([...this.map.values()].map((r) => r.schema.toLowerCase()));
  }
}
