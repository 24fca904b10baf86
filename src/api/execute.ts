// run / seed / build / test: select nodes of the given kinds, run them over DuckDB, print dbt's lines,
// write manifest.json and run_results.json, and return the results.
import type { RunCommandOptions } from './options.js';
import type { Adapter } from '../adapters/adapter.js';
import type { RelationCache } from '../compiler/relation-cache.js';
import { loadProject, select, withAdapter } from './session.js';
import { runSelected } from '../runner/runner.js';
import { flushWrites } from '../runner/deferred-writes.js';
import type { NodeResult } from '../runner/types.js';
import { writeManifest, writeRunResults } from '../artifacts/write-artifacts.js';
import { printFinished, printSummary, summaryCounts } from '../console/run-lines.js';
import { console as out } from '../console/console.js';
import type { ParsedProject } from '../parser/project-parser.js';
import { runProjectHooks } from './project-hooks.js';
import { printHeader } from './header.js';
import { maskTree } from '../reliability/secret-files.js';
import { targetDir } from '../artifacts/write-artifacts.js';
import { buildSchedule } from '../data-tests/build-order.js';

export interface CommandResult {
  success: boolean;
  /** 0 all succeeded, 1 a node failed, 130 interrupted */
  exitCode: number;
  results: NodeResult[];
  elapsed: number;
  project: ParsedProject;
}

/**
 * `pre`: a project already parsed and the ids to run (watch mode re-runs what changed without parsing
 * twice); with `adapter`, a database kept open by the caller (and `relations`, its catalog as the caller
 * last saw it). manifest.json is written after the run (also when it fails), so the first statement is
 * not held back by it.
 */
export async function execute(command: string, resourceTypes: string[], o: RunCommandOptions, pre?: { project: ParsedProject; ids: string[]; adapter?: Adapter; relations?: RelationCache }): Promise<CommandResult> {
  const started = performance.now();
  const project = pre?.project ?? loadProject(o);
  const ids = pre?.ids ?? select(project, o, resourceTypes);
  const nodes = ids.map((id) => project.manifest.nodes[id]).filter((n) => n && n.config.materialized !== 'ephemeral');
  if (!o.quiet) printHeader(project, o.threads ?? project.config.target.threads);
  if (!nodes.length) {
    writeManifest(project);
    out.warn('Nothing to do. Try checking your model configs and model specification args');
    writeRunResults(project, [], 0, { which: command });
    return { success: true, exitCode: 0, results: [], elapsed: 0, project };
  }
  const errors = new Map<string, unknown>();
  let elapsed = 0;
  // written once the nodes have run (or failed to): the first statement is not held back by it
  let manifestWritten = false;
  const work = async (adapter: Adapter) => {
    let s: Awaited<ReturnType<typeof runSelected>>;
    try {
      await runProjectHooks(project, adapter, 'on-run-start', []);
      // build runs each model's tests next to it, and a failing test holds back the model's children
      const schedule = command === 'build' ? buildSchedule(project, ids) : { ids, graph: undefined };
      s = await runSelected(project, adapter, schedule.ids, {
        graph: schedule.graph,
        threads: o.threads ?? project.config.target.threads,
        failFast: o.failFast,
        fullRefresh: o.fullRefresh,
        signal: o.signal,
        errors,
        quiet: o.quiet,
        relations: pre?.relations,
        deferFlush: true,
      });
      if (!s.interrupted) await runProjectHooks(project, adapter, 'on-run-end', s.results);
    } catch (e) {
      await flushWrites();
      throw e;
    }
    elapsed = (performance.now() - started) / 1000;
    // DuckDB writes the run into the database file on its own threads while the record files and the
    // artifacts are written (a database kept open, in watch mode, checkpoints when DuckDB decides)
    const checkpoint = pre?.adapter ? undefined : adapter.checkpoint();
    await flushWrites();
    writeManifest(project);
    manifestWritten = true;
    writeRunResults(project, s.results, elapsed, { which: command, select: o.select ?? [], exclude: o.exclude ?? [], full_refresh: o.fullRefresh ?? false, threads: o.threads ?? project.config.target.threads });
    // compiled SQL is written unmasked by the compiler: a secret used in a model must not stay on disk
    maskTree(targetDir(project));
    await checkpoint;
    return s;
  };
  let summary: Awaited<ReturnType<typeof work>>;
  try {
    summary = pre?.adapter ? await work(pre.adapter) : await withAdapter(project, work);
  } catch (e) {
    // a hook or the runner failed, or the database could not be opened: the manifest is still written
    if (!manifestWritten) writeManifest(project);
    throw e;
  }
  if (!o.quiet) {
    printFinished(nodes, elapsed);
    printSummary(summary.results, new Map(nodes.map((n) => [n.unique_id, n])), errors);
  }
  const c = summaryCounts(summary.results);
  const failed = c.ERROR > 0;
  return { success: !failed && !summary.interrupted, exitCode: summary.interrupted ? 130 : failed ? 1 : 0, results: summary.results, elapsed, project };
}
