// Builds one snapshot node from its SELECT template: layers config (dbt_project.yml `snapshots:`,
// property file, in-block config()), renders once with a recording ref()/source(), checks the
// snapshot config and names the relation (target_schema is used as written, as in dbt).
import type { FolderConfigTree, PropertyEntry } from '../config/types.js';
import type { ManifestNode } from '../parser/types.js';
import type { ParseContext } from '../parser/sql-node-parser.js';
import { newNode } from '../parser/new-node.js';
import { recordingScope, dedupeRefs, dedupeSources } from '../parser/recording-scope.js';
import { recordMacroCalls } from '../parser/macro-calls.js';
import { configForPath, mergeConfigs } from '../config/folder-config.js';
import { finalizeConfig, checkConfigCall } from '../parser/node-config.js';
import { relationFor } from '../parser/naming.js';
import { sha256 } from '../parser/checksum.js';
import { templateError } from '../templating/template-errors.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { snapshotSpec } from './snapshot-config.js';

export interface SnapshotSource {
  name: string;
  packageName: string;
  /** template text (possibly padded so lines match the file) and the raw code recorded in the manifest */
  template: string;
  raw: string;
  fqn: string[];
  path: string;
  originalFilePath: string;
  abs: string;
  line: number;
  tree: FolderConfigTree;
  /** packages: the root project's `snapshots:` tree, applied over the package's own */
  rootTree?: FolderConfigTree;
  prop?: PropertyEntry;
}

export function buildSnapshotNode(ctx: ParseContext, s: SnapshotSource): ManifestNode | null {
  const where = { file: s.originalFilePath, line: s.line };
  const target = ctx.config.target;
  const folder = mergeConfigs(configForPath(s.tree, s.fqn), s.rootTree ? configForPath(s.rootTree, s.fqn) : {});
  const layered = mergeConfigs(folder, s.prop?.config ?? {});
  let template;
  try {
    template = ctx.engine.compile(s.template, s.originalFilePath);
  } catch (e) {
    ctx.errors.push(templateError(e, s.originalFilePath));
    return null;
  }
  const file = { abs: s.abs, projectPath: s.originalFilePath, resourcePath: s.path };
  const node = newNode({ resourceType: 'snapshot', packageName: s.packageName, name: s.name, fqn: s.fqn, file, raw: s.raw, checksum: sha256(s.raw), materialized: 'snapshot', prop: s.prop, target });
  const { scope, recorded } = recordingScope(ctx.base, node, target, layered);
  try {
    node.depends_on.macros = recordMacroCalls(() => template.render(scope));
    checkConfigCall(recorded.fileConfig, 'snapshot', s.originalFilePath, s.raw);
    node.config = finalizeConfig({ ...mergeConfigs(layered, recorded.fileConfig), materialized: 'snapshot' }, 'snapshot', where, ctx.extraMaterializations);
    if (node.config.enabled) snapshotSpec(s.name, node.config, where);
  } catch (e) {
    ctx.errors.push(e instanceof TsdbtError ? e : templateError(e, s.originalFilePath));
    return null;
  }
  node.refs = dedupeRefs(recorded.refs);
  node.sources = dedupeSources(recorded.sources);
  node.tags = node.config.tags;
  node.meta = { ...(s.prop?.meta ?? {}), ...node.config.meta };
  const str = (k: string) => (typeof node.config[k] === 'string' && node.config[k] ? (node.config[k] as string) : null);
  node.database = str('target_database') ?? str('database') ?? target.database;
  try {
    node.schema = str('target_schema') ?? ctx.namer.schema(str('schema'), node);
    node.alias = ctx.namer.alias(str('alias'), node);
  } catch (e) {
    ctx.errors.push(templateError(e, s.originalFilePath));
    return null;
  }
  node.relation_name = relationFor(node).render();
  ctx.templates.set(node.unique_id, template);
  return node;
}
