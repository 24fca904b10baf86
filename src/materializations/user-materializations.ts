// Materializations written in Jinja: a `{% materialization name, default %}` (or `adapter='duckdb'`)
// block is macro `materialization_<name>_<adapter>`. This picks the one a node uses with dbt's
// precedence, and runs it: the block renders with the node's run-time scope plus `sql`, hooks,
// `statement`/`load_result`, `adapter.commit()`..., each statement reaching DuckDB once through the
// replay (src/compiler/query-replay.ts), inside a transaction opened lazily as dbt's `auto_begin` does.
import { relative } from 'node:path';
import type { ParsedProject } from '../parser/project-parser.js';
import type { MacroDefinition, ManifestNode } from '../parser/types.js';
import type { QueryResult, RelationInfo } from '../adapters/adapter.js';
import { RelationCache } from '../compiler/relation-cache.js';
import type { MaterializeContext, MaterializeResult, Strategy } from './types.js';
import { builtinMaterializations, builtinSpecificity } from './registry.js';
import { runScope } from '../compiler/run-scope.js';
import { QueryReplay, findNeedQuery } from '../compiler/query-replay.js';
import { toAgate } from '../compiler/agate-table.js';
import { templateError } from '../templating/template-errors.js';
import { Relation } from '../templating/relation.js';
import { bindArgs } from '../templating/jinja-args.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { didYouMean } from '../errors/suggest.js';
import { duckdbError, type DbErrorContext } from '../runner/db-errors.js';
import { console as out } from '../console/console.js';
import { sqlString } from '../adapters/sql-literal.js';

type Fn = (...a: unknown[]) => unknown;

export interface UserMaterialization {
  /** the name models use: `materialized='my_table'` */
  name: string;
  macro: MacroDefinition;
  fn: Fn;
  /** where the block is, for messages: project-relative (dbt_packages/<pkg>/... for a package) */
  file: string;
}

const ADAPTERS = ['duckdb', 'default'] as const;
const MAX_PASSES = 2000;
const MACRO_NAME = /^materialization_(\w+)_(duckdb|default)$/;

const byName = new WeakMap<object, Map<string, MacroDefinition[]>>();

function macrosNamed(project: ParsedProject, name: string): MacroDefinition[] {
  let idx = byName.get(project.manifest.macros);
  if (!idx) {
    idx = new Map();
    for (const m of Object.values(project.manifest.macros)) {
      if (!m.name.startsWith('materialization_')) continue;
      const list = idx.get(m.name) ?? [];
      list.push(m);
      idx.set(m.name, list);
    }
    byName.set(project.manifest.macros, idx);
  }
  return idx.get(name) ?? [];
}

/** Every materialization a model of this project can name: the built-ins, then the project's and packages'. */
export function availableMaterializations(project: ParsedProject): string[] {
  const user = Object.values(project.manifest.macros)
    .map((m) => MACRO_NAME.exec(m.name)?.[1])
    .filter((n): n is string => n !== undefined);
  return [...new Set([...builtinMaterializations(), ...user.sort()])];
}

const warned = new WeakMap<object, Set<string>>();

function warnOnce(project: ParsedProject, key: string, text: string): void {
  let seen = warned.get(project);
  if (!seen) warned.set(project, (seen = new Set()));
  if (seen.has(key)) return;
  seen.add(key);
  out.warn(text);
}

/** A block that loses to the built-in of its name: tell the user once, since dbt would silently ignore it. */
function warnShadowed(project: ParsedProject, name: string, builtin: 'duckdb' | 'default'): void {
  const rootName = project.config.project.name;
  const all = [...macrosNamed(project, `materialization_${name}_duckdb`), ...macrosNamed(project, `materialization_${name}_default`)];
  const ownDefault = builtin === 'duckdb' ? all.find((d) => d.package_name === rootName) : undefined;
  const shadowed = ownDefault ?? all.find((d) => d.package_name !== rootName);
  if (!shadowed) return;
  const file = resolved(project, name, shadowed)?.file ?? shadowed.original_file_path;
  const why = ownDefault
    ? `tsdbt's built-in '${name}' is DuckDB-specific (as dbt-duckdb's is) and wins over a default block: write {% materialization ${name}, adapter='duckdb' %} to replace it`
    : `a package cannot replace a built-in materialization (dbt >= 1.8); to use it, wrap it in the project: {% materialization ${name}, adapter='duckdb' %}{{ return(${shadowed.package_name}.${shadowed.name}()) }}{% endmaterialization %}`;
  warnOnce(project, name, `materialization '${name}' in ${file} is not used: ${why}`);
}

