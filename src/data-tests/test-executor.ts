// Runs one data test: compiles its query of failing rows, optionally stores them, wraps it with dbt's
// failures / should_warn / should_error columns, and turns the counts into pass, warn or fail.
import { writeLater } from '../runner/deferred-writes.js';
import type { Executor, ExecContext } from '../runner/executors.js';
import type { ManifestNode } from '../parser/types.js';
import { compileNode } from '../compiler/compile-node.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { didYouMean } from '../errors/suggest.js';
import { specOf } from './test-spec.js';
import { formatPreview, PREVIEW_ROWS } from './failure-preview.js';
import { recordRowCount } from './anomaly-history.js';
import { targetFilePath } from '../artifacts/target-files.js';

function writeCompiled(ctx: ExecContext, node: ManifestNode, sql: string): void {
  const path = targetFilePath(ctx.project.config.project, node, 'compiled');
  writeLater(path, sql);
  node.compiled_path = path;
}

async function run(ctx: ExecContext, sql: string): Promise<void> {
  ctx.executed.push(sql);
  await ctx.conn.run(sql);
}

/** A missing column is the user's YAML, not a database problem: say which line and what exists. */
async function explain(e: unknown, node: ManifestNode, ctx: ExecContext): Promise<unknown> {
  const spec = specOf(node);
  const msg = (e as Error)?.message ?? '';
  const col = spec?.columnName?.replace(/^"|"$/g, '');
  if (!spec || !col || !/Referenced column/i.test(msg) || !msg.includes(`"${col}"`)) return e;
  const owner = spec.target.kind === 'node' ? ctx.project.manifest.nodes[spec.target.id] : ctx.project.manifest.sources[spec.target.id];
  const schema = owner?.schema ?? '';
  const name = owner && 'alias' in owner ? owner.alias : spec.target.kind === 'source' ? (ctx.project.manifest.sources[spec.target.id]?.identifier ?? '') : '';
  const cols = (await ctx.adapter.getColumns(ctx.conn, schema, name).catch(() => [])).map((c) => c.name);
  const what = spec.target.kind === 'node' ? `\`${spec.target.name}\`` : `source \`${spec.target.source}.${spec.target.table}\``;
  return new TsdbtError('T001', `test ${node.name}: \`${col}\` is not a column of ${what}`, {
    location: spec.location,
    hint: didYouMean(col, cols) ?? (cols.length ? `its columns are ${cols.join(', ')}` : 'check the column name'),
  });
}

/** Whether the audit relation exists now, and as a table or a view. */
async function existingKind(ctx: ExecContext, database: string, schema: string, name: string): Promise<'table' | 'view' | null> {
  const q = (v: string) => `'${v.replace(/'/g, "''")}'`;
  const r = await ctx.conn.query(
    `select table_type from information_schema.tables where table_catalog = ${q(database)} and table_schema = ${q(schema)} and table_name = ${q(name)}`,
  );
  const t = r.rows[0]?.[0];
  return t === undefined || t === null ? null : String(t) === 'VIEW' ? 'view' : 'table';
}

export const runDataTest: Executor = async (node, ctx) => {
  let sql = await compileNode(node, { project: ctx.project, relations: ctx.relations, conn: ctx.conn, fullRefresh: ctx.fullRefresh, writeFiles: false });
  sql = sql.trim().replace(/;+\s*$/, '');
  node.compiled_code = sql;
  writeCompiled(ctx, node, sql);
  ctx.compiled();
  const c = node.config;
  const spec = specOf(node);
  let main = c.limit ? `${sql}\nlimit ${Number(c.limit)}` : sql;
  try {
    if (spec?.testName === 'row_count_anomaly') ctx.executed.push(...(await recordRowCount(ctx.project, ctx.conn, node, spec)));
    if (c.store_failures === true && c.store_failures_as !== 'ephemeral' && node.relation_name) {
      const kind = c.store_failures_as === 'view' ? 'view' : 'table';
      await run(ctx, `create schema if not exists "${node.database}"."${node.schema}"`);
      // DuckDB refuses `drop view` on a table (and the reverse), even with `if exists`: drop what is there
      const existing = await existingKind(ctx, node.database, node.schema, node.alias);
      if (existing && existing !== kind) await run(ctx, `drop ${existing} if exists ${node.relation_name}`);
      await run(ctx, `create or replace ${kind} ${node.relation_name} as (\n${main}\n)`);
      main = `select * from ${node.relation_name}`;
    }
    const calc = String(c.fail_calc ?? 'count(*)');
    const wrapped = `select\n  ${calc} as failures,\n  ${calc} ${String(c.warn_if ?? '!=0')} as should_warn,\n  ${calc} ${String(c.error_if ?? '!=0')} as should_error\nfrom (\n${main}\n) dbt_internal_test`;
    ctx.executed.push(wrapped);
    const row = ctx.conn.firstRow ? await ctx.conn.firstRow(wrapped) : (await ctx.conn.query(wrapped)).rows[0];
    const [failuresRaw, shouldWarn, shouldError] = row ?? [0, false, false];
    const failures = Number(failuresRaw ?? 0);
    const severity = String(c.severity ?? 'ERROR').toUpperCase();
    const status = severity === 'ERROR' && shouldError === true ? 'fail' : shouldWarn === true ? 'warn' : 'pass';
    if (status === 'pass') return { status, message: 'PASS', failures, code: 'OK' };
    const threshold = status === 'fail' ? String(c.error_if ?? '!=0') : String(c.warn_if ?? '!=0');
    let preview: string | undefined;
    if (failures > 0) {
      const rows = await ctx.conn.query(`select * from (\n${main}\n) dbt_internal_preview limit ${PREVIEW_ROWS}`);
      if (rows.rows.length) preview = formatPreview(rows, failures);
    }
    return { status, message: `Got ${failures} result${failures === 1 ? '' : 's'}, configured to ${status === 'fail' ? 'fail' : 'warn'} if ${threshold}`, failures, preview, code: 'OK' };
  } catch (e) {
    throw await explain(e, node, ctx);
  }
};
