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
