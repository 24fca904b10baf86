// Parse stage: discover a project's files, load macros, render every SQL file once with a recording
// ref(), and return the Manifest (plus compiled templates) for the later stages. Gathers every error
// and refuses to go on while any exists.
import { randomUUID } from 'node:crypto';
import { basename, resolve } from 'node:path';
import type { FolderConfigTree, ProjectConfig, ResolvedConfig, PropertyEntry, PropertyFiles } from '../config/types.js';
import { console as out } from '../console/console.js';
import type { Manifest, ManifestNode } from './types.js';
import { TemplateEngine } from '../templating/environment.js';
import type { CompiledTemplate } from '../templating/environment.js';
import { baseContext } from '../templating/base-context.js';
import { findFiles, type FoundFile } from './discover.js';
import { FilePrefetch } from './file-prefetch.js';
import { loadMacros } from './macro-loader.js';
import { makeNamer } from './naming.js';
import { parseSqlFile, type ParseContext } from './sql-node-parser.js';
import { parseSeedFile } from './seed-parser.js';
import { parseSources } from './source-parser.js';
import { resolveDependencies } from './ref-resolver.js';
import { TsdbtError, TsdbtErrors } from '../errors/tsdbt-error.js';
import { loadPropertyFiles } from '../config/property-files.js';
import { buildGraph, type ProjectGraph } from '../graph/dag.js';
import { installBuiltinMacros } from '../templating/builtin-macros.js';
import { nodeHooks, macroHooks } from './parse-hooks.js';
import { PartialParse } from './partial-parse.js';

export interface ParsedProject {
  config: ResolvedConfig;
  manifest: Manifest;
  graph: ProjectGraph;
  engine: TemplateEngine;
  base: Record<string, unknown>;
  templates: Map<string, CompiledTemplate>;
  properties: PropertyFiles;
  invocationId: string;
  runStartedAt: Date;
  envRead: Map<string, string | undefined>;
}

function indexProperties(props: PropertyFiles, errors: TsdbtError[]): Map<string, PropertyEntry> {
  const map = new Map<string, PropertyEntry>();
  for (const e of props.entries) {
    const key = `${e.kind}:${e.name}`;
    const prev = map.get(key);
    if (prev) {
      errors.push(new TsdbtError('P005', `${e.kind.replace(/s$/, '')} '${e.name}' is described twice: in ${prev.location.file}:${prev.location.line} and ${e.location.file}:${e.location.line}`, {
        location: e.location,
        hint: 'keep one entry per model in property files',
      }));
      continue;
    }
    map.set(key, e);
  }
  return map;
}

export function addNode(manifest: Manifest, node: ManifestNode | null, errors: TsdbtError[]): void {
  if (!node) return;
  if (!node.config.enabled) {
    (manifest.disabled[node.name] ??= []).push(node);
    return;
  }
  const prev = manifest.nodes[node.unique_id];
  if (prev) {
    errors.push(new TsdbtError('P005', `two ${node.resource_type}s are named '${node.name}': ${prev.original_file_path} and ${node.original_file_path}`, {
      location: { file: node.original_file_path },
      hint: 'rename one of the files (resource names must be unique within a project)',
    }));
    return;
  }
  // a model, a seed and a snapshot of one name in one package would all be ref('name'): dbt refuses it
  if (REFABLE.has(node.resource_type)) {
    let byName = refable.get(manifest);
    if (!byName) refable.set(manifest, (byName = new Map()));
    const key = `${node.package_name}\u0000${node.name}`;
    const other = byName.get(key);
    if (other) {
      errors.push(new TsdbtError('P005', `a ${other.resource_type} and a ${node.resource_type} are both named '${node.name}': ${other.original_file_path} and ${node.original_file_path}; ref('${node.name}') would be ambiguous`, {
        location: { file: node.original_file_path },
        hint: `rename one of them: models, seeds and snapshots share one namespace per package`,
      }));
      return;
    }
    byName.set(key, node);
  }
  manifest.nodes[node.unique_id] = node;
}

const REFABLE = new Set(['model', 'seed', 'snapshot']);
/** the refable nodes added so far, by package and name, per manifest being built */
const refable = new WeakMap<Manifest, Map<string, ManifestNode>>();

/** How many folder levels deep a config tree goes (`models: {shop: {staging: {...}}}` is 2). */
function treeDepth(tree: FolderConfigTree): number {
  let deepest = 0;
  for (const child of Object.values(tree.children)) deepest = Math.max(deepest, 1 + treeDepth(child));
  return deepest;
}

/**
 * dbt's warning for `models:` / `seeds:` / `snapshots:` folder paths of the project file that configure
 * nothing (a misspelt folder name would otherwise be silently ignored).
 */
