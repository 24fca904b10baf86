// The parse-time scope of a node: ref() and source() record the dependency and return a placeholder
// relation, config() collects in-file config over the layered config (render once, never regex).
import type { TargetConfig } from '../config/types.js';
import type { ManifestNode, RefCall } from './types.js';
import { mergeConfigs } from '../config/folder-config.js';
import { nodeScope } from '../templating/node-scope.js';
import { Relation } from '../templating/relation.js';

export interface Recorded {
  refs: RefCall[];
  sources: [string, string][];
  /** what the template passed to config(), merged */
  fileConfig: Record<string, unknown>;
}

export function recordingScope(base: Record<string, unknown>, node: ManifestNode, target: TargetConfig, layered: Record<string, unknown>): { scope: Record<string, unknown>; recorded: Recorded } {
  const recorded: Recorded = { refs: [], sources: [], fileConfig: {} };
  const scope = nodeScope(base, node, new Relation(target.database, target.schema, node.name), {
    ref: (call) => {
      recorded.refs.push(call);
      return new Relation(target.database, target.schema, call.name);
    },
    source: (s, t) => {
      recorded.sources.push([s, t]);
      return new Relation(target.database, s, t);
    },
    config: (values) => {
      recorded.fileConfig = mergeConfigs(recorded.fileConfig, values);
    },
    configValue: (key) => mergeConfigs(layered, recorded.fileConfig)[key],
    isIncremental: () => false,
    execute: false,
  });
  return { scope, recorded };
}

export function dedupeRefs(refs: RefCall[]): RefCall[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.package ?? ''}.${r.name}.${r.version ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function dedupeSources(list: [string, string][]): [string, string][] {
  const seen = new Set<string>();
  return list.filter(([s, t]) => {
    const k = `${s}.${t}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
