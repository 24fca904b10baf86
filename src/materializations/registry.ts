// Picks the strategy for a node's materialization: one exhaustive switch that fails loudly.
import type { Strategy } from './types.js';
import { tableStrategy } from './table-strategy.js';
import { viewStrategy } from './view-strategy.js';
import { incrementalStrategy } from './incremental-strategy.js';
import { seedStrategy } from './seed-strategy.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import type { ManifestNode } from '../parser/types.js';

const extra = new Map<string, Strategy>();

/** Later stages (snapshots, external exports, custom materializations) add their strategies here. */
export function registerStrategy(s: Strategy): void {
  extra.set(s.name, s);
}

const CORE = ['view', 'table', 'incremental', 'ephemeral', 'seed'];
/** built-ins that dbt-duckdb defines with adapter='duckdb'; the others stand for dbt-core's `default` ones */
const DUCKDB_SPECIFIC = new Set(['table', 'incremental', 'external']);

/** The materializations tsdbt implements itself (Jinja ones are in user-materializations.ts). */
export function builtinMaterializations(): string[] {
  return [...new Set([...CORE, ...extra.keys()])];
}

/**
 * Which adapter a built-in counts as when a project defines a Jinja materialization of the same name,
 * as the block it stands for does in dbt-duckdb: `table` is `{% materialization table, adapter='duckdb' %}`
 * (a project's `default` table block does not replace it), `view` is dbt-core's `default` one. null
 * for a name with no built-in.
 */
export function builtinSpecificity(name: string): 'duckdb' | 'default' | null {
  if (!CORE.includes(name) && !extra.has(name)) return null;
  return DUCKDB_SPECIFIC.has(name) ? 'duckdb' : 'default';
}

export function strategyFor(node: ManifestNode): Strategy | null {
  const m = node.config.materialized;
  switch (m) {
    case 'table':
      return tableStrategy;
    case 'view':
      return viewStrategy;
    case 'incremental':
      return incrementalStrategy;
    case 'seed':
      return seedStrategy;
    case 'ephemeral':
      return null;
    default: {
      const s = extra.get(m);
      if (s) return s;
      throw new TsdbtError('P006', `no materialization '${m}' for ${node.name}`, {
        location: { file: node.original_file_path },
        hint: 'use view, table, incremental or ephemeral',
      });
    }
  }
}