function warnUnusedConfigPaths(project: ProjectConfig, manifest: Manifest): void {
  const sections: [string, FolderConfigTree, ReadonlySet<string>][] = [
    ['models', project.models, new Set(['model', 'analysis'])],
    ['seeds', project.seeds, new Set(['seed'])],
    ['snapshots', project.snapshots, new Set(['snapshot'])],
  ];
  const nodes = [...Object.values(manifest.nodes), ...Object.values(manifest.disabled).flat()];
  const unused: string[] = [];
  for (const [section, tree, types] of sections) {
    if (!Object.keys(tree.children).length) continue;
    // every prefix of every fqn of the section's resources, as deep as the section's paths go: a
    // configured path is used when it is one
    const depth = treeDepth(tree);
    const prefixes = new Set<string>();
    for (const n of nodes) {
      if (!types.has(n.resource_type)) continue;
      let key = '';
      for (let i = 0; i < n.fqn.length && i < depth; i++) prefixes.add((key = key ? `${key}\u0000${n.fqn[i]}` : n.fqn[i]!));
    }
    const walk = (level: FolderConfigTree, path: string[]): void => {
      for (const [name, child] of Object.entries(level.children)) {
        const at = [...path, name];
        if (Object.keys(child.config).length && !prefixes.has(at.join('\u0000'))) unused.push(`${section}.${at.join('.')}`);
        walk(child, at);
      }
    };
    walk(tree, []);
  }
  if (!unused.length) return;
  out.warn(
    `Configuration paths exist in your ${basename(project.file)} file which do not apply to any resources.\n` +
      `There ${unused.length === 1 ? 'is 1 unused configuration path' : `are ${unused.length} unused configuration paths`}:\n` +
      unused.map((u) => `- ${u}`).join('\n'),
  );
}

/** `partialParse: false` renders every file (dbt's --no-partial-parse); the default reuses target/partial_parse.json. */
export function parseProject(config: ResolvedConfig, opts: { invocationId?: string; partialParse?: boolean } = {}): ParsedProject {
  const modelFiles = findFiles(config.project.root, config.project.paths.modelPaths, ['.sql']);
  // read on a helper thread while the macros and property files below are loaded
  const prefetch = FilePrefetch.start(modelFiles.map((f) => f.abs));
  try {
    return parseFiles(config, opts, modelFiles, prefetch);
  } finally {
    prefetch?.close();
  }
}

function parseFiles(config: ResolvedConfig, opts: { invocationId?: string; partialParse?: boolean }, modelFiles: FoundFile[], prefetch: FilePrefetch | null): ParsedProject {
  const { project } = config;
  const root = project.root;
  const errors: TsdbtError[] = [];
  const engine = new TemplateEngine();
  const envRead = new Map<string, string | undefined>();
  const invocationId = opts.invocationId ?? randomUUID();
  const runStartedAt = new Date();
  let current = project.file;
  const base = baseContext({ config, invocationId, runStartedAt, envRead }, () => current);
  installBuiltinMacros(engine, base);
  const manifest: Manifest = { project_name: project.name, nodes: {}, sources: {}, macros: {}, docs: {}, parent_map: {}, child_map: {}, disabled: {} };

  const macroFiles = findFiles(root, [...project.paths.macroPaths, ...project.paths.testPaths.map((t) => `${t}/generic`)], ['.sql']);
  const macros = loadMacros(engine, macroFiles, project.name, true);
  Object.assign(manifest.macros, macros.definitions);
  errors.push(...macros.errors);
  for (const hook of macroHooks) hook({ config, engine, base, manifest, errors });

  const properties = loadPropertyFiles(root, [...project.paths.modelPaths, ...project.paths.seedPaths, ...project.paths.snapshotPaths, ...project.paths.analysisPaths, ...project.paths.macroPaths, ...project.paths.testPaths], {
    cacheFile: resolve(root, project.paths.targetPath, 'partial_parse_yaml.json'),
    // `{{ var() }}` in property files (e.g. a source's external_location) must see --vars and the target
    render: { env: process.env, vars: config.vars, target: base.target as Record<string, unknown> },
  });
  const ctx: ParseContext = {
    config,
    engine,
    base,
    namer: makeNamer(engine, base, config.target.schema),
    props: indexProperties(properties, errors),
    templates: new Map(),
    errors,
    partial: new PartialParse({
      file: opts.partialParse === false ? undefined : resolve(root, project.paths.targetPath, 'partial_parse.json'),
      config,
      macros: manifest.macros,
      envRead,
    }),
    extraMaterializations: Object.values(manifest.macros).filter((m) => m.name.startsWith('materialization_')).map((m) => m.name.replace(/^materialization_/, '').replace(/_(duckdb|default)$/, '')),
  };

  for (const s of parseSources(properties.sources, project.name, config.target.database, root)) manifest.sources[s.unique_id] = s;
  if (prefetch) ctx.prefetch = prefetch;
  for (const f of modelFiles) {
    current = f.projectPath;
    addNode(manifest, parseSqlFile(ctx, f, { resourceType: 'model', tree: project.models, propKind: 'models', defaultMaterialization: 'view' }, project.name), errors);
  }
  for (const f of findFiles(root, project.paths.analysisPaths, ['.sql'])) {
    current = f.projectPath;
    addNode(manifest, parseSqlFile(ctx, f, { resourceType: 'analysis', tree: project.models, propKind: 'analyses', defaultMaterialization: 'view' }, project.name), errors);
  }
  for (const f of findFiles(root, project.paths.seedPaths, ['.csv'])) {
    current = f.projectPath;
    addNode(manifest, parseSeedFile(ctx, f, project.name), errors);
  }
  for (const hook of nodeHooks) hook({ ctx, manifest, properties, root, errors, setCurrent: (f) => (current = f) });

  ctx.partial?.save();
  resolveDependencies(manifest, errors);
  if (errors.length) throw new TsdbtErrors(errors);
  warnUnusedConfigPaths(project, manifest);
  let graph: ProjectGraph;
  try {
    graph = buildGraph(manifest);
  } catch (e) {
    throw e instanceof TsdbtError ? new TsdbtErrors([e]) : e;
  }
  current = project.file;
  return { config, manifest, graph, engine, base, templates: ctx.templates, properties, invocationId, runStartedAt, envRead };
}
