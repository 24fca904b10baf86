// `tsdbt show`: compile one model (or inline SQL with refs) and print its first rows.
import type { CommonOptions, SelectionOptions } from './options.js';
import { loadProject, select, withAdapter } from './session.js';
import { compileNode } from '../compiler/compile-node.js';
import { inlineNode, renderInline } from './inline.js';
import { RelationCache } from '../compiler/relation-cache.js';
import type { QueryResult } from '../adapters/adapter.js';
import type { ManifestNode } from '../parser/types.js';
import { TsdbtError } from '../errors/tsdbt-error.js';

export interface ShowResult {
  node: string;
  sql: string;
  result: QueryResult;
}

export async function show(o: CommonOptions & SelectionOptions & { inline?: string; limit?: number }): Promise<ShowResult> {
  const project = loadProject(o);
  const limit = o.limit ?? 5;
  let node: ManifestNode;
  if (o.inline !== undefined) {
    node = inlineNode(project, o.inline);
  } else {
    const ids = select(project, o).filter((id) => project.manifest.nodes[id]);
    if (ids.length !== 1) {
      throw new TsdbtError('U001', ids.length ? `show needs exactly one node, the selection picked ${ids.length}` : 'the selection matched no node', { hint: 'use `tsdbt show -s <model>` or `tsdbt show --inline "select ..."`' });
    }
    node = project.manifest.nodes[ids[0]];
  }
  return withAdapter(project, async (adapter) => {
    const conn = await adapter.connect();
    try {
      const relations = await RelationCache.load(adapter, conn);
      let sql: string;
      if (o.inline !== undefined) {
        sql = await renderInline(node, { project, relations, conn });
      } else if (node.resource_type === 'seed') {
        sql = `select * from ${node.relation_name}`;
      } else {
        sql = await compileNode(node, { project, relations, conn });
      }
      let result: QueryResult;
      try {
        result = await conn.query(`select * from (\n${sql.trim().replace(/;\s*$/, '')}\n) as tsdbt_show limit ${limit}`);
      } catch (e) {
        throw new TsdbtError('R001', (e as Error).message, { location: { file: node.original_file_path }, hint: 'build the upstream models first (tsdbt build), or fix the SQL' });
      }
      return { node: node.unique_id, sql, result };
    } finally {
      conn.close();
    }
  }, { readOnly: false });
}

/** A plain-text table like dbt show prints. */
export function formatTable(r: QueryResult): string {
  const cells = r.rows.map((row) => row.map((v) => (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))));
  const widths = r.columns.map((c, i) => Math.max(c.name.length, ...cells.map((row) => row[i].length)));
  const fmt = (vals: string[]) => `| ${vals.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  const sep = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [fmt(r.columns.map((c) => c.name)), sep, ...cells.map(fmt)].join('\n');
}
