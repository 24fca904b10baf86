// Watch mode's fast path: when the only files saved are existing models' SQL and the edit leaves their
// refs, sources, config and relation as they were, re-render just those files into the last parse
// instead of parsing the whole project. Anything else returns undefined: the caller parses in full.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { ParsedProject } from '../parser/project-parser.js';
import type { ManifestNode } from '../parser/types.js';
import type { PropertyEntry } from '../config/types.js';
import { parseSqlFile, type ParseContext } from '../parser/sql-node-parser.js';
import { makeNamer } from '../parser/naming.js';
import { VOLATILE } from '../parser/partial-parse.js';
import { stableJson } from '../graph/selector-state.js';
import { TsdbtError, TsdbtErrors } from '../errors/tsdbt-error.js';

/**
 * Re-parses `files` (project-relative) into `project` in place and returns the ids of the nodes they
 * hold, or undefined when a full parse is needed. Throws TsdbtErrors when a saved file does not parse
 * (the project is then left untouched).
 */
export function reparseModels(project: ParsedProject, files: ReadonlySet<string>): Set<string> | undefined {
  const { config, manifest } = project;
  if (readsVolatile(project)) return undefined;
  const byFile = new Map<string, ManifestNode>();
  for (const n of Object.values(manifest.nodes)) if (n.resource_type === 'model') byFile.set(n.original_file_path, n);
  const work: { old: ManifestNode; resourcePath: string }[] = [];
  for (const f of files) {
    const old = byFile.get(f);
    const modelDir = config.project.paths.modelPaths.find((d) => f.startsWith(`${d.replace(/\/+$/, '')}/`));
    // a new, deleted or renamed file changes the node set: only a full parse knows what follows
    if (!old || !modelDir || old.package_name !== config.project.name || !existsSync(join(config.project.root, f))) return undefined;
    work.push({ old, resourcePath: f.slice(modelDir.replace(/\/+$/, '').length + 1) });
  }
  const errors: TsdbtError[] = [];
  const ctx: ParseContext = {
    config,
    engine: project.engine,
    base: project.base,
    namer: makeNamer(project.engine, project.base, config.target.schema),
    props: propertyIndex(project),
    templates: new Map(),
    errors,
    extraMaterializations: Object.values(manifest.macros).filter((m) => m.name.startsWith('materialization_')).map((m) => m.name.replace(/^materialization_/, '').replace(/_(duckdb|default)$/, '')),
  };
  const fresh: [ManifestNode, ManifestNode][] = [];
  for (const { old, resourcePath } of work) {
    const node = parseSqlFile(ctx, { abs: join(config.project.root, old.original_file_path), projectPath: old.original_file_path, resourcePath }, { resourceType: 'model', tree: config.project.models, propKind: 'models', defaultMaterialization: 'view' }, config.project.name);
    if (!node) continue;
    // run_started_at / invocation_id read at parse time are per-invocation: the full parse handles them
    if (VOLATILE.test(node.raw_code) || !sameShape(old, node)) return undefined;
    fresh.push([old, node]);
  }
  if (errors.length) throw new TsdbtErrors(errors);
  // the node object stays (the graph, the manifest and parse hooks hold it): only what the edit changed moves
  for (const [old, node] of fresh) {
    old.raw_code = node.raw_code;
    old.checksum = node.checksum;
    project.templates.set(old.unique_id, ctx.templates.get(node.unique_id)!);
  }
  return new Set(fresh.map(([old]) => old.unique_id));
}

/** Same dependencies, config and relation: the graph and every other node are unaffected by the edit. */
function sameShape(a: ManifestNode, b: ManifestNode): boolean {
  return a.unique_id === b.unique_id && a.relation_name === b.relation_name && a.schema === b.schema && a.alias === b.alias && a.database === b.database &&
    stableJson(a.refs) === stableJson(b.refs) && stableJson(a.sources) === stableJson(b.sources) && stableJson(a.config) === stableJson(b.config);
}

const volatile = new WeakMap<ParsedProject, boolean>();

/**
 * Whether any node or macro reads run_started_at / invocation_id: a full parse gives each pass its own,
 * the fast path would keep the last full parse's.
 */
function readsVolatile(project: ParsedProject): boolean {
  let v = volatile.get(project);
  if (v === undefined) {
    v = Object.values(project.manifest.nodes).some((n) => VOLATILE.test(n.raw_code)) || Object.values(project.manifest.macros).some((m) => VOLATILE.test(m.macro_sql));
    volatile.set(project, v);
  }
  return v;
}

function propertyIndex(project: ParsedProject): Map<string, PropertyEntry> {
  const map = new Map<string, PropertyEntry>();
  for (const e of project.properties.entries) if (!map.has(`${e.kind}:${e.name}`)) map.set(`${e.kind}:${e.name}`, e);
  return map;
}