function resolved(project: ParsedProject, name: string, def: MacroDefinition): UserMaterialization | null {
  const fn = project.engine.namespaces.get(def.package_name)?.[def.name];
  if (typeof fn !== 'function') return null;
  const root = project.config.project.root;
  const file = def.abs_path ? relative(root, def.abs_path) || def.original_file_path : def.original_file_path;
  return { name, macro: def, fn: fn as Fn, file };
}

/**
 * The Jinja materialization a node uses, or null for tsdbt's built-in strategy. dbt's order: the
 * adapter-specific (`duckdb`) block before the `default` one; for the same specificity the root
 * project's, then a package's, then the built-in (which stands for dbt-duckdb's block of its name,
 * see builtinSpecificity); a package never replaces a built-in (dbt >= 1.8). Throws P006 when
 * nothing implements the name.
 */
export function userMaterializationFor(project: ParsedProject, node: ManifestNode): UserMaterialization | null {
  const name = node.config.materialized;
  if (name === 'ephemeral') return null;
  const rootName = project.config.project.name;
  const named = (adapter: string) => macrosNamed(project, `materialization_${name}_${adapter}`);
  const builtin = builtinSpecificity(name);
  for (const adapter of ADAPTERS) {
    const defs = named(adapter);
    const own = defs.find((d) => d.package_name === rootName);
    if (own) return resolved(project, name, own);
    if (builtin === adapter) {
      warnShadowed(project, name, builtin);
      return null;
    }
    // a package never replaces a built-in (dbt >= 1.8: require_explicit_package_overrides_for_builtin_materializations)
    const fromPackage = builtin ? undefined : defs[0];
    if (fromPackage) return resolved(project, name, fromPackage);
  }
  const known = availableMaterializations(project);
  throw new TsdbtError('P006', `no materialization '${name}' for ${node.name}`, {
    location: { file: node.original_file_path },
    hint: `${didYouMean(name, known) ?? ''} available: ${known.join(', ')} (define one with {% materialization ${name}, default %} in macros/)`.trim(),
  });
}

export function userStrategy(project: ParsedProject, mat: UserMaterialization): Strategy {
  return { name: mat.name, run: (ctx) => runUserMaterialization(project, mat, ctx) };
}

interface Response {
  _message: string;
  code: string;
  rows_affected: number | null;
}

interface Stored {
  response: Response | null;
  table: ReturnType<typeof toAgate> | null;
  data: unknown[][];
}

const EMPTY: QueryResult = { columns: [], rows: [] };
const COMMIT = /^\s*(commit|end)(\s+transaction)?\s*;?\s*$/i;
const BEGIN = /^\s*begin(\s+transaction)?\s*;?\s*$/i;
const ROLLBACK = /^\s*(rollback|abort)(\s+transaction)?\s*;?\s*$/i;

/** DuckDB answers CREATE TABLE AS / INSERT / UPDATE / DELETE / MERGE with one `Count` row. */
function rowsAffected(r: QueryResult): number | null {
  if (r.columns.length === 1 && r.columns[0].name === 'Count' && r.rows.length === 1) return Number(r.rows[0][0]);
  return r.columns.length ? r.rows.length : null;
}

function asResponse(v: unknown): Response | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const code = String(o.code ?? o._message ?? 'OK');
    const n = o.rows_affected;
    return { _message: String(o._message ?? code), code, rows_affected: n === undefined || n === null ? null : Number(n) };
  }
  return { _message: String(v), code: String(v), rows_affected: null };
}

function isRelationsReturn(v: unknown): v is { relations: unknown[] } {
  return typeof v === 'object' && v !== null && Array.isArray((v as { relations?: unknown }).relations);
}

