// The `tsdbt` command: a thin layer over the API. Parses flags, runs the command, prints user errors
// as `file:line:col: error[code]: message` without a stack trace (unless --debug), sets the exit code.
import { Command, CommanderError } from 'commander';
import { registerRunCommands } from './commands/run-commands.js';
import { registerOtherCommands } from './commands/other-commands.js';
import { registerDocsCommand } from './commands/docs-command.js';
import { registerSourceCommand } from './commands/source-command.js';
import { registerDepsCommand } from './commands/deps-command.js';
import { registerRunOperationCommand } from './commands/run-operation-command.js';
import { console as out, flushOutput, type Level } from '../console/console.js';
import { TsdbtError, TsdbtErrors, formatError } from '../errors/tsdbt-error.js';
import { TSDBT_VERSION } from '../artifacts/write-artifacts.js';
import { startFileLog } from '../console/file-log.js';

export function reportError(e: unknown, debug: boolean): number {
  if (e instanceof TsdbtErrors) {
    for (const err of e.errors) out.error(formatError(err));
    out.error(`${e.errors.length} error${e.errors.length === 1 ? '' : 's'}: nothing was run`);
    if (debug) out.error(e.stack ?? '');
    return Math.max(...e.errors.map((x) => x.exitCode));
  }
  if (e instanceof TsdbtError) {
    out.error(formatError(e));
    if (debug) out.error(e.stack ?? '');
    return e.exitCode;
  }
  out.error(`internal error: ${(e as Error)?.message ?? String(e)}`);
  out.error(debug ? ((e as Error)?.stack ?? '') : 'run again with --debug for the stack trace, and report it as a tsdbt bug');
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const debug = argv.includes('--debug');
  const level = argv[argv.indexOf('--log-level') + 1];
  // main() may run many times in one process (tests, embedding): flags of one call must not stick
  out.level = 'info';
  out.format = 'text';
  out.useColors = argv.includes('--no-use-colors') ? false : argv.includes('--use-colors') ? true : undefined;
  if (argv.includes('--log-level') && ['debug', 'info', 'warn', 'error'].includes(level)) out.level = level as Level;
  if (debug) out.level = 'debug';
  if (argv.includes('--log-format') && argv[argv.indexOf('--log-format') + 1] === 'json') out.format = 'json';
  const program = new Command('tsdbt')
    .description('dbt-style SQL transformations on DuckDB')
    .version(TSDBT_VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => (flushOutput(), process.stdout.write(s)),
      writeErr: (s) => (flushOutput(), process.stderr.write(s)),
    })
    .showSuggestionAfterError(true);
  const setExit = (c: number) => (exitCode = c);
  registerRunCommands(program, setExit);
  registerOtherCommands(program, setExit);
  registerDocsCommand(program, setExit);
  registerSourceCommand(program, setExit);
  registerDepsCommand(program, setExit);
  registerRunOperationCommand(program, setExit);
  const stopLog = startFileLog(argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    return reportError(e, debug);
  } finally {
    stopLog();
  }
  return exitCode;
}
