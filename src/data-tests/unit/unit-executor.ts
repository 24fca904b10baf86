// Runs one unit test: renders the model with each `given` input replaced by literal rows (and the
// overridden vars / macros), runs it, and compares its rows with `expect`; upstream models need not exist.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Executor, ExecContext } from '../../runner/executors.js';
import type { ManifestNode } from '../../parser/types.js';
import { renderAtRunTime } from '../../compiler/compile-node.js';
import { parseRefArgs } from '../../templating/node-scope.js';
import { splitArgs } from '../../templating/jinja-args.js';
import { TsdbtError } from '../../errors/tsdbt-error.js';
import { closest } from '../../errors/suggest.js';
import { describeInput, unitSpecOf, type UnitInput, type UnitSpec } from './unit-spec.js';
import { fixtureSql, quoteIdent, type TypedColumn } from './fixture-sql.js';
import { diffRows } from './row-diff.js';

type Fn = (...a: unknown[]) => unknown;

interface UpstreamColumns {
  /** the accepted column names, or null when neither the database nor the YAML knows them */
  names: string[] | null;
  /** the columns with types, in order, when all types are known (else empty) */
  typed: TypedColumn[];
  label: string;
}

/** The upstream's columns: from the database when it is built, else from its YAML `columns:`. */
async function columnsOf(ctx: ExecContext, input: UnitInput): Promise<UpstreamColumns> {
  const id = input.upstreamId;
  const none = { names: null, typed: [], label: '' };
  if (!id) return none;
  const m = ctx.project.manifest;
  const node = m.nodes[id];
  const src = m.sources[id];
  const label = node ? node.name : src ? `${src.source_name}.${src.name}` : '';
  const schema = node?.schema ?? src?.schema;
  const name = node?.alias ?? src?.identifier;
  if (schema && name && ctx.relations.get(schema, name)) {
    const typed = (await ctx.adapter.getColumns(ctx.conn, schema, name)).map((c) => ({ name: c.name, type: c.type }));
    if (typed.length) return { names: typed.map((c) => c.name), typed, label };
  }
  const declared = Object.values((node ?? src)?.columns ?? {});
  if (!declared.length) return { ...none, label };
  return {
    names: declared.map((c) => c.name),
    typed: declared.every((c) => c.data_type) ? declared.map((c) => ({ name: c.name, type: c.data_type ?? null })) : [],
    label,
  };
}

/** dbt rejects a fixture column its upstream does not have ("Invalid column name"). */
function checkFixtureColumns(spec: UnitSpec, input: UnitInput, cols: UpstreamColumns): void {
  if (!cols.names || input.fixture.kind !== 'rows') return;
  const known = new Set(cols.names.map((n) => n.toLowerCase()));
  const bad = input.fixture.columns.find((c) => !known.has(c.toLowerCase()));
  if (bad === undefined) return;
  const near = closest(bad, cols.names, 1);
  const accepted = `the accepted columns of \`${cols.label}\` are ${cols.names.join(', ')}`;
  throw new TsdbtError('T001', `unit test \`${spec.entry.name}\`: \`${bad}\` is not a column of input \`${describeInput(input.key)}\``, {
    location: input.where,
    hint: near.length ? `did you mean \`${near[0]}\`? ${accepted}` : accepted,
  });
}

/** The model's SQL with every mocked input swapped for its rows. */
async function renderModel(ctx: ExecContext, model: ManifestNode, spec: UnitSpec): Promise<string> {
  const template = ctx.project.templates.get(model.unique_id);
  if (!template) throw new TsdbtError('T001', `unit test ${spec.entry.name}: model \`${model.name}\` has no SQL to test`, { location: spec.location });
  const mocks = new Map<string, string>();
  for (const i of spec.inputs) {
    const cols = await columnsOf(ctx, i);
    checkFixtureColumns(spec, i, cols);
    mocks.set(describeInput(i.key), `(${fixtureSql(i.fixture, cols.typed)})`);
  }
  const ov = spec.entry.overrides ?? {};
  const { sql } = await renderAtRunTime(model, { project: ctx.project, relations: ctx.relations, conn: ctx.conn, fullRefresh: ctx.fullRefresh }, (scope) => {
    const ref = scope.ref as Fn;
    const source = scope.source as Fn;
    scope.ref = (...args: unknown[]) => mocks.get(`ref('${parseRefArgs(args).name}')`) ?? ref(...args);
    scope.source = (...args: unknown[]) => {
      const [s, t] = splitArgs(args).positional.map(String);
      return mocks.get(`source('${s}', '${t}')`) ?? source(...args);
    };
    if (mocks.has('this')) scope.this = mocks.get('this');
    for (const [key, table] of [['var', ov.vars], ['env_var', ov.env_vars]] as const) {
      if (!table) continue;
      const orig = scope[key] as Fn;
      scope[key] = (...args: unknown[]) => {
        const name = String(splitArgs(args).positional[0]);
        return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : orig(...args);
      };
    }
    // as in dbt, a unit test renders the model in full-refresh mode unless it overrides is_incremental
    scope.is_incremental = () => false;
    for (const [name, value] of Object.entries(ov.macros ?? {})) scope[name] = () => value;
    return template.render(scope);
  });
  return sql.trim().replace(/;+\s*$/, '');
}

export const runUnitTest: Executor = async (node, ctx) => {
  const spec = unitSpecOf(node);
  const model = spec && ctx.project.manifest.nodes[spec.modelId];
  if (!spec || !model) throw new TsdbtError('T001', `unit test ${node.name} has no definition`, { location: { file: node.original_file_path } });
  const sql = await renderModel(ctx, model, spec);
  node.compiled_code = sql;
  const p = ctx.project.config.project;
  const path = resolve(p.root, p.paths.targetPath, 'compiled', node.package_name, node.original_file_path, model.name, `${node.name}.sql`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, sql);
  node.compiled_path = path;
  ctx.compiled();
  const actualCols = (await ctx.conn.query(`select * from (\n${sql}\n) t limit 0`)).columns;
  const expectSql0 = spec.expect.kind === 'sql' ? spec.expect.sql : null;
  const expectNames = expectSql0 ? (await ctx.conn.query(`select * from (${expectSql0}) e limit 0`)).columns.map((c) => c.name) : spec.expect.kind === 'rows' ? spec.expect.columns : [];
  const typed: TypedColumn[] = [];
  for (const name of expectNames.length ? expectNames : actualCols.map((c) => c.name)) {
    const col = actualCols.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (!col) {
      throw new TsdbtError('T001', `unit test ${node.name}: expected column \`${name}\` is not returned by model \`${model.name}\``, {
        location: spec.location,
        hint: `the model returns ${actualCols.map((c) => c.name).join(', ')}`,
      });
    }
    typed.push({ name: col.name, type: col.type });
  }
  const list = typed.map((c) => quoteIdent(c.name)).join(', ');
  const expectSql = expectSql0 ?? fixtureSql(spec.expect, typed);
  const actual = await ctx.conn.query(`select ${list} from (\n${sql}\n) actual`);
  const expected = await ctx.conn.query(`select ${list} from (\n${expectSql}\n) expected`);
  ctx.executed.push(`select ${list} from (\n${sql}\n) actual`);
  const d = diffRows(typed.map((c) => c.name), expected.rows, actual.rows);
  if (d.equal) return { status: 'pass', message: 'PASS', failures: 0, code: 'OK' };
  const text = `actual differs from expected:\n\n${d.text}`;
  return { status: 'fail', message: text, failures: d.count, preview: text.split('\n').map((l) => (l ? `  ${l}` : '')).join('\n'), code: 'OK' };
};