async function runUserMaterialization(project: ParsedProject, mat: UserMaterialization, ctx: MaterializeContext): Promise<MaterializeResult> {
  const { node, conn } = ctx;
  const replay = new QueryReplay();
  let inTransaction = false;
  // how the statement the render is waiting for wants to run (set just before it asks the replay)
  let autoBegin = true;

  const exec = async (sql: string): Promise<QueryResult> => {
    ctx.executed.push(sql);
    return conn.query(sql);
  };
  const send = async (sql: string, begin: boolean): Promise<QueryResult> => {
    if (COMMIT.test(sql)) {
      if (inTransaction) await exec('commit');
      inTransaction = false;
      return EMPTY;
    }
    if (ROLLBACK.test(sql)) {
      if (inTransaction) await exec('rollback');
      inTransaction = false;
      return EMPTY;
    }
    if (BEGIN.test(sql)) {
      if (!inTransaction) await exec('begin transaction');
      inTransaction = true;
      return EMPTY;
    }
    if (begin && !inTransaction) {
      await exec('begin transaction');
      inTransaction = true;
    }
    return exec(sql);
  };
  const rollback = async () => {
    if (!inTransaction) return;
    inTransaction = false;
    try {
      await conn.run('rollback');
      ctx.executed.push('rollback');
    } catch {
      // DuckDB may have aborted the transaction already; nothing more to undo
    }
  };
  const where = `materialization '${mat.name}' (${mat.macro.name} in ${mat.file})`;

  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const relations = new PassCache(ctx.relations);
    const scope = runScope(node, { project, relations, replay, fullRefresh: ctx.fullRefresh, ephemerals: new Set() });
    const results = new Map<string, Stored>();
    const query = (sql: string, begin: boolean): QueryResult => {
      autoBegin = begin;
      const r = replay.take(sql);
      autoBegin = true;
      return r;
    };
    Object.assign(scope, materializationNames(project, node, ctx, scope, results, query));
    let returned: unknown;
    try {
      // as for models: each pass sees the first pass's clock and prints only log lines not printed yet
      returned = replay.pass(() => project.engine.renderWith(scope, () => mat.fn()));
    } catch (e) {
      const need = findNeedQuery(e);
      if (!need) {
        await rollback();
        throw templateError(e, node.original_file_path);
      }
      let result: QueryResult;
      try {
        result = await send(need.sql, autoBegin);
      } catch (dbErr) {
        await rollback();
        throw statementError(dbErr, node, where, { executed: ctx.executed, root: project.config.project.root });
      }
      replay.record(need.sql, result);
      continue;
    }
    if (!isRelationsReturn(returned)) {
      await rollback();
      throw new TsdbtError('R001', `${where} did not return the relations it built, for ${node.name}`, {
        location: { file: mat.file, line: mat.macro.line },
        hint: "end the materialization with {{ return({'relations': [target_relation]}) }}",
      });
    }
    if (inTransaction) {
      try {
        await exec('commit');
        inTransaction = false;
      } catch (dbErr) {
        await rollback();
        throw statementError(dbErr, node, where, { executed: ctx.executed, root: project.config.project.root });
      }
    }
    relations.apply();
    await remember(ctx, returned.relations);
    const main = asResponse(results.get('main')?.response);
    return { code: main?.code ?? 'OK', rowsAffected: main?.rows_affected ?? null, message: `created sql ${mat.name} model` };
  }
  await rollback();
  throw new TsdbtError('R001', `${where} sent more than ${MAX_PASSES} statements`, { location: { file: mat.file, line: mat.macro.line } });
}

/**
 * The relation cache one render pass sees: the run's cache as it was before the materialization, plus
 * what this pass changed (adapter.drop_relation / rename_relation forget relations). Every pass starts
 * from the same state, so the block asks the same questions each time; the successful pass's changes
 * are applied to the run's cache at the end.
 */
