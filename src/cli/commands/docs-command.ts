// `tsdbt docs generate|serve`: wired to the docs stage.
import type { Command } from 'commander';
import { addCommon, toOptions, type RawFlags } from '../common-flags.js';
import { console as out } from '../../console/console.js';
import { TsdbtError } from '../../errors/tsdbt-error.js';

export function registerDocsCommand(program: Command, setExit: (code: number) => void): void {
  const docs = program.command('docs').description('generate and serve the documentation site');
  addCommon(docs.command('generate').description('write the docs site to the target folder')).action((_flags: RawFlags) => {
    void toOptions(_flags);
    out.error('docs generate is not available in this version yet');
    throw new TsdbtError('U001', 'tsdbt docs is not implemented yet', { hint: 'the docs site lands with the docs issue' });
  });
  void setExit;
}
