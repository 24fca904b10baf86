// `tsdbt run-operation macro --args '{...}'`: call a project or package macro with keyword arguments
// and a run-time context (run_query, adapter, ref work against the target database). Its log lines
// are printed once, even though the macro is re-rendered after each query it runs (QueryReplay.pass).
import type { CommonOptions } from '../api/options.js';
import { loadProject, withAdapter } from '../api/session.js';
import { RelationCache } from '../compiler/relation-cache.js';
import { runScope } from '../compiler/run-scope.js';
import { QueryReplay, findNeedQuery } from '../compiler/query-replay.js';
import type { MacroDefinition } from '../parser/types.js';
import { operationNode } from './operation-node.js';
import type { ParsedProject } from '../parser/project-parser.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { didYouMean } from '../errors/suggest.js';
import { templateError } from '../templating/template-errors.js';

export interface RunOperationOptions extends CommonOptions {
  macro: string;
  args?: Record<string, unknown>;
}

export interface RunOperationResult {
  macro: string;
  /** what the macro returned (its `return()` value, or its rendered text) */
  returned: unknown;
  /** statements the macro ran through run_query / statement */
  queries: number;
}

type Fn = (...a: unknown[]) => unknown;

function findMacro(project: ParsedProject, name: string): { fn: Fn; def?: MacroDefinition } {
  const { engine, manifest } = project;
  const dot = name.indexOf('.');
  const [pkg, macro] = dot > 0 ? [name.slice(0, dot), name.slice(dot + 1)] : [null, name];
  const fn = pkg ? engine.namespaces.get(pkg)?.[macro] : engine.macros.get(macro);
  const defs = Object.values(manifest.macros);
  if (typeof fn !== 'function') {
    throw new TsdbtError('P004', `no macro named '${name}'`, {
      hint: didYouMean(name, defs.map((d) => (pkg ? `${d.package_name}.${d.name}` : d.name))) ?? 'define it in a .sql file under macros/ ({% macro name(arg) %}...{% endmacro %})',
      exitCode: 1,
    });
  }
  return { fn: fn as Fn, def: defs.find((d) => d.name === macro && (pkg === null || d.package_name === pkg)) };
}

/** A user error raised by the macro ends run-operation with exit code 1, as in dbt. */
function asRunError(e: unknown, file: string): TsdbtError {
  const err = e instanceof TsdbtError ? e : templateError(e, file);
  return new TsdbtError(err.code, err.message, { location: err.location, hint: err.hint, exitCode: 1 });
}

export async function runOperation(o: RunOperationOptions): Promise<RunOperationResult> {
  const project = loadProject(o);
  const { fn, def } = findMacro(project, o.macro);
  const node = operationNode(project, o.macro, def);
  const file = node.original_file_path;
  // fresh arguments per render pass: nunjucks consumes the keywords it binds to named parameters, and a
  // macro may mutate a list or dict it was given; either would make the next pass differ from the first
  const args = () => (o.args && Object.keys(o.args).length ? [{ ...structuredClone(o.args), __keywords: true }] : []);
  return withAdapter(project, async (adapter) => {
    const conn = await adapter.connect();
    try {
      const relations = await RelationCache.load(adapter, conn);
      const replay = new QueryReplay();
      for (;;) {
        const scope = runScope(node, { project, relations, replay, fullRefresh: false, ephemerals: new Set() });
        // a raised error points at the macro's file (the base context only knows the project file)
        scope.exceptions = {
          ...(scope.exceptions as Record<string, unknown>),
          raise_compiler_error: (msg: unknown) => {
            throw new TsdbtError('P001', `Compilation Error: ${String(msg)}`, { location: { file, line: def?.line }, exitCode: 1 });
          },
        };
        try {
          // log() lines print as the macro runs, each once although the macro re-renders after each query
          const returned = replay.pass(() => project.engine.renderWith(scope, () => fn(...args())));
          return { macro: o.macro, returned, queries: replay.executed };
        } catch (e) {
          const need = findNeedQuery(e);
          if (!need) throw asRunError(e, file);
          try {
            replay.record(need.sql, await conn.query(need.sql));
          } catch (dbErr) {
            throw new TsdbtError('R001', `run-operation ${o.macro}: ${(dbErr as Error).message}`, { location: { file }, hint: 'fix the SQL the macro runs', exitCode: 1 });
          }
        }
      }
    } finally {
      conn.close();
    }
  });
}
