// Shared set-up of every command: load config, parse the project, select nodes, open DuckDB once,
// and close it whatever happens.
import { loadConfig } from '../config/load-config.js';
import { parseProject, type ParsedProject } from '../parser/project-parser.js';
import { selectNodes } from '../graph/selector.js';
import type { Adapter } from '../adapters/adapter.js';
import type { CommonOptions, SelectionOptions } from './options.js';
import { console as out } from '../console/console.js';
import { secretValues } from '../config/yaml-jinja.js';
import { readState } from './state.js';
import { registerAll } from './register.js';
import { deferTo } from '../compiler/defer.js';
import { TsdbtError } from '../errors/tsdbt-error.js';

export function loadProject(o: CommonOptions): ParsedProject {
  registerAll();
  const config = loadConfig({ projectDir: o.projectDir, profilesDir: o.profilesDir, profile: o.profile, target: o.target, vars: o.vars, threads: o.threads });
  out.addSecrets(secretValues());
  for (const [k, v] of Object.entries(process.env)) if (/^(TSDBT|DBT)_ENV_SECRET_/.test(k) && v) out.addSecrets([v]);
  return parseProject(config);
}

export function select(project: ParsedProject, o: SelectionOptions, resourceTypes?: string[]): string[] {
  const state = o.state ? readState(o.state) : undefined;
  if (o.defer && !state) throw new TsdbtError('U001', '--defer needs --state: the folder of the manifest.json to defer to', { hint: 'add --state <folder>, e.g. --state prod-artifacts/' });
  const sel = selectNodes(project.graph, {
    select: o.select?.length ? o.select : undefined,
    exclude: o.exclude?.length ? o.exclude : undefined,
    resourceTypes,
    state: state ? { manifest: state.manifest } : undefined,
    previousResults: state?.results,
  });
  for (const u of sel.unmatchedSelectors ?? []) out.warn(`${u.message}${u.hint ? ` (${u.hint})` : ''}`);
  if (o.defer && state) deferTo(project, new Set(sel), state.manifest);
  return [...sel];
}

export async function withAdapter<T>(project: ParsedProject, fn: (adapter: Adapter) => Promise<T>, opts: { readOnly?: boolean } = {}): Promise<T> {
  // DuckDB's native module costs ~0.3 s to load: only commands that open the database pay for it
  const { DuckDBAdapter } = await import('../adapters/duckdb/duckdb-adapter.js');
  const adapter = await DuckDBAdapter.open(project.config.target, opts);
  try {
    return await fn(adapter);
  } finally {
    adapter.close();
  }
}