class PassCache extends RelationCache {
  private readonly changes = new Map<string, RelationInfo | { schema: string; name: string; gone: true }>();
  constructor(private readonly base: RelationCache) {
    super();
  }
  private static key(schema: string, name: string): string {
    return `${schema.toLowerCase()}.${name.toLowerCase()}`;
  }
  override get(schema: string, name: string): RelationInfo | undefined {
    const k = PassCache.key(schema, name);
    const c = this.changes.get(k);
    if (c) return 'gone' in c ? undefined : c;
    return this.base.get(schema, name);
  }
  override set(r: RelationInfo): void {
    this.changes.set(PassCache.key(r.schema, r.name), r);
  }
  override delete(schema: string, name: string): void {
    this.changes.set(PassCache.key(schema, name), { schema, name, gone: true });
  }
  override schemas(): Set<string> {
    const out = this.base.schemas();
    for (const r of this.changes.values()) if (!('gone' in r)) out.add(r.schema.toLowerCase());
    return out;
  }
  apply(): void {
    for (const r of this.changes.values()) {
      if ('gone' in r) this.base.delete(r.schema, r.name);
      else this.base.set(r);
    }
  }
}

function statementError(e: unknown, node: ManifestNode, where: string, o: DbErrorContext): TsdbtError {
  const err = duckdbError(e, node, o);
  if (err.code === 'R004') return err;
  return new TsdbtError(err.code, `${err.message} (a statement of ${where})`, { location: err.location, hint: err.hint });
}

/** Keep the run's relation cache current with what the materialization says it built. */
async function remember(ctx: MaterializeContext, relations: unknown[]): Promise<void> {
  for (const r of relations) {
    if (!(r instanceof Relation) || !r.schema) continue;
    let type = r.type === 'view' || r.type === 'table' ? r.type : null;
    if (!type) {
      const found = await ctx.conn.query(`select table_type from information_schema.tables where lower(table_schema) = lower(${sqlString(r.schema)}) and lower(table_name) = lower(${sqlString(r.identifier)})`);
      if (!found.rows.length) continue;
      type = String(found.rows[0][0]).toUpperCase() === 'VIEW' ? 'view' : 'table';
    }
    ctx.relations.set({ database: r.database ?? ctx.node.database, schema: r.schema, name: r.identifier, type });
  }
}

