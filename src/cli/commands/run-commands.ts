// `run`, `seed`, `build`, `test`, `snapshot`: the commands that execute nodes.
import type { Command } from 'commander';
import { addCommon, addSelection, toOptions, type RawFlags } from '../common-flags.js';
import { run, seed, build, test, snapshot } from '../../index.js';
import type { CommandResult } from '../../api/execute.js';
import type { RunCommandOptions } from '../../api/options.js';
import { interruptSignal } from '../interrupt.js';
import { watchCommand, WATCH_RESOURCE_TYPES } from '../../watch/watch.js';

type Api = (o: RunCommandOptions) => Promise<CommandResult>;

const COMMANDS: [string, string, Api][] = [
  ['run', 'build the selected models', run],
  ['seed', 'load CSV seeds into tables', seed],
  ['build', 'load seeds, build models and snapshots, and run tests, in DAG order', build],
  ['test', 'run data tests and unit tests', test],
  ['snapshot', 'run snapshots', snapshot],
];

export function registerRunCommands(program: Command, setExit: (code: number) => void): void {
  for (const [name, description, api] of COMMANDS) {
    const cmd = addSelection(addCommon(program.command(name).description(description)))
      .option('--fail-fast', 'stop at the first failure')
      .option('--full-refresh', 'rebuild incremental models and seeds from scratch');
    if (name in WATCH_RESOURCE_TYPES) cmd.option('--watch', 'rebuild what changed on every save until Ctrl-C');
    cmd.action(async (flags: RawFlags & { watch?: boolean }) => {
      const opts = { ...toOptions(flags), signal: interruptSignal() };
      if (flags.watch) return setExit(await watchCommand(name, opts));
      const r = await api(opts);
      setExit(r.exitCode);
    });
  }
}
