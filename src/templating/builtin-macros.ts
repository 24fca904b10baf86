// Macros every project has without defining them: dbt's `dbt` namespace (cross-database macros, also
// callable bare, where a project macro of the same name overrides them) and the parse-time
// introspection names (`adapter`, `run_query`, `statement`...; `execute` is false then).
import nunjucks from 'nunjucks';
import type { TemplateEngine } from './environment.js';
import { CROSS_DB_SQL } from './builtins/cross-db-sql.js';
import { CROSS_DB_DATES } from './builtins/cross-db-dates.js';
import { contextConfig } from './base-context.js';
import { introspectionScope } from './introspection.js';
import { preprocessBlocks } from './block-preprocessor.js';

type Macro = (...a: unknown[]) => unknown;
type CodeProps = Record<string, unknown>;

const SOURCES: [string, string][] = [
  ['dbt/macros/cross_db_sql.sql', CROSS_DB_SQL],
  ['dbt/macros/cross_db_dates.sql', CROSS_DB_DATES],
];

/** Compiled once per process (the generated code takes the environment as a parameter). */
const compiled = new Map<string, CodeProps>();

function compiledProps(engine: TemplateEngine, path: string, source: string): CodeProps {
  let props = compiled.get(path);
  if (!props) {
    const env = engine.env as unknown as { asyncFilters: unknown; extensionsList: unknown; opts: unknown };
    const code = (nunjucks as unknown as { compiler: { compile(...a: unknown[]): string } }).compiler.compile(preprocessBlocks(source), env.asyncFilters, env.extensionsList, path, env.opts);
    props = new Function(code)() as CodeProps;
    compiled.set(path, props);
  }
  return props;
}

const MACRO_NAME = /\{%-?\s*macro\s+([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * The macros of a built-in file, each bound to a stub that compiles the file on its first call: the
 * cross-database files cost ~0.15 s to compile, more than small projects' whole parse, and few
 * projects call them. `{% test x %}` blocks become macro `test_x`, as in a loaded file.
 */
export function lazyMacros(engine: TemplateEngine, path: string, source: string): Record<string, Macro> {
  let real: Record<string, Macro> | undefined;
  const load = () => (real ??= engine.loadCompiledMacros(compiledProps(engine, path, source), path));
  const out: Record<string, Macro> = {};
  for (const m of preprocessBlocks(source).matchAll(MACRO_NAME)) {
    const name = m[1];
    out[name] = function (this: unknown, ...args: unknown[]) {
      return load()[name].apply(this, args);
    };
  }
  return out;
}

export function installBuiltinMacros(engine: TemplateEngine, base: Record<string, unknown>): void {
  const dbt = engine.namespaces.get('dbt') ?? {};
  engine.namespaces.set('dbt', dbt);
  for (const [path, source] of SOURCES) {
    for (const [name, fn] of Object.entries(lazyMacros(engine, path, source))) {
      dbt[name] = fn;
      if (!engine.macros.has(name)) engine.macros.set(name, fn);
    }
  }
  // dbt.run_query() etc. resolve to whatever the current render scope provides
  for (const name of ['run_query', 'statement', 'load_result', 'store_result']) {
    dbt[name] = (...args: unknown[]) => (engine.current?.[name] as Macro | undefined)?.(...args) ?? null;
  }
  const config = contextConfig.get(base);
  if (config) {
    Object.assign(base, introspectionScope({ engine, projectName: config.project.name, dispatch: config.project.dispatch, database: config.target.database }));
  }
}
