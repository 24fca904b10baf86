// The names every template sees whatever it renders: var, env_var, target, log, exceptions, return,
// modules and friends. Model-specific names (ref, source, config, this) are added by the scope builders.
import { createHash } from 'node:crypto';
import { TsdbtError } from '../errors/tsdbt-error.js';
import type { ResolvedConfig } from '../config/types.js';
import { ReturnSignal } from './environment.js';
import { splitArgs } from './jinja-args.js';
import { console as out } from '../console/console.js';

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
  return {
    var: makeVar(config.vars, where),
    env_var: makeEnvVar(opts.envRead, where),
    target,
    project_name: config.project.name,
    invocation_id: opts.invocationId,
    run_started_at: opts.runStartedAt,
    dbt_version: '1.8.0',
    tsdbt_version: '0.1.0',
    flags: { FULL_REFRESH: false, WHICH: 'run' },
    return: (...args: unknown[]) => {
      throw new ReturnSignal(splitArgs(args).positional[0]);
    },
    log: (...args: unknown[]) => {
      const { positional, kwargs } = splitArgs(args);
      if (positional[1] === true || kwargs.info === true) out.info(String(positional[0]));
      else out.debug(String(positional[0]));
      return '';
    },
    print: (...args: unknown[]) => {
      out.info(splitArgs(args).positional.map(String).join(' '));
      return '';
    },
    exceptions: {
      raise_compiler_error: (msg: unknown) => {
        throw new TsdbtError('P001', `Compilation Error: ${String(msg)}`, { location: { file: where() } });
      },
      warn: (msg: unknown) => {
        out.warn(`${where()}: ${String(msg)}`);
        return '';
      },
    },
    modules: { datetime: datetimeModule(), re: reModule() },
    fromjson: (s: unknown, d: unknown = MISSING) => {
      try {
        return JSON.parse(String(s));
      } catch (e) {
        if (d !== MISSING) return d;
        throw e;
      }
    },
    tojson: (v: unknown) => JSON.stringify(v),
    zip: (...arrays: unknown[][]) => arrays[0].map((_, i) => arrays.map((a) => a[i])),
    set: (v: Iterable<unknown>) => [...new Set(v)],
    local_md5: (s: unknown) => createHash('md5').update(String(s)).digest('hex'),
  };
}

function datetimeModule() {
  return {
    datetime: {
      now: () => new Date(),
      utcnow: () => new Date(),
    },
    date: { today: () => new Date().toISOString().slice(0, 10) },
  };
}

function reModule() {
  const py = (p: string) => new RegExp(p.replace(/\(\?P</g, '(?<'));
  return {
    match: (p: string, s: string) => py('^(?:' + p + ')').exec(s),
    search: (p: string, s: string) => py(p).exec(s),
    sub: (p: string, r: string, s: string) => s.replace(new RegExp(py(p).source, 'g'), r),
    findall: (p: string, s: string) => [...s.matchAll(new RegExp(py(p).source, 'g'))].map((m) => m[1] ?? m[0]),
    compile: (p: string) => py(p),
  };
}
