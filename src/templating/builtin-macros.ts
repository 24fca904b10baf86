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

export function installBuiltinMacros(engine: TemplateEngine, base: Record<string, unknown>): void {
  const dbt = engine.namespaces.get('dbt') ?? {};
  engine.namespaces.set('dbt', dbt);
  for (const [path, source] of SOURCES) {
    const macros = engine.loadCompiledMacros(compiledProps(engine, path, source), path);
    for (const [name, fn] of Object.entries(macros)) {
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
