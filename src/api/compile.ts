// `tsdbt compile` and `tsdbt parse`: render the selected nodes to SQL under target/compiled/ (reading
// the database only to answer is_incremental() and run_query()), and write manifest.json.
import { existsSync } from 'node:fs';
import type { CommonOptions, SelectionOptions } from './options.js';
import { loadProject, select, withAdapter } from './session.js';
import { compileNode } from '../compiler/compile-node.js';
import { RelationCache } from '../compiler/relation-cache.js';
import { targetDir, writeManifest } from '../artifacts/write-artifacts.js';
import { maskTree } from '../reliability/secret-files.js';
import type { ParsedProject } from '../parser/project-parser.js';
import { TsdbtErrors, TsdbtError } from '../errors/tsdbt-error.js';
import { recordParse } from './parse-cache.js';
import { parseInputs, isVolatile, summaryOf } from './parse-inputs.js';

export interface CompileResult {
  project: ParsedProject;
  compiled: { unique_id: string; sql: string; path: string | null }[];
}

export function parse(o: CommonOptions): ParsedProject {
  const startedAt = Date.now();
  const project = loadProject(o);
  const manifest = writeManifest(project);
  // what `tsdbt parse` needs to answer from target/ next time if nothing changed (src/api/parse-cache.ts)
  recordParse(o, targetDir(project), parseInputs(project), manifest, summaryOf(project), startedAt, isVolatile(project));
  return project;
}

export async function compile(o: CommonOptions & SelectionOptions & { inline?: string }): Promise<CompileResult> {
  const project = loadProject(o);
  const ids = select(project, o).filter((id) => project.manifest.nodes[id]?.resource_type !== 'seed');
  const compiled: CompileResult['compiled'] = [];
  const errors: TsdbtError[] = [];
  const work = async (conn?: Awaited<ReturnType<import('../adapters/adapter.js').Adapter['connect']>>, relations?: RelationCache) => {
    for (const id of ids) {
      const node = project.manifest.nodes[id];
      if (!project.templates.has(id)) continue;
      try {
        const sql = await compileNode(node, { project, relations, conn });
        compiled.push({ unique_id: id, sql, path: node.compiled_path ?? null });
      } catch (e) {
        if (e instanceof TsdbtError) errors.push(e);
        else throw e;
      }
    }
  };
  // compile reads the database only if it exists already: it never creates one
  const dbPath = project.config.target.path;
  if (dbPath !== ':memory:' && existsSync(dbPath)) {
    await withAdapter(project, async (adapter) => {
      const conn = await adapter.connect();
      try {
        await work(conn, await RelationCache.load(adapter, conn));
      } finally {
        conn.close();
      }
    });
  } else {
    await work();
  }
  writeManifest(project);
  maskTree(targetDir(project));
  if (errors.length) throw new TsdbtErrors(errors);
  return { project, compiled };
}
