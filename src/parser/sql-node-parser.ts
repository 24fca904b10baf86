// Parses one SQL file (model, analysis, singular test) into a node: layers its config, renders it once
// with a recording ref()/source()/config() to learn its dependencies, and names its relation.
import { readFileSync } from 'node:fs';
import type { ResolvedConfig, PropertyEntry, FolderConfigTree } from '../config/types.js';
import type { CompiledTemplate, TemplateEngine } from '../templating/environment.js';
import type { ManifestNode, ResourceType } from './types.js';
import type { FoundFile } from './discover.js';
import { folderParts, stem } from './discover.js';
import { newNode } from './new-node.js';
import { recordingScope, dedupeRefs, dedupeSources } from './recording-scope.js';
import { recordMacroCalls } from './macro-calls.js';
import type { Namer } from './naming.js';
import { relationFor } from './naming.js';
import { configForPath, mergeConfigs } from '../config/folder-config.js';
import { checkConfigCall, finalizeConfig } from './node-config.js';
import type { ConfigOwner } from '../config/config-keys.js';
import { templateError } from '../templating/template-errors.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { sha256 } from './checksum.js';
import { lazyTemplate, type PartialParse } from './partial-parse.js';
import type { FilePrefetch } from './file-prefetch.js';

export interface ParseContext {
  config: ResolvedConfig;
  engine: TemplateEngine;
  base: Record<string, unknown>;
  namer: Namer;
  props: Map<string, PropertyEntry>;
  templates: Map<string, CompiledTemplate>;
  errors: TsdbtError[];
  extraMaterializations: string[];
  /** partial parsing: remembered renders of unchanged files (src/parser/partial-parse.ts) */
  partial?: PartialParse;
  /** model files read ahead on a helper thread (src/parser/file-prefetch.ts) */
  prefetch?: FilePrefetch;
}

export interface SqlKind {
  resourceType: ResourceType;
  tree: FolderConfigTree;
  propKind: PropertyEntry['kind'] | null;
  defaultMaterialization: string;
}

export { columnsFrom } from './new-node.js';

// singular tests' config() keys are checked by the data-tests stage (T001)
const CONFIG_OWNERS = new Set<string>(['model', 'analysis', 'snapshot']);

export function parseSqlFile(ctx: ParseContext, file: FoundFile, kind: SqlKind, packageName: string): ManifestNode | null {
  const raw = ctx.prefetch?.take(file.abs) ?? readFileSync(file.abs, 'utf8');
  const name = stem(file.resourcePath);
  const fqn = [packageName, ...folderParts(file.resourcePath), name];
  const prop = kind.propKind ? ctx.props.get(`${kind.propKind}:${name}`) : undefined;
  const layered = mergeConfigs(configForPath(kind.tree, fqn), prop?.config ?? {});
  const where = { file: file.projectPath };
  const memoKey = ctx.partial?.keyFor(raw, [kind.resourceType, layered, prop?.raw ?? null]);
  const memo = ctx.partial?.lookup(file.projectPath, memoKey);
  let template: CompiledTemplate;
  try {
    template = memo ? lazyTemplate(file.projectPath, () => ctx.engine.compile(raw, file.projectPath)) : ctx.engine.compile(raw, file.projectPath);
  } catch (e) {
    ctx.errors.push(templateError(e, file.projectPath, undefined, raw));
    return null;
  }
  const target = ctx.config.target;
  const node = newNode({ resourceType: kind.resourceType, packageName, name, fqn, file, raw, checksum: sha256(raw), materialized: kind.defaultMaterialization, prop, target });
  const { scope, recorded } = recordingScope(ctx.base, node, target, layered);
  const { refs, sources } = recorded;
  let macros: string[] = [];
  try {
    if (memo) {
      refs.push(...memo.refs);
      sources.push(...memo.sources);
      recorded.fileConfig = memo.config;
      macros = memo.macros;
    } else if (ctx.partial) {
      const env = ctx.partial.trackEnv(() => (macros = recordMacroCalls(() => template.render(scope))));
      ctx.partial.store(file.projectPath, memoKey, { refs, sources, config: recorded.fileConfig, env, macros });
    } else {
      macros = recordMacroCalls(() => template.render(scope));
    }
    if (CONFIG_OWNERS.has(kind.resourceType)) checkConfigCall(recorded.fileConfig, kind.resourceType as ConfigOwner, file.projectPath, raw);
    node.config = finalizeConfig(mergeConfigs(layered, recorded.fileConfig), kind.defaultMaterialization, where, ctx.extraMaterializations);
  } catch (e) {
    ctx.errors.push(templateError(e, file.projectPath, () => ctx.engine.macros.keys()));
    return null;
  }
  node.refs = dedupeRefs(refs);
  node.sources = dedupeSources(sources);
  node.depends_on.macros = macros;
  node.tags = node.config.tags;
  node.meta = { ...(prop?.meta ?? {}), ...node.config.meta };
  node.database = (node.config.database as string | undefined) ?? target.database;
  try {
    node.schema = ctx.namer.schema(node.config.schema as string | null | undefined, node);
    node.alias = ctx.namer.alias(node.config.alias as string | null | undefined, node);
  } catch (e) {
    ctx.errors.push(templateError(e, file.projectPath));
    return null;
  }
  node.relation_name = node.config.materialized === 'ephemeral' || kind.resourceType === 'analysis' ? null : relationFor(node).render();
  // the compiled template is not kept: held for every file, its syntax tree was a third of a large
  // project's heap (and of the garbage collector's work); a node that runs compiles it again (~10 µs)
  ctx.templates.set(node.unique_id, memo ? template : compiledOnUse(ctx.engine, raw, file.projectPath));
  return node;
}

/** A template compiled when it is first rendered again (a closure made here holds only these three). */
function compiledOnUse(engine: TemplateEngine, raw: string, path: string): CompiledTemplate {
  return lazyTemplate(path, () => engine.compile(raw, path));
}
