// The names every template sees whatever it renders: var, env_var, target, log, exceptions, return,
// modules and friends. Model-specific names (ref, source, config, this) are added by the scope builders.
import { createHash } from 'node:crypto';
import { TsdbtError } from '../errors/tsdbt-error.js';
import type { ResolvedConfig } from '../config/types.js';
import { ReturnSignal } from './signals.js';
import { splitArgs, bindArgs } from './jinja-args.js';
import { console as out } from '../console/console.js';
import { pythonModules } from './python-modules.js';
import { PyDateTime } from './python-datetime.js';
import { DBT_COMPAT_VERSION, TSDBT_VERSION } from '../version.js';
import { pythonBuiltins } from './python-builtins.js';

/** The config a base context was made for (builtin-macros needs it to set up dispatch). */
export const contextConfig = new WeakMap<object, ResolvedConfig>();

export interface BaseContextOptions {
  config: ResolvedConfig;
  invocationId: string;
  runStartedAt: Date;
  /** env vars read while rendering (partial parsing keys its cache on them) */
  envRead?: Map<string, string | undefined>;
}

const MISSING = Symbol('missing');

export function makeVar(vars: Record<string, unknown>, where: () => string) {
  return (...args: unknown[]): unknown => {
    const { positional } = splitArgs(args);
    const name = String(positional[0]);
    if (name in vars) return vars[name];
    if (positional.length > 1) return positional[1];
    throw new TsdbtError('P001', `Required var '${name}' not found in config`, {
      location: { file: where() },
      hint: `define it under \`vars:\` in project.yml, pass --vars '{${name}: ...}', or give a default: var('${name}', 'default')`,
    });
  };
}

export function makeEnvVar(read: Map<string, string | undefined> | undefined, where: () => string) {
  return (...args: unknown[]): unknown => {
    const { positional } = splitArgs(args);
    const name = String(positional[0]);
    const value = process.env[name];
    read?.set(name, value);
    if (value !== undefined) return value;
    if (positional.length > 1) return positional[1];
    throw new TsdbtError('P001', `Env var required but not provided: '${name}'`, {
      location: { file: where() },
      hint: `set it (export ${name}=...) or give a default: env_var('${name}', 'default')`,
    });
  };
}

export function baseContext(opts: BaseContextOptions, where: () => string): Record<string, unknown> {
  const { config } = opts;
  const t = config.target;
  const target = { ...t.raw, name: t.name, profile_name: t.profileName, type: 'duckdb', schema: t.schema, database: t.database, path: t.path, threads: t.threads };
  const compilerError = (msg: unknown) => new TsdbtError('P001', `Compilation Error: ${String(msg)}`, { location: { file: where() } });
  const ctx: Record<string, unknown> = {
    var: makeVar(config.vars, where),
    env_var: makeEnvVar(opts.envRead, where),
    target,
    project_name: config.project.name,
    invocation_id: opts.invocationId,
    run_started_at: new PyDateTime(opts.runStartedAt, false, 'UTC'),
    dbt_version: DBT_COMPAT_VERSION,
    tsdbt_version: TSDBT_VERSION,
    thread_id: 'Thread-1',
    flags: { FULL_REFRESH: false, WHICH: 'run' },
    selected_resources: [],
    return: (...args: unknown[]) => {
      throw new ReturnSignal(splitArgs(args).positional[0]);
    },
    log: (...args: unknown[]) => {
      const a = bindArgs(['msg', 'info'], args);
      if (a.info === true) out.info(String(a.msg));
      else out.debug(String(a.msg));
      return '';
    },
    print: (...args: unknown[]) => {
      out.info(splitArgs(args).positional.map(String).join(' '));
      return '';
    },
    exceptions: {
      raise_compiler_error: (msg: unknown) => {
        throw compilerError(msg);
      },
      raise_not_implemented: (msg: unknown) => {
        throw new TsdbtError('P001', `Not implemented: ${String(msg)}`, { location: { file: where() } });
      },
      raise_fail_fast_error: (msg: unknown) => {
        throw compilerError(msg);
      },
      warn: (msg: unknown) => {
        out.warn(`${where()}: ${String(msg)}`);
        return '';
      },
    },
    modules: pythonModules(),
    local_md5: (s: unknown) => createHash('md5').update(String(s)).digest('hex'),
    try_or_compiler_error: (message: unknown, fn: (...a: unknown[]) => unknown, ...rest: unknown[]) => {
      try {
        return fn(...rest);
      } catch {
        throw compilerError(message);
      }
    },
    ...pythonBuiltins(),
  };
  contextConfig.set(ctx, config);
  return ctx;
}
