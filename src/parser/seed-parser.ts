// Seeds: one node per CSV under the seed paths, configured by folder (`seeds:`), property files and
// the seed configs dbt knows (column_types, quote_columns, delimiter).
import { statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FoundFile } from './discover.js';
import { folderParts, stem } from './discover.js';
import type { ManifestNode } from './types.js';
import type { ParseContext } from './sql-node-parser.js';
import { newNode } from './new-node.js';
import { configForPath, mergeConfigs } from '../config/folder-config.js';
import { finalizeConfig } from './node-config.js';
import { relationFor } from './naming.js';
import { templateError } from '../templating/template-errors.js';

function fileChecksum(abs: string): string {
  const size = statSync(abs).size;
  // dbt hashes small seeds by content and large ones by path; hash content up to 64 MB, then size+mtime.
  if (size <= 64 * 1024 * 1024) return createHash('sha256').update(readFileSync(abs)).digest('hex');
  return createHash('sha256').update(`${abs}:${size}:${statSync(abs).mtimeMs}`).digest('hex');
}

export function parseSeedFile(ctx: ParseContext, file: FoundFile, packageName: string): ManifestNode | null {
  const name = stem(file.resourcePath);
  const fqn = [packageName, ...folderParts(file.resourcePath), name];
  const prop = ctx.props.get(`seeds:${name}`);
  const where = { file: prop?.location.file ?? file.projectPath, line: prop?.location.line };
  const target = ctx.config.target;
  const node: ManifestNode = {
    ...newNode({ resourceType: 'seed', packageName, name, fqn, file, raw: '', checksum: fileChecksum(file.abs), materialized: 'seed', prop, target }),
    root_path: ctx.config.project.root,
  };
  try {
    node.config = finalizeConfig(mergeConfigs(configForPath(ctx.config.project.seeds, fqn), prop?.config ?? {}), 'seed', where);
    node.tags = node.config.tags;
    node.meta = { ...(prop?.meta ?? {}), ...node.config.meta };
    node.database = (node.config.database as string | undefined) ?? target.database;
    node.schema = ctx.namer.schema(node.config.schema as string | null | undefined, node);
    node.alias = ctx.namer.alias(node.config.alias as string | null | undefined, node);
  } catch (e) {
    ctx.errors.push(templateError(e, where.file));
    return null;
  }
  node.relation_name = relationFor(node).render();
  return node;
}
