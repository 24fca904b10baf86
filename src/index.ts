// tsdbt's programmatic API: the same commands as the CLI, returning structured results.
//
// @example
//   import { build } from 'tsdbt';
//   const r = await build({ projectDir: 'my_project', select: ['+fct_orders'] });
//   console.log(r.exitCode, r.results.map((x) => `${x.unique_id} ${x.status}`));
import type { RunCommandOptions } from './api/options.js';
import { execute, type CommandResult } from './api/execute.js';

export type { CommandResult } from './api/execute.js';
export type { RunCommandOptions, CommonOptions, SelectionOptions } from './api/options.js';
export type { NodeResult } from './runner/types.js';
export type { Manifest, ManifestNode } from './parser/types.js';
export { compile, parse } from './api/compile.js';
export { list } from './api/list.js';
export { show, formatTable } from './api/show.js';
export { clean, debug } from './api/maintenance.js';
export { TsdbtError, TsdbtErrors, formatError } from './errors/tsdbt-error.js';
export { captureOutput } from './console/console.js';
export { runOperation } from './operations/run-operation.js';
export { deps } from './packages/deps.js';

/** Build models only. */
export function run(o: RunCommandOptions = {}): Promise<CommandResult> {
  return execute('run', ['model'], o);
}

/** Load seeds only. */
export function seed(o: RunCommandOptions = {}): Promise<CommandResult> {
  return execute('seed', ['seed'], o);
}

/** Seeds, models, snapshots and tests, in DAG order. */
export function build(o: RunCommandOptions = {}): Promise<CommandResult> {
  return execute('build', ['seed', 'model', 'snapshot', 'test', 'unit_test'], o);
}

/** Data tests only. */
export function test(o: RunCommandOptions = {}): Promise<CommandResult> {
  return execute('test', ['test', 'unit_test'], o);
}

/** Snapshots only. */
export function snapshot(o: RunCommandOptions = {}): Promise<CommandResult> {
  return execute('snapshot', ['snapshot'], o);
}
