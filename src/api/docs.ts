// `tsdbt docs generate` / `serve`: compile every node, read the catalog from DuckDB (read-only, closed
// before returning), and write the static site; serve reads project.yml for the target path and then only
// the files under target/.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommonOptions } from './options.js';
import { loadProject } from './session.js';
import { loadProject as readProjectFile } from '../config/project-loader.js';
import { DuckDBAdapter } from '../adapters/duckdb/duckdb-adapter.js';
import { RelationCache } from '../compiler/relation-cache.js';
import { compileNode } from '../compiler/compile-node.js';
import { docsGenerate, serveDocs, type DocsServer, type RunResultsArtifact } from '../docs/index.js';
import { writeManifest } from '../artifacts/write-artifacts.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { maskTree } from '../reliability/secret-files.js';

export interface DocsGenerateResult {
  indexPath: string;
  targetDir: string;
  relations: number;
}

export async function generateSite(o: CommonOptions & { previewRows?: number }): Promise<DocsGenerateResult> {
  const project = loadProject(o);
  const targetDir = resolve(project.config.project.root, project.config.project.paths.targetPath);
  const dbPath = project.config.target.path;
  const built = dbPath === ':memory:' || existsSync(dbPath);
  const target = built ? project.config.target : { ...project.config.target, path: ':memory:' };
  const adapter = await DuckDBAdapter.open(target, { readOnly: built && dbPath !== ':memory:' });
  try {
    const conn = await adapter.connect();
    const relations = await RelationCache.load(adapter, conn);
    for (const node of Object.values(project.manifest.nodes)) {
      if (!project.templates.has(node.unique_id)) continue;
      try {
        await compileNode(node, { project, relations, conn });
      } catch {
        // a node that does not compile yet is still documented, without compiled SQL
      }
    }
    conn.close();
    writeManifest(project);
    const runResultsPath = join(targetDir, 'run_results.json');
    const runResults = existsSync(runResultsPath) ? (JSON.parse(readFileSync(runResultsPath, 'utf8')) as RunResultsArtifact) : undefined;
    const raw = await adapter.rawConnect();
    try {
      const r = await docsGenerate({ conn: raw, manifest: project.manifest, targetDir, runResults, previewRows: o.previewRows });
      // the site embeds compiled SQL and data previews: no secret value may be published with it
      maskTree(targetDir);
      return { indexPath: r.indexPath, targetDir, relations: Object.keys(r.catalog.nodes).length + Object.keys(r.catalog.sources).length };
    } finally {
      raw.closeSync();
    }
  } finally {
    adapter.close();
  }
}

export async function serveSite(o: CommonOptions & { host?: string; port?: number }): Promise<DocsServer> {
  // like dbt: only the project file is read (for target-path); no profile, no parse, no database
  const project = readProjectFile(o.projectDir ?? process.cwd(), { projectDir: o.projectDir, vars: o.vars });
  const dir = resolve(project.root, project.paths.targetPath);
  if (!existsSync(join(dir, 'index.html'))) {
    throw new TsdbtError('U001', `no docs site in ${dir}`, { hint: 'run `tsdbt docs generate` first' });
  }
  return serveDocs(dir, { host: o.host ?? '127.0.0.1', port: o.port ?? 8080 });
}
