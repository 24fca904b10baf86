// `tsdbt deps`: install local packages into dbt_packages/ and say which packages need a download.
import type { Command } from 'commander';
import { addCommon, toOptions, type RawFlags } from '../common-flags.js';
import { console as out } from '../../console/console.js';

export function registerDepsCommand(program: Command, setExit: (code: number) => void): void {
  addCommon(program.command('deps').description('install the packages listed in packages.yml (local packages; hub/git ones must be placed by hand)')).action(async (flags: RawFlags) => {
    const { deps } = await import('../../packages/deps.js');
    const r = deps(toOptions(flags));
    for (const l of r.lines) (l.startsWith('Cannot') ? out.error : out.info).call(out, l);
    setExit(r.ok ? 0 : 1);
  });
}
