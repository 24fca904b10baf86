// Turns each node's recorded ref() and source() calls into dependency edges, with dbt's messages for
// what does not resolve: the file and line of the call and the closest existing names.
import type { Manifest, ManifestNode, RefCall, SourceDefinition } from './types.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { didYouMean } from '../errors/suggest.js';

export interface RefIndex {
  /** name -> nodes of that name (models, seeds, snapshots) across packages */
  byName: Map<string, ManifestNode[]>;
  sources: Map<string, SourceDefinition>;
}

export function buildRefIndex(manifest: Manifest): RefIndex {
  const byName = new Map<string, ManifestNode[]>();
  for (const n of Object.values(manifest.nodes)) {
    if (n.resource_type !== 'model' && n.resource_type !== 'seed' && n.resource_type !== 'snapshot') continue;
    const list = byName.get(n.name) ?? [];
    list.push(n);
    byName.set(n.name, list);
  }
  const sources = new Map<string, SourceDefinition>();
  for (const s of Object.values(manifest.sources)) sources.set(`${s.source_name}.${s.name}`, s);
  return { byName, sources };
}

/** Where in the raw file a call names `name` (for the error message only). */
export function locateCall(raw: string, fn: string, name: string): { line: number; column: number } | undefined {
  const re = new RegExp(`\\b${fn}\\s*\\(([^)]*?)['"]${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]`);
  const m = re.exec(raw);
  if (!m) return undefined;
  const before = raw.slice(0, m.index);
  const line = before.split('\n').length;
  return { line, column: m.index - before.lastIndexOf('\n') };
}

export function resolveRef(index: RefIndex, node: ManifestNode, call: RefCall, disabled: Set<string>): ManifestNode | TsdbtError {
  const candidates = (index.byName.get(call.name) ?? []).filter((n) => call.package === null || n.package_name === call.package);
  // dbt prefers the node in the calling node's own package, then the root project
  const found = candidates.find((n) => n.package_name === node.package_name) ?? candidates[0];
  if (found) return found;
  const loc = locateCall(node.raw_code, 'ref', call.name);
  const what = call.package ? `'${call.package}.${call.name}'` : `'${call.name}'`;
  if (disabled.has(call.name)) {
    return new TsdbtError('P002', `${node.resource_type} '${node.name}' depends on ${what}, which is disabled`, {
      location: { file: node.original_file_path, ...loc },
      hint: `enable ${call.name} (config enabled: true) or remove the ref`,
    });
  }
  return new TsdbtError('P002', `${node.resource_type} '${node.name}' depends on a node named ${what} which was not found`, {
    location: { file: node.original_file_path, ...loc },
    hint: didYouMean(call.name, index.byName.keys()) ?? 'check the name of the model or seed you meant to ref()',
  });
}

export function resolveSource(index: RefIndex, node: ManifestNode, [s, t]: [string, string]): SourceDefinition | TsdbtError {
  const found = index.sources.get(`${s}.${t}`);
  if (found) return found;
  const loc = locateCall(node.raw_code, 'source', t) ?? locateCall(node.raw_code, 'source', s);
  return new TsdbtError('P003', `${node.resource_type} '${node.name}' depends on a source named '${s}.${t}' which was not found`, {
    location: { file: node.original_file_path, ...loc },
    hint: didYouMean(`${s}.${t}`, index.sources.keys()) ?? 'declare it under `sources:` in a .yml file in models/',
  });
}

/** Fill depends_on.nodes for every node; collect every error. */
export function resolveDependencies(manifest: Manifest, errors: TsdbtError[]): void {
  const index = buildRefIndex(manifest);
  const disabled = new Set(Object.keys(manifest.disabled));
  for (const node of Object.values(manifest.nodes)) {
    const deps: string[] = [];
    for (const call of node.refs) {
      const r = resolveRef(index, node, call, disabled);
      if (r instanceof TsdbtError) errors.push(r);
      else if (r.unique_id !== node.unique_id) deps.push(r.unique_id);
      else errors.push(new TsdbtError('G001', `${node.name} refers to itself`, { location: { file: node.original_file_path, ...locateCall(node.raw_code, 'ref', call.name) }, hint: 'a model cannot ref() itself; use {{ this }} for the model\'s own relation' }));
    }
    for (const src of node.sources) {
      const r = resolveSource(index, node, src);
      if (r instanceof TsdbtError) errors.push(r);
      else deps.push(r.unique_id);
    }
    const prev = node.depends_on.nodes;
    // most nodes name each parent once and had none recorded before: no merge needed
    node.depends_on.nodes = prev.length === 0 && deps.length < 2 ? deps : [...new Set([...prev, ...deps])];
  }
}
