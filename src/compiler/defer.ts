// --defer: a selected node's ref() to a parent that is not selected and not built in the target
// database renders the relation of that parent in the --state manifest (dbt's deferral).
import type { Manifest, ManifestNode } from '../parser/types.js';
import type { ParsedProject } from '../parser/project-parser.js';
import type { RelationCache } from './relation-cache.js';

interface Deferral {
  selected: ReadonlySet<string>;
  state: Manifest;
}

const deferrals = new WeakMap<object, Deferral>();

/** Turn deferral on for this parsed project: `selected` are the ids the command runs. */
export function deferTo(project: ParsedProject, selected: ReadonlySet<string>, state: Manifest): void {
  deferrals.set(project.manifest, { selected, state });
}

/** The state's relation for `parent`, when deferral applies to it; undefined otherwise. */
export function deferredRef(project: ParsedProject, parent: ManifestNode, relations: RelationCache | undefined): string | undefined {
  const d = deferrals.get(project.manifest);
  if (!d || d.selected.has(parent.unique_id)) return undefined;
  if (parent.config.materialized === 'ephemeral') return undefined;
  if (relations?.get(parent.schema, parent.alias)) return undefined;
  return d.state.nodes?.[parent.unique_id]?.relation_name ?? undefined;
}
