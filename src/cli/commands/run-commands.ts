// `run`, `seed`, `build`, `test`, `snapshot`: the commands that execute nodes (their code, DuckDB's
// native module and the watcher load when the command runs, not on every `tsdbt` start).
import type { Command } from 'commander';
import { addCommon, addSelection, toOptions, type RawFlags } from '../common-flags.js';
import type { CommandResult } from '../../api/execute.js';
import type { RunCommandOptions } from '../../api/options.js';
import { interruptSignal } from '../interrupt.js';
import { WATCH_RESOURCE_TYPES } from '../../watch/watch-commands.js';

type Api = 'run' | 'seed' | 'build' | 'test' | 'snapshot';

const COMMANDS: [Api, string][] = [
  ['run', 'build the selected models'],
  ['seed', 'load CSV seeds into tables'],
  ['build', 'load seeds, build models and snapshots, and run tests, in DAG order'],
  ['test', 'run data tests and unit tests'],
  ['snapshot', 'run snapshots'],
];

export function registerRunCommands(program: Command, setExit: (code: number) => void): void {
  for (const [name, description] of COMMANDS) {
    const cmd = addSelection(addCommon(program.command(name).description(description)))
      .option('--fail-fast', 'stop at the first failure')
      .option('--full-refresh', 'rebuild incremental models and seeds from scratch');
    if (name in WATCH_RESOURCE_TYPES) cmd.option('--watch', 'rebuild what changed on every save until Ctrl-C');
    if (name === 'test' || name === 'build') cmd.option('--store-failures', 'store the failing rows of every test in the audit schema');
    cmd.action(async (flags: RawFlags & { watch?: boolean; storeFailures?: boolean }) => {
      const { withStoreFailures } = await import('../../data-tests/invocation-flags.js');
      return withStoreFailures(flags.storeFailures === true, async () => {
        const opts = { ...toOptions(flags), signal: interruptSignal() };
        if (flags.watch) {
          const { watchCommand } = await import('../../watch/watch.js');
          return setExit(await watchCommand(name, opts));
        }
        const api: Record<Api, (o: RunCommandOptions) => Promise<CommandResult>> = await import('../../index.js');
        const r = await api[name](opts);
        setExit(r.exitCode);
      });
    });
  }
}
