// adapter.dispatch() with dbt's resolution: the namespace's `dispatch:` search_order from the project
// config if any, else [root project, namespace] for an installed package, else the default lookup
// (root project, then packages, then dbt's own macros); within each, `duckdb__name` then `default__name`.
import type { TemplateEngine } from './environment.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { closest } from '../errors/suggest.js';

export interface DispatchConfig {
  projectName: string;
  dispatch: { macro_namespace: string; search_order: string[] }[];
}

const PREFIXES = ['duckdb', 'default'];

function searchPackages(engine: TemplateEngine, cfg: DispatchConfig, namespace: string | null): (string | null)[] {
  if (namespace === null) return [null];
  const configured = cfg.dispatch.find((d) => d.macro_namespace === namespace)?.search_order;
  if (configured?.length) return configured;
  const isDependency = namespace !== cfg.projectName && namespace !== 'dbt' && engine.namespaces.has(namespace);
  return isDependency ? [cfg.projectName, namespace] : [null];
}

function lookup(engine: TemplateEngine, pkg: string | null, name: string): unknown {
  if (pkg === null) return engine.macros.get(name) ?? engine.namespaces.get('dbt')?.[name];
  return engine.namespaces.get(pkg)?.[name];
}

/** The macro adapter.dispatch(name, namespace) resolves to, or a TsdbtError listing what was tried. */
export function resolveDispatch(engine: TemplateEngine, cfg: DispatchConfig, name: string, namespace: string | null): (...a: unknown[]) => unknown {
  if (name.includes('.')) {
    throw new TsdbtError('P004', `In dispatch: the macro name '${name}' must not contain a dot`, {
      hint: `pass the package as the second argument: adapter.dispatch('${name.split('.').pop()}', '${name.split('.')[0]}')`,
    });
  }
  const attempts: string[] = [];
  for (const pkg of searchPackages(engine, cfg, namespace)) {
    for (const prefix of PREFIXES) {
      const candidate = `${prefix}__${name}`;
      attempts.push(pkg === null ? candidate : `${pkg}.${candidate}`);
      const fn = lookup(engine, pkg, candidate);
      if (typeof fn === 'function') return fn as (...a: unknown[]) => unknown;
    }
  }
  const known = new Set<string>([...engine.macros.keys()]);
  for (const ns of engine.namespaces.values()) for (const k of Object.keys(ns)) known.add(k);
  const near = closest(`default__${name}`, [...known].filter((k) => k.includes('__')))[0];
  throw new TsdbtError('P004', `In dispatch: No macro named '${name}' found within namespace: '${namespace ?? 'None'}'\n    Searched for: ${attempts.map((a) => `'${a}'`).join(', ')}`, {
    hint: near ? `did you mean '${near}'? (or define a macro named default__${name})` : `define a macro named default__${name} (or duckdb__${name}) in your macros/ folder`,
  });
}
