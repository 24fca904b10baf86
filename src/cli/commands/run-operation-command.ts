// `tsdbt run-operation <macro> --args '{...}'`: run one macro against the target database.
import type { Command } from 'commander';
import { addCommon, toOptions, yamlParse, type RawFlags } from '../common-flags.js';
import { TsdbtError } from '../../errors/tsdbt-error.js';

function parseArgs(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  let v: unknown;
  try {
    v = yamlParse(raw);
  } catch (e) {
    throw new TsdbtError('U001', `--args is not valid YAML: ${(e as Error).message.split('\n')[0]}`, { hint: "write it as a YAML mapping, e.g. --args '{table: orders, days: 7}'", exitCode: 1 });
  }
  if (v === null || v === undefined) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new TsdbtError('U001', '--args must be a YAML mapping of argument names to values', { hint: "e.g. --args '{table: orders}'", exitCode: 1 });
  return v as Record<string, unknown>;
}

export function registerRunOperationCommand(program: Command, setExit: (code: number) => void): void {
  addCommon(program.command('run-operation').description('run a macro (e.g. for maintenance), with keyword arguments from --args'))
    .argument('<macro>', 'macro name, or package.macro')
    .option('--args <yaml>', "keyword arguments as a YAML mapping, e.g. '{days: 7}'")
    .action(async (macro: string, flags: RawFlags & { args?: string }) => {
      const { runOperation } = await import('../../operations/run-operation.js');
      await runOperation({ ...toOptions(flags), macro, args: parseArgs(flags.args) });
      setExit(0);
    });
}
