// `tsdbt compile` and `tsdbt parse`: render the selected nodes to SQL under target/compiled/ (connected
// to the target database, which answers is_incremental(), run_query() and introspection), and write
// manifest.json.
import { existsSync } from 'node:fs';
import type { CommonOptions, SelectionOptions } from './options.js';
import { loadProject, select, withAdapter } from './session.js';
import { compileNode } from '../compiler/compile-node.js';
import { RelationCache } from '../compiler/relation-cache.js';
import { targetDir, writeManifest } from '../artifacts/write-artifacts.js';
import { maskTree } from '../reliability/secret-files.js';
import type { ParsedProject } from '../parser/project-parser.js';
import type { Adapter, AdapterConnection, QueryResult } from '../adapters/adapter.js';
import { TsdbtErrors, TsdbtError } from '../errors/tsdbt-error.js';
import { recordParse } from './parse-cache.js';
import { inlineNode, renderInline } from './inline.js';
import { parseInputs, isVolatile, summaryOf } from './parse-inputs.js';

/** A connection that opens (and so creates) the database when the first statement needs it. */
class ConnectOnFirstQuery implements AdapterConnection {
  private adapter?: Adapter;
  private conn?: AdapterConnection;
  private opening?: Promise<AdapterConnection>;
  constructor(private readonly open: () => Promise<Adapter>) {}
  private connection(): Promise<AdapterConnection> {
    this.opening ??= (async () => {
      this.adapter = await this.open();
      return (this.conn = await this.adapter.connect());
    })();
    return this.opening;
  }
  async run(sql: string): Promise<number> {
    return (await this.connection()).run(sql);
  }
  async query(sql: string): Promise<QueryResult> {
    return (await this.connection()).query(sql);
  }
  interrupt(): void {
    this.conn?.interrupt();
  }
  close(): void {
    this.conn?.close();
    this.adapter?.close();
  }
}

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
  // --inline compiles that SQL alone (dbt's compile --inline); otherwise the selected nodes
  const ids = o.inline !== undefined ? [] : select(project, o).filter((id) => project.manifest.nodes[id]?.resource_type !== 'seed');
  const compiled: CompileResult['compiled'] = [];
  const errors: TsdbtError[] = [];
  const work = async (conn: AdapterConnection, relations: RelationCache) => {
    if (o.inline !== undefined) {
      const node = inlineNode(project, o.inline);
      compiled.push({ unique_id: node.unique_id, sql: await renderInline(node, { project, relations, conn }), path: null });
    }
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
  // like dbt's compile, connected to the target so run_query(), statement() and the adapter's
  // introspection answer; compile itself builds nothing. With no database file yet, the file is created
  // only when a template first queries it (an empty database has no relations to list).
  const dbPath = project.config.target.path;
  if (dbPath !== ':memory:' && !existsSync(dbPath)) {
    const conn = new ConnectOnFirstQuery(async () => {
      const { DuckDBAdapter } = await import('../adapters/duckdb/duckdb-adapter.js');
      return DuckDBAdapter.open(project.config.target);
    });
    try {
      await work(conn, new RelationCache());
    } finally {
      conn.close();
    }
  } else {
    await withAdapter(project, async (adapter) => {
      const conn = await adapter.connect();
      try {
        await work(conn, await RelationCache.load(adapter, conn));
      } finally {
        conn.close();
      }
    });
  }
  writeManifest(project);
  maskTree(targetDir(project));
  if (errors.length) throw new TsdbtErrors(errors);
  return { project, compiled };
}
