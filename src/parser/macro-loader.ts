// Loads every macro file of a project (and of its packages) into the template engine, so macros are
// callable by name from any model, and records them in the manifest.
import { readFileSync } from 'node:fs';
import type { TemplateEngine } from '../templating/environment.js';
import type { MacroDefinition } from './types.js';
import type { FoundFile } from './discover.js';
import { templateError } from '../templating/template-errors.js';
import type { TsdbtError } from '../errors/tsdbt-error.js';
import { materializationMacroName } from '../templating/block-preprocessor.js';
import { trackedMacro } from './macro-calls.js';

const MACRO_TAG = /\{%-?\s*(macro|test|materialization)\s+(\w+)\s*[(,%]/g;

export interface LoadedMacros {
  definitions: Record<string, MacroDefinition>;
  errors: TsdbtError[];
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** `materialization_<name>_<adapter>`: the macro the `{% materialization %}` tag at `index` defines. */
function materializationName(text: string, index: number): string {
  const end = text.indexOf('%}', index);
  const tag = text.slice(index, end === -1 ? undefined : end).replace(/^\{%-?\s*materialization\b/, '').replace(/-$/, '');
  return materializationMacroName(tag);
}

/**
 * Evaluate the macro files of one package. `root` decides whether its macros also join the root
 * namespace (project macros always do and override package ones; package macros only fill gaps).
 */
export function loadMacros(engine: TemplateEngine, files: FoundFile[], packageName: string, isRootProject: boolean): LoadedMacros {
  const definitions: Record<string, MacroDefinition> = {};
  const errors: TsdbtError[] = [];
  const ns = engine.namespaces.get(packageName) ?? {};
  engine.namespaces.set(packageName, ns);
  for (const f of files) {
    const text = readFileSync(f.abs, 'utf8');
    let fns: Record<string, (...a: unknown[]) => unknown>;
    try {
      // a package's macros find their own package's macros first (dbt's rule); the root's are the root namespace
      fns = engine.loadMacroFile(text, f.projectPath, isRootProject ? undefined : packageName);
    } catch (e) {
      errors.push(templateError(e, f.projectPath));
      continue;
    }
    for (const m of text.matchAll(MACRO_TAG)) {
      const name = m[1] === 'test' ? `test_${m[2]}` : m[1] === 'materialization' ? materializationName(text, m.index ?? 0) : m[2];
      const unique_id = `macro.${packageName}.${name}`;
      definitions[unique_id] = {
        unique_id,
        resource_type: 'macro',
        package_name: packageName,
        name,
        path: f.resourcePath,
        original_file_path: f.projectPath,
        macro_sql: text,
        description: '',
        arguments: [],
        depends_on: { macros: [] },
        meta: {},
        abs_path: f.abs,
        line: lineOf(text, m.index ?? 0),
      };
    }
    for (const [name, plain] of Object.entries(fns)) {
      // calls from a node's template are recorded as its depends_on.macros
      const fn = trackedMacro(`macro.${packageName}.${name}`, plain);
      ns[name] = fn;
      if (isRootProject || !engine.macros.has(name)) engine.macros.set(name, fn);
    }
  }
  return { definitions, errors };
}
