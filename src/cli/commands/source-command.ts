// `tsdbt source freshness`: checks how recently sources (and models with a freshness config) were
// loaded and writes target/sources.json; exits 1 when any is past `error_after`.
import type { Command } from 'commander';
import { addCommon, addSelection, toOptions, type RawFlags } from '../common-flags.js';

export function registerSourceCommand(program: Command, setExit: (code: number) => void): void {
  const source = program.command('source').description('commands about sources');
  addSelection(addCommon(source.command('freshness').description('check source freshness and write target/sources.json')))
    .option('-o, --output <path>', 'where to write the results (default target/sources.json)')
    .action(async (flags: RawFlags & { output?: string }) => {
      const { sourceFreshness } = await import('../../data-tests/freshness/source-freshness.js');
      const r = await sourceFreshness({ ...toOptions(flags), output: flags.output });
      setExit(r.exitCode);
    });
}
