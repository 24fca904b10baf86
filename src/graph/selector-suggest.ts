// Did-you-mean hints for selectors that matched nothing: candidates come from whatever the
// selector's method looks at (node names, tags, source names, paths, ...).
import { didYouMean } from '../errors/suggest.js';
import type { GraphMember } from '../parser/types.js';
import type { ProjectGraph } from './dag.js';
import { fnmatch, hasWildcard } from './glob.js';
import { fqnMatcher } from './selector-fqn.js';
import type { SelectionCriteria, SelectionSet, SelectionSpec } from './selector-spec.js';

function candidates(members: Iterable<GraphMember>, c: SelectionCriteria): string[] {
  const out = new Set<string>();
  for (const m of members) {
    const isSource = m.resource_type === 'source';
    switch (c.method) {
      case 'fqn':
        if (!isSource) out.add(m.name);
        break;
      case 'tag':
        (m.tags ?? []).forEach((t) => out.add(t));
        break;
      case 'source':
        if (m.resource_type === 'source') {
          out.add(m.source_name);
          out.add(`${m.source_name}.${m.name}`);
        }
        break;
      case 'package':
        out.add(m.package_name);
        break;
      case 'path': {
        const parts = m.original_file_path.split('/');
        for (let n = 1; n <= parts.length; n++) out.add(parts.slice(0, n).join('/'));
        break;
      }
      case 'file':
        out.add(m.original_file_path.slice(m.original_file_path.lastIndexOf('/') + 1));
        break;
      case 'test_name':
        if (!isSource && m.test_metadata) out.add(m.test_metadata.name);
        break;
      case 'group':
        if (typeof m.config?.group === 'string') out.add(m.config.group);
        break;
      default:
        break;
    }
  }
  return [...out];
}

function criteriaOf(spec: SelectionSpec): SelectionCriteria[] {
  return spec.kind === 'criteria' ? [spec] : spec.components.flatMap(criteriaOf);
}

/** A hint for an unmatched `--select` word, or undefined when there is nothing useful to say. */
export function unmatchedHint(graph: ProjectGraph, spec: SelectionSet, matched: Map<SelectionCriteria, number>): string | undefined {
  const parts = criteriaOf(spec);
  const empty = parts.find((c) => matched.get(c) === 0);
  if (!empty) {
    return parts.length > 1 ? 'each comma-separated part matches some nodes, but no node matches all of them (commas intersect; use spaces for a union)' : undefined;
  }
  const members = [...graph.members.values()];
  if (empty.method === 'fqn' && hasWildcard(empty.value)) {
    // dbt matches wildcards against the whole fqn, so `stg_*` misses models inside folders.
    const wider = `*.${empty.value}`;
    const match = fqnMatcher(wider);
    const hits = members.some((m) => m.resource_type !== 'source' && match(m.fqn));
    if (hits) return `wildcards match the fully qualified name (folders included); did you mean \`${wider}\`?`;
    return undefined;
  }
  const disabled = empty.method === 'fqn' ? graph.manifest.disabled?.[empty.value]?.[0] : undefined;
  if (disabled) return `\`${empty.value}\` is disabled (enabled: false) in ${disabled.original_file_path}`;
  const pool = candidates(members, empty);
  const value = empty.method === 'fqn' ? (empty.value.split('.').pop() ?? empty.value) : empty.value;
  const near = didYouMean(value, pool);
  if (near) return near;
  if (empty.method === 'tag' && pool.length > 0 && !pool.some((t) => fnmatch(t, empty.value))) {
    return `known tags: ${pool.sort().slice(0, 10).join(', ')}`;
  }
  return undefined;
}
