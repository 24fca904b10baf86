// `state:` selection (slim CI): compares each member with the same unique_id in a previous manifest
// (`--state`), as dbt does: new, old, modified (body, configs, relation, persisted descriptions, macros).
import { TsdbtError } from '../errors/tsdbt-error.js';
import type { GraphMember, Manifest, ManifestNode, SourceDefinition } from '../parser/types.js';
import type { MethodContext } from './selector-methods.js';

type Old = GraphMember | undefined;
type Check = (old: Old, cur: GraphMember) => boolean;

/** JSON with sorted keys, so that configs equal as data compare equal as strings. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const same = (a: unknown, b: unknown): boolean => stableJson(a) === stableJson(b);
const isSource = (m: GraphMember): m is SourceDefinition => m.resource_type === 'source';

const sameBody = (old: GraphMember, cur: GraphMember): boolean =>
  isSource(cur) || isSource(old) || (old as ManifestNode).checksum?.checksum === cur.checksum?.checksum;

const sameConfig = (old: GraphMember, cur: GraphMember): boolean => same(old.config, cur.config);

function sameRelation(old: GraphMember, cur: GraphMember): boolean {
  if (isSource(cur) && isSource(old)) {
    return cur.database === old.database && cur.schema === old.schema && cur.identifier === old.identifier;
  }
  const keys = ['database', 'schema', 'alias'] as const;
  return keys.every((k) => same(old.config?.[k] ?? null, cur.config?.[k] ?? null));
}

function samePersistedDescriptions(old: GraphMember, cur: GraphMember): boolean {
  const persist = (cur.config?.persist_docs ?? {}) as { relation?: boolean; columns?: boolean };
  if (persist.relation && old.description !== cur.description) return false;
  const descs = (m: GraphMember): Record<string, string> =>
    Object.fromEntries(Object.entries(m.columns ?? {}).map(([k, c]) => [k, c.description]));
  return !persist.columns || same(descs(old), descs(cur));
}

function sameSourceProperties(old: GraphMember, cur: GraphMember): boolean {
  if (!isSource(cur) || !isSource(old)) return true;
  return (
    cur.loaded_at_field === old.loaded_at_field &&
    same(cur.freshness, old.freshness) &&
    (cur.external_location ?? null) === (old.external_location ?? null)
  );
}

/** Macros whose SQL changed, appeared or disappeared between the two manifests. */
function changedMacros(cur: Manifest, old: Manifest): Set<string> {
  const out = new Set<string>();
  for (const [id, m] of Object.entries(cur.macros ?? {})) if (old.macros?.[id]?.macro_sql !== m.macro_sql) out.add(id);
  for (const id of Object.keys(old.macros ?? {})) if (!cur.macros?.[id]) out.add(id);
  return out;
}

function macroChecker(cur: Manifest, old: Manifest): (m: GraphMember) => boolean {
  const changed = changedMacros(cur, old);
  const memo = new Map<string, boolean>();
  const dirty = (id: string, path: Set<string>): boolean => {
    if (changed.has(id)) return true;
    if (memo.has(id)) return memo.get(id) as boolean;
    if (path.has(id)) return false;
    path.add(id);
    const r = (cur.macros?.[id]?.depends_on?.macros ?? []).some((d) => dirty(d, path));
    memo.set(id, r);
    return r;
  };
  return (m) => changed.size > 0 && !isSource(m) && (m.depends_on?.macros ?? []).some((id) => dirty(id, new Set()));
}

export function stateMethod(ctx: MethodContext, value: string, raw: string): (m: GraphMember) => boolean {
  const prev = ctx.state?.manifest;
  if (!prev) {
    throw new TsdbtError('G002', `Invalid selector '${raw}': state selection needs a manifest to compare with`, {
      hint: 'pass --state <folder with the manifest.json of the run to compare with>, e.g. --state prod-artifacts/',
    });
  }
  const macros = macroChecker(ctx.graph.manifest, prev);
  const modifiedContent: Check = (old, cur) =>
    !old ||
    !sameBody(old, cur) ||
    !sameConfig(old, cur) ||
    !sameRelation(old, cur) ||
    !samePersistedDescriptions(old, cur) ||
    !sameSourceProperties(old, cur) ||
    !same(old.fqn, cur.fqn) ||
    macros(cur);
  const checks: Record<string, Check> = {
    new: (old) => !old,
    old: (old) => !!old,
    modified: modifiedContent,
    unmodified: (old, cur) => !modifiedContent(old, cur),
    'modified.body': (old, cur) => !old || !sameBody(old, cur),
    'modified.configs': (old, cur) => !old || !sameConfig(old, cur),
    'modified.relation': (old, cur) => !old || !sameRelation(old, cur),
    'modified.persisted_descriptions': (old, cur) => !old || !samePersistedDescriptions(old, cur),
    'modified.macros': (_old, cur) => macros(cur),
  };
  const check = checks[value];
  if (!check) {
    throw new TsdbtError('G002', `Invalid selector '${raw}': '${value}' is not a state`, {
      hint: `use one of: ${Object.keys(checks).map((k) => `state:${k}`).join(', ')}`,
    });
  }
  return (m) => check(prev.nodes?.[m.unique_id] ?? prev.sources?.[m.unique_id], m);
}
