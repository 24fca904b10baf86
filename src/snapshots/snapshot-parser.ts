// Snapshot discovery: `{% snapshot %}` blocks in .sql files under the snapshot paths, and dbt 1.9
// YAML snapshots (a `snapshots:` property entry with `relation:`), for the root project or a package.
import { readFileSync } from 'node:fs';
import type { FolderConfigTree, PropertyEntry } from '../config/types.js';
import type { ManifestNode } from '../parser/types.js';
import type { ParseContext } from '../parser/sql-node-parser.js';
import { findFiles, folderParts, stem } from '../parser/discover.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { findSnapshotBlocks } from './snapshot-blocks.js';
import { buildSnapshotNode } from './snapshot-node.js';

export interface SnapshotScan {
  /** folder of the project or package */
  root: string;
  packageName: string;
  snapshotPaths: string[];
  tree: FolderConfigTree;
  rootTree?: FolderConfigTree;
  /** property entries of the project (YAML snapshots are those with `relation:`) */
  entries: PropertyEntry[];
  /** how file paths are shown (packages: relative to the package root, as dbt does) */
  setCurrent?(file: string): void;
}

export function parseSnapshots(ctx: ParseContext, scan: SnapshotScan): ManifestNode[] {
  const out: ManifestNode[] = [];
  for (const f of findFiles(scan.root, scan.snapshotPaths, ['.sql'])) {
    scan.setCurrent?.(f.projectPath);
    let blocks;
    try {
      blocks = findSnapshotBlocks(readFileSync(f.abs, 'utf8'), f.projectPath);
    } catch (e) {
      ctx.errors.push(e as TsdbtError);
      continue;
    }
    for (const b of blocks) {
      const node = buildSnapshotNode(ctx, {
        name: b.name,
        packageName: scan.packageName,
        template: b.padded,
        raw: b.body,
        fqn: [scan.packageName, ...folderParts(f.resourcePath), stem(f.resourcePath), b.name],
        path: f.resourcePath,
        originalFilePath: f.projectPath,
        abs: f.abs,
        line: b.line,
        tree: scan.tree,
        rootTree: scan.rootTree,
        prop: ctx.props.get(`snapshots:${b.name}`),
      });
      if (node) out.push(node);
    }
  }
  for (const e of scan.entries) {
    if (e.kind !== 'snapshots' || e.raw.relation === undefined) continue;
    const file = e.location.file;
    scan.setCurrent?.(file);
    const relation = e.raw.relation;
    if (typeof relation !== 'string' || !/^\s*(ref|source)\s*\(/.test(relation)) {
      ctx.errors.push(new TsdbtError('P006', `snapshot '${e.name}' has relation ${JSON.stringify(relation)}`, {
        location: e.location,
        hint: "write relation: ref('model_name') or relation: source('source_name', 'table_name')",
      }));
      continue;
    }
    const raw = `select * from {{ ${relation.trim()} }}`;
    const resourcePath = file.split('/').slice(1).join('/');
    const node = buildSnapshotNode(ctx, {
      name: e.name,
      packageName: scan.packageName,
      template: '\n'.repeat(Math.max(0, (e.location.line ?? 1) - 1)) + raw,
      raw,
      fqn: [scan.packageName, ...folderParts(resourcePath), e.name],
      path: resourcePath,
      originalFilePath: file,
      abs: `${scan.root}/${file}`,
      line: e.location.line ?? 1,
      tree: scan.tree,
      rootTree: scan.rootTree,
      prop: e,
    });
    if (node) out.push(node);
  }
  return out;
}
