// Which nodes a watch pass must rebuild: those that are new, whose code checksum or config differs from
// the previous parse, whose file (or property file) was saved, or that reach a changed macro.
import type { Manifest, ManifestNode } from '../parser/types.js';
import { stableJson } from '../graph/selector-state.js';
import { MacroReach } from '../parser/partial-parse-key.js';

/** Files whose change invalidates every node (project and connection settings, packages). */
const GLOBAL_FILES = /(^|\/)(project\.yml|dbt_project\.yml|profiles\.yml|packages\.yml|dependencies\.yml)$/;

export function changedNodeIds(prev: Manifest | undefined, cur: Manifest, changedFiles: ReadonlySet<string>): Set<string> | 'all' {
  if (!prev) return 'all';
  for (const f of changedFiles) if (GLOBAL_FILES.test(f)) return 'all';
  const macroFileChanged = [...Object.values(prev.macros), ...Object.values(cur.macros)].some((m) => changedFiles.has(m.original_file_path));
  const oldReach = macroFileChanged ? new MacroReach(prev.macros) : undefined;
  const newReach = macroFileChanged ? new MacroReach(cur.macros) : undefined;
  const out = new Set<string>();
  for (const n of Object.values(cur.nodes)) {
    const old = prev.nodes[n.unique_id];
    if (!old || differs(old, n) || changedFiles.has(n.original_file_path) || (n.patch_path && changedFiles.has(n.patch_path))) {
      out.add(n.unique_id);
    } else if (oldReach && newReach && oldReach.keyFor(old.raw_code) !== newReach.keyFor(n.raw_code)) {
      out.add(n.unique_id);
    }
  }
  return out;
}

function differs(a: ManifestNode, b: ManifestNode): boolean {
  return a.checksum.checksum !== b.checksum.checksum || stableJson(a.config) !== stableJson(b.config) || a.relation_name !== b.relation_name;
}
