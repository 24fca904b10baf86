// `tsdbt source freshness`: for each selected source (or model) with `loaded_at_field` and a
// `freshness` block, compares max(loaded_at_field) with now, prints dbt's lines, writes sources.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CommonOptions, SelectionOptions } from '../../api/options.js';
import { loadProject, select, withAdapter } from '../../api/session.js';
import type { GraphMember } from '../../parser/types.js';
import { console as out } from '../../console/console.js';
import { TsdbtError, TsdbtErrors, formatError } from '../../errors/tsdbt-error.js';
import { DBT_COMPAT_VERSION as DBT_VERSION, TSDBT_VERSION } from '../../version.js';
import { freshnessStatus, readCriteria, type Criteria } from './criteria.js';


export interface FreshnessOptions extends CommonOptions, SelectionOptions {
  /** where to write the results (default target/sources.json) */
  output?: string;
  quiet?: boolean;
}

export interface FreshnessResult {
  unique_id: string;
  status: 'pass' | 'warn' | 'error' | 'runtime error';
  max_loaded_at: string | null;
  snapshotted_at: string | null;
  max_loaded_at_time_ago_in_s: number | null;
  criteria: Criteria | null;
  error?: string;
  execution_time: number;
}

interface Check {
  member: GraphMember;
  label: string;
  relation: string;
  field: string;
  criteria: Criteria;
}

function checksFor(members: GraphMember[]): Check[] {
  const out: Check[] = [];
  for (const m of members) {
    const freshness = (m.resource_type === 'source' ? m.freshness : m.config.freshness) as Record<string, unknown> | null | undefined;
    const field = (m.resource_type === 'source' ? m.loaded_at_field : m.config.loaded_at_field) as string | null | undefined;
    if (!freshness || !field || !m.relation_name) continue;
    const label = m.resource_type === 'source' ? `source ${m.source_name}.${m.name}` : `model ${m.name}`;
    const criteria = readCriteria(freshness, `freshness of ${label}`, { file: m.original_file_path });
    if (criteria.warn_after || criteria.error_after) out.push({ member: m, label, relation: m.relation_name, field, criteria });
  }
  return out;
}

export async function sourceFreshness(o: FreshnessOptions): Promise<{ exitCode: number; results: FreshnessResult[]; path: string }> {
  const started = Date.now();
  const project = loadProject(o);
  // without a selection: every source, and every model that declares a freshness config
  const ids = o.select?.length ? select(project, o) : [...Object.keys(project.manifest.sources), ...Object.keys(project.manifest.nodes)];
  let checks: Check[];
  try {
    checks = checksFor(ids.map((id) => project.graph.members.get(id)).filter((m): m is GraphMember => !!m));
  } catch (e) {
    throw e instanceof TsdbtError ? new TsdbtErrors([e]) : e;
  }
  const results: FreshnessResult[] = [];
  await withAdapter(project, async (adapter) => {
    const conn = await adapter.connect();
    try {
      for (const [i, c] of checks.entries()) {
        const t0 = Date.now();
        const sql = `select max(${c.field}) as max_loaded_at, cast(current_timestamp as timestamp) as snapshotted_at, epoch(cast(current_timestamp as timestamp)) - epoch(cast(max(${c.field}) as timestamp)) as age from ${c.relation}${c.criteria.filter ? ` where ${c.criteria.filter}` : ''}`;
        let r: FreshnessResult;
        try {
          const [max, snap, age] = (await conn.query(sql)).rows[0] ?? [];
          const ageS = age === null || age === undefined ? null : Number(age);
          r = { unique_id: c.member.unique_id, status: ageS === null ? 'error' : freshnessStatus(ageS, c.criteria), max_loaded_at: max == null ? null : String(max), snapshotted_at: snap == null ? null : String(snap), max_loaded_at_time_ago_in_s: ageS, criteria: c.criteria, execution_time: (Date.now() - t0) / 1000 };
        } catch (e) {
          r = { unique_id: c.member.unique_id, status: 'runtime error', max_loaded_at: null, snapshotted_at: null, max_loaded_at_time_ago_in_s: null, criteria: c.criteria, error: e instanceof TsdbtError ? formatError(e) : (e as Error).message, execution_time: (Date.now() - t0) / 1000 };
        }
        results.push(r);
        if (!o.quiet) {
          const word = r.status === 'pass' ? 'PASS' : r.status === 'warn' ? 'WARN' : 'ERROR STALE';
          const status = r.status === 'runtime error' ? 'ERROR' : word;
          out.info(`${i + 1} of ${checks.length} ${status} freshness of ${c.label.replace(/^(source|model) /, '')} [${status} in ${r.execution_time.toFixed(2)}s]${r.error ? `\n  ${r.error}` : ''}`);
        }
      }
    } finally {
      conn.close();
    }
  });
  const root = project.config.project.root;
  const path = o.output ? resolve(root, o.output) : resolve(root, project.config.project.paths.targetPath, 'sources.json');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify({
    // the same metadata as manifest.json and run_results.json: the dbt version tsdbt mirrors, its own apart
    metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/sources/v3.json', dbt_version: DBT_VERSION, tsdbt_version: TSDBT_VERSION, generated_at: new Date().toISOString(), invocation_id: project.invocationId, env: {} },
    results: results.map((r) => ({ ...r, adapter_response: {}, timing: [], thread_id: 'Thread-1' })),
    elapsed_time: (Date.now() - started) / 1000,
  }, null, 2));
  if (!o.quiet) out.info(`Done. PASS=${results.filter((r) => r.status === 'pass').length} WARN=${results.filter((r) => r.status === 'warn').length} ERROR=${results.filter((r) => r.status === 'error' || r.status === 'runtime error').length} TOTAL=${results.length}`);
  const failed = results.some((r) => r.status === 'error' || r.status === 'runtime error');
  return { exitCode: failed ? 1 : 0, results, path };
}
