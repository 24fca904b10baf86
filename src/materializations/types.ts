// The contract between the runner and each materialization strategy.
import type { Adapter, AdapterConnection } from '../adapters/adapter.js';
import type { ManifestNode } from '../parser/types.js';
import type { RelationCache } from '../compiler/relation-cache.js';

export interface MaterializeContext {
  node: ManifestNode;
  /** the compiled SELECT (empty for seeds) */
  sql: string;
  adapter: Adapter;
  conn: AdapterConnection;
  relations: RelationCache;
  fullRefresh: boolean;
  /** rendered hooks */
  preHooks: { sql: string; transaction: boolean }[];
  postHooks: { sql: string; transaction: boolean }[];
  /** every statement sent, in order (written to target/run/) */
  executed: string[];
}

export interface MaterializeResult {
  /** dbt's adapter response code, e.g. `OK`, `INSERT 100` */
  code: string;
  rowsAffected: number | null;
  /** the verb of the console line: `created sql table model`, `loaded seed file` */
  message: string;
}

export interface Strategy {
  readonly name: string;
  run(ctx: MaterializeContext): Promise<MaterializeResult>;
}