/** The names a materialization block sees on top of the node's run-time scope. */
function materializationNames(
  project: ParsedProject,
  node: ManifestNode,
  ctx: MaterializeContext,
  scope: Record<string, unknown>,
  results: Map<string, Stored>,
  query: (sql: string, autoBegin: boolean) => QueryResult,
): Record<string, unknown> {
  const store = (name: unknown, response: Response | null, table: Stored['table']) => {
    if (name === undefined || name === null) return;
    results.set(String(name), { response, table, data: table ? table.rows.map((r) => r.values()) : [] });
  };
  const hooks = (list: MaterializeContext['preHooks']) => list.map((h, index) => ({ sql: h.sql, transaction: h.transaction, index }));
  const adapter = scope.adapter as Record<string, Fn>;
  const sibling = (base: unknown, suffix: unknown, type?: unknown) => {
    const b = base as Relation;
    return new Relation(b.database, b.schema, `${b.identifier}${String(suffix)}`, (type as Relation['type']) ?? b.type);
  };
  const createTable = (temporary: unknown, relation: unknown, sql: unknown) => {
    const r = relation as Relation;
    return temporary ? `create temp table ${r.include({ database: false, schema: false }).render()} as (\n${String(sql)}\n)` : `create table ${r.render()} as (\n${String(sql)}\n)`;
  };
  const createView = (relation: unknown, sql: unknown) => `create view ${(relation as Relation).render()} as (\n${String(sql)}\n)`;

  const names: Record<string, unknown> = {
    sql: ctx.sql,
    pre_hooks: hooks(ctx.preHooks),
    post_hooks: hooks(ctx.postHooks),
    statement: (...args: unknown[]) => {
      const a = bindArgs(['name', 'fetch_result', 'auto_begin', 'language'], args);
      const caller = a.caller as (() => unknown) | undefined;
      const sql = String(caller ? caller() : '');
      if (!sql.trim()) return '';
      const r = query(sql, a.auto_begin === undefined || a.auto_begin === null ? true : Boolean(a.auto_begin));
      store(a.name, { _message: 'OK', code: 'OK', rows_affected: rowsAffected(r) }, a.fetch_result ? toAgate(r) : null);
      return '';
    },
    noop_statement: (...args: unknown[]) => {
      const a = bindArgs(['name', 'message', 'code', 'rows_affected', 'res'], args);
      (a.caller as (() => unknown) | undefined)?.();
      const n = a.rows_affected;
      store(a.name, { _message: String(a.message ?? 'OK'), code: String(a.code ?? 'OK'), rows_affected: n === undefined || n === null ? null : Number(n) }, (a.res as Stored['table']) ?? null);
      return '';
    },
    load_result: (name: unknown) => results.get(String(name)) ?? null,
    store_result: (...args: unknown[]) => {
      const a = bindArgs(['name', 'response', 'agate_table'], args);
      store(a.name, asResponse(a.response), (a.agate_table as Stored['table']) ?? null);
      return '';
    },
    store_raw_result: (...args: unknown[]) => {
      const a = bindArgs(['name', 'message', 'code', 'rows_affected', 'agate_table'], args);
      store(a.name, asResponse({ _message: a.message, code: a.code, rows_affected: a.rows_affected }), (a.agate_table as Stored['table']) ?? null);
      return '';
    },
    run_query: (sql: unknown) => toAgate(query(String(sql), false)),
    adapter: {
      ...adapter,
      commit: () => {
        query('commit', false);
        return '';
      },
    },
  };
  // dbt's helper macros materializations call; a project macro of the same name wins
  const helpers: Record<string, unknown> = {
    run_hooks: (...args: unknown[]) => {
      const a = bindArgs(['hooks', 'inside_transaction'], args);
      const inside = a.inside_transaction === undefined || a.inside_transaction === null ? true : Boolean(a.inside_transaction);
      const list = ((a.hooks as { sql?: unknown; transaction?: unknown }[] | undefined) ?? []).filter((h) => (h.transaction === undefined ? true : Boolean(h.transaction)) === inside);
      list.forEach((h, i) => {
        // as dbt: hooks outside the transaction run after committing it
        if (!inside && i === 0) query('commit', false);
        const sql = String(h.sql ?? '').trim();
        if (sql) query(sql, inside);
      });
      return '';
    },
    should_full_refresh: () => {
      const v = node.config.full_refresh;
      return v === undefined || v === null ? ctx.fullRefresh : Boolean(v);
    },
    make_temp_relation: (...args: unknown[]) => {
      const a = bindArgs(['base_relation', 'suffix'], args);
      return sibling(a.base_relation, a.suffix ?? '__dbt_tmp');
    },
    make_intermediate_relation: (...args: unknown[]) => {
      const a = bindArgs(['base_relation', 'suffix'], args);
      return sibling(a.base_relation, a.suffix ?? '__dbt_tmp');
    },
    make_backup_relation: (...args: unknown[]) => {
      const a = bindArgs(['base_relation', 'backup_relation_type', 'suffix'], args);
      return sibling(a.base_relation, a.suffix ?? '__dbt_backup', a.backup_relation_type);
    },
    drop_relation_if_exists: (rel: unknown) => (rel instanceof Relation ? adapter.drop_relation(rel) : ''),
    get_create_table_as_sql: (...args: unknown[]) => {
      const a = bindArgs(['temporary', 'relation', 'sql'], args);
      return createTable(a.temporary, a.relation, a.sql);
    },
    create_table_as: (...args: unknown[]) => {
      const a = bindArgs(['temporary', 'relation', 'compiled_code', 'language'], args);
      return createTable(a.temporary, a.relation, a.compiled_code ?? a.sql);
    },
    get_create_view_as_sql: (...args: unknown[]) => {
      const a = bindArgs(['relation', 'sql'], args);
      return createView(a.relation, a.sql);
    },
    create_view_as: (...args: unknown[]) => {
      const a = bindArgs(['relation', 'sql'], args);
      return createView(a.relation, a.sql);
    },
    persist_docs: () => '',
    apply_grants: () => '',
    should_revoke: () => false,
    create_indexes: () => '',
  };
  for (const [name, fn] of Object.entries(helpers)) if (!project.engine.macros.has(name)) names[name] = fn;
  return names;
}
