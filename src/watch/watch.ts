// `tsdbt build|run|test --watch`: one full pass, then on every save of a model, YAML, macro or seed,
// re-parse (only the saved models when that is enough, else the whole project with partial parsing),
// rebuild the changed nodes, their descendants and their tests over a database kept open between
// passes, print the results and keep watching. Mistakes are reported without leaving watch mode.
import { relative, sep } from 'node:path';
import chokidar from 'chokidar';
import { execute, type CommandResult } from '../api/execute.js';
import { loadProject, select } from '../api/session.js';
import type { RunCommandOptions } from '../api/options.js';
import type { Manifest } from '../parser/types.js';
import type { ParsedProject } from '../parser/project-parser.js';
import { reparseModels } from './incremental-parse.js';
import { OpenDatabase } from './open-database.js';
import { console as out } from '../console/console.js';
import { reportError } from '../cli/main.js';
import { changedNodeIds } from './changes.js';
import { PassScheduler } from './debounce.js';
import { watchedPaths, isIgnored } from './paths.js';
import { WATCH_RESOURCE_TYPES } from './watch-commands.js';

export { WATCH_RESOURCE_TYPES };

export interface WatchOptions extends RunCommandOptions {
  /** quiet period that merges rapid saves into one pass (ms) */
  debounceMs?: number;
  /** called after every pass (the first, full one included), with its result or the error it reported */
  onPass?: (p: { files: string[]; result?: CommandResult; error?: unknown }) => void;
}

export interface Watcher {
  /** resolves once the first pass is done and the watcher listens */
  ready: Promise<void>;
  /** resolves when no pass runs or is scheduled */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function watch(command: string, o: WatchOptions): Watcher {
  const types = WATCH_RESOURCE_TYPES[command];
  if (!types) throw new Error(`watch mode is for run, build and test, not ${command}`);
  const root = o.projectDir ?? process.cwd();
  let prev: Manifest | undefined;

  let last: ParsedProject | undefined;
  // after a pass that failed to parse, the next one parses in full: the broken file may not be among its saves
  let fullNext = true;
  const db = new OpenDatabase();

  const pass = async (files: Set<string>): Promise<void> => {
    try {
      let project: ParsedProject;
      let changed: Set<string> | 'all';
      const quick = !fullNext && last ? reparseModels(last, files) : undefined;
      if (quick && last) {
        project = last;
        changed = quick;
      } else {
        fullNext = true;
        project = loadProject(o);
        changed = changedNodeIds(prev, project.manifest, files);
      }
      prev = project.manifest;
      last = project;
      fullNext = false;
      let ids = changed === 'all' || o.select?.length || o.exclude?.length || o.state ? select(project, o, types) : [];
      if (changed !== 'all') ids = selectChanged(project, o, types, changed, o.select?.length || o.exclude?.length || o.state ? ids : undefined);
      if (files.size && !o.quiet) out.info(`\n${files.size} file${files.size === 1 ? '' : 's'} changed (${[...files].slice(0, 3).join(', ')}${files.size > 3 ? ', ...' : ''}): ${ids.length} node${ids.length === 1 ? '' : 's'} to run`);
      if (changed === 'all') db.forgetRelations();
      let result: CommandResult | undefined;
      if (ids.length) {
        const adapter = await db.for(project);
        const relations = await db.takeRelations(project);
        result = await execute(command, types, o, { project, ids, adapter, relations });
        if (result.exitCode === 0 && relations) db.keepRelations(relations);
      }
      o.onPass?.({ files: [...files], result });
    } catch (e) {
      fullNext = true;
      db.forgetRelations();
      reportError(e, false);
      o.onPass?.({ files: [...files], error: e });
    }
    if (!o.quiet) out.info('Watching for changes (Ctrl-C to stop)');
  };

  const scheduler = new PassScheduler(pass, o.debounceMs ?? 30);
  let fsWatcher: chokidar.FSWatcher | undefined;
  const first = pass(new Set());
  const ready = (async () => {
    await first;
    const paths = watchedPaths(root);
    fsWatcher = chokidar.watch(paths, { ignoreInitial: true, ignored: (p: string) => isIgnored(root, p) });
    await new Promise<void>((r) => fsWatcher!.on('ready', () => r()));
    const onEvent = (p: string) => scheduler.touch(relative(root, p).split(sep).join('/'));
    fsWatcher.on('add', onEvent).on('change', onEvent).on('unlink', onEvent);
  })();
  o.signal?.addEventListener('abort', () => void close());
  const close = async () => {
    scheduler.stop();
    await fsWatcher?.close();
    // a pass still running keeps using the database: close it once that pass is over
    await first;
    await scheduler.idle();
    await db.close();
  };
  return { ready, idle: () => scheduler.idle(), close };
}

/** The changed nodes with their descendants (and, through build's indirect selection, their tests), within the user's selection. */
function selectChanged(project: ParsedProject, o: RunCommandOptions, types: string[], changed: Set<string>, within?: string[]): string[] {
  if (changed.size === 0) return [];
  const selectors = [...changed].map((id) => {
    const n = project.manifest.nodes[id]!;
    return n.resource_type === 'test' || n.resource_type === 'unit_test' ? `${n.name}` : `${n.name}+`;
  });
  const picked = select(project, { select: selectors, exclude: o.exclude }, types);
  if (!within) return picked;
  const allowed = new Set(within);
  return picked.filter((id) => allowed.has(id));
}

/** Run `command` in watch mode until the signal aborts (Ctrl-C). Returns the exit code. */
export async function watchCommand(command: string, o: WatchOptions): Promise<number> {
  const w = watch(command, o);
  await w.ready;
  await new Promise<void>((resolve) => {
    if (o.signal?.aborted) resolve();
    o.signal?.addEventListener('abort', () => resolve());
  });
  await w.close();
  return 130;
}
