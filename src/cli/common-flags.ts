// Flags every command takes (dbt's names), and their mapping onto the API's options.
import { Command, Option } from 'commander';
import { createRequire } from 'node:module';
import type { RunCommandOptions } from '../api/options.js';
import { TsdbtError } from '../errors/tsdbt-error.js';

export interface RawFlags {
  projectDir?: string;
  profilesDir?: string;
  profile?: string;
  target?: string;
  vars?: string;
  threads?: string;
  select?: string[];
  models?: string[];
  exclude?: string[];
  fullRefresh?: boolean;
  failFast?: boolean;
  state?: string;
  defer?: boolean;
  debug?: boolean;
  logLevel?: string;
  logFormat?: string;
}

export function addCommon(cmd: Command): Command {
  return cmd
    .option('--project-dir <dir>', 'the project folder (default: current folder)')
    .option('--profiles-dir <dir>', 'folder holding profiles.yml')
    .option('--profile <name>', 'profile to use instead of the project\'s')
    .option('-t, --target <name>', 'target of the profile to use')
    .option('--vars <yaml>', "variables as YAML, e.g. '{key: value}'")
    .option('--threads <n>', 'number of nodes to run at once')
    .option('--debug', 'print stack traces and debug output')
    .option('--log-path <dir>', 'folder of the debug log tsdbt.log (default: log-path of the project, else logs)')
    .option('--use-colors', 'colour the console output even when it is not a terminal')
    .option('--no-use-colors', 'never colour the console output')
    .addOption(new Option('--log-level <level>', 'console log level').choices(['debug', 'info', 'warn', 'error']))
    .addOption(new Option('--log-format <format>', 'console format').choices(['text', 'json']));
}

export function addSelection(cmd: Command): Command {
  return cmd
    .option('-s, --select <selector...>', 'nodes to include (dbt selection syntax)')
    .option('-m, --models <selector...>', 'alias of --select')
    .option('--exclude <selector...>', 'nodes to exclude')
    .option('--state <dir>', 'folder of a previous manifest.json for state: selectors')
    .option('--defer', 'read unselected parents missing from the target from the --state manifest\'s relations');
}

/** The YAML parser, loaded only when a flag holds YAML (~40 ms that `tsdbt parse` of an unchanged project skips). */
export function yamlParse(text: string): unknown {
  return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);
}

export function parseVars(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  let v: unknown;
  try {
    v = yamlParse(raw);
  } catch (e) {
    throw new TsdbtError('U001', `--vars is not valid YAML: ${(e as Error).message.split('\n')[0]}`, { hint: "write it as a YAML mapping, e.g. --vars '{start_date: 2024-01-01}'" });
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new TsdbtError('U001', '--vars must be a YAML mapping', { hint: "e.g. --vars '{key: value}'" });
  }
  return v as Record<string, unknown>;
}

export function toOptions(f: RawFlags): RunCommandOptions {
  let threads: number | undefined;
  if (f.threads !== undefined) {
    threads = Number(f.threads);
    if (!Number.isInteger(threads) || threads < 1) throw new TsdbtError('U001', `--threads must be a positive whole number, not '${f.threads}'`);
  }
  const select = [...(f.select ?? []), ...(f.models ?? [])];
  return {
    projectDir: f.projectDir,
    profilesDir: f.profilesDir,
    profile: f.profile,
    target: f.target,
    vars: parseVars(f.vars),
    threads,
    select: select.length ? select : undefined,
    exclude: f.exclude,
    fullRefresh: f.fullRefresh,
    failFast: f.failFast,
    state: f.state,
    defer: f.defer,
  };
}
