// `tsdbt clean` and `tsdbt debug`: remove build output safely; check config and the connection.
import { existsSync, rmSync } from 'node:fs';
import { resolve, relative, isAbsolute } from 'node:path';
import type { CommonOptions } from './options.js';
import { loadConfig } from '../config/load-config.js';
import { TsdbtError } from '../errors/tsdbt-error.js';

export function clean(o: CommonOptions): string[] {
  const config = loadConfig({ projectDir: o.projectDir, profilesDir: o.profilesDir, target: o.target, vars: o.vars });
  const root = config.project.root;
  const removed: string[] = [];
  for (const t of config.project.paths.cleanTargets) {
    const abs = resolve(root, t);
    const rel = relative(root, abs);
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) {
      throw new TsdbtError('C002', `clean-targets entry '${t}' is outside the project folder`, { location: { file: config.project.file }, hint: 'list only folders inside the project, such as target and dbt_packages' });
    }
    if (existsSync(abs)) {
      rmSync(abs, { recursive: true, force: true });
      removed.push(t);
    }
  }
  return removed;
}

export interface DebugReport {
  lines: string[];
  ok: boolean;
}

export async function debug(o: CommonOptions): Promise<DebugReport> {
  const lines: string[] = [];
  const config = loadConfig({ projectDir: o.projectDir, profilesDir: o.profilesDir, target: o.target, vars: o.vars });
  lines.push(`project file: ${config.project.file} [OK found and valid]`);
  lines.push(`profiles.yml: ${config.target.profilesFile} [OK found and valid]`);
  lines.push('Connection:');
  lines.push(`  type: duckdb`);
  lines.push(`  profile: ${config.target.profileName}`);
  lines.push(`  target: ${config.target.name}`);
  lines.push(`  path: ${config.target.path}`);
  lines.push(`  database: ${config.target.database}`);
  lines.push(`  schema: ${config.target.schema}`);
  lines.push(`  threads: ${config.target.threads}`);
  let ok = true;
  try {
    const { DuckDBAdapter } = await import('../adapters/duckdb/duckdb-adapter.js');
    const adapter = await DuckDBAdapter.open(config.target);
    const conn = await adapter.connect();
    await conn.query('select 1');
    conn.close();
    adapter.close();
    lines.push('  Connection test: [OK connection ok]');
  } catch (e) {
    ok = false;
    lines.push(`  Connection test: [ERROR] ${(e as Error).message}`);
  }
  lines.push(ok ? 'All checks passed!' : 'Some checks failed.');
  return { lines, ok };
}
