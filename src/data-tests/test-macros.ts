// Finds the macro behind a generic test name (`unique`, `dbt_utils.expression_is_true`, a project's
// `{% test %}` block) and its parameters, and installs the built-in tests where the project has none.
import type { TemplateEngine } from '../templating/environment.js';
import type { Manifest } from '../parser/types.js';
import { BUILTIN_TESTS_PATH, BUILTIN_TESTS_SQL } from './builtin-macros.js';
import { lazyMacros } from '../templating/builtin-macros.js';

export interface TestParam {
  name: string;
  optional: boolean;
}

export interface TestMacro {
  fn: (...args: unknown[]) => unknown;
  params: TestParam[];
  /** the macro reads `kwargs`, so any extra argument is allowed */
  takesKwargs: boolean;
}

type MacroFn = (...args: unknown[]) => unknown;

const SIG = /\{%-?\s*(?:test\s+(\w+)|macro\s+test_(\w+))\s*\(([^)]*)\)\s*-?%\}/g;

/** Top-level comma split of a Jinja parameter list: `model, values, quote=true`. */
function splitParams(list: string): TestParam[] {
  const out: TestParam[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  const push = () => {
    const t = cur.trim();
    if (t) out.push({ name: t.split('=')[0].trim(), optional: t.includes('=') });
    cur = '';
  };
  for (const ch of list) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      push();
      continue;
    }
    cur += ch;
  }
  push();
  return out;
}

/** test name -> parameters and whether it reads `kwargs`, from the text of macro files. */
export function scanSignatures(text: string, into: Map<string, { params: TestParam[]; takesKwargs: boolean }>): void {
  for (const m of text.matchAll(SIG)) {
    const name = m[1] ?? m[2];
    const end = text.indexOf('endtest', m.index) === -1 ? text.indexOf('endmacro', m.index) : text.indexOf('endtest', m.index);
    const body = text.slice(m.index, end === -1 ? undefined : end);
    into.set(name, { params: splitParams(m[3]), takesKwargs: /\bkwargs\b/.test(body) });
  }
}

export class TestMacros {
  private readonly sigs = new Map<string, { params: TestParam[]; takesKwargs: boolean }>();
  private readonly builtins = new Set<unknown>();
  private readonly nsSigs = new Map<string, Map<string, { params: TestParam[]; takesKwargs: boolean }>>();

  constructor(private readonly engine: TemplateEngine, manifest: Manifest) {
    // compiled on the first call of one of them (most parses only name them)
    const builtins = lazyMacros(engine, BUILTIN_TESTS_PATH, BUILTIN_TESTS_SQL);
    const dbt = engine.namespaces.get('dbt') ?? {};
    engine.namespaces.set('dbt', dbt);
    scanSignatures(BUILTIN_TESTS_SQL, this.sigs);
    this.nsSigs.set('dbt', new Map(this.sigs));
    for (const [name, fn] of Object.entries(builtins)) {
      dbt[name] = fn;
      this.builtins.add(fn);
      if (!engine.macros.has(name)) engine.macros.set(name, fn);
    }
    const seenFiles = new Set<string>();
    for (const m of Object.values(manifest.macros)) {
      if (!m.name.startsWith('test_') || seenFiles.has(`${m.package_name}:${m.original_file_path}`)) continue;
      seenFiles.add(`${m.package_name}:${m.original_file_path}`);
      const ns = this.nsSigs.get(m.package_name) ?? new Map();
      this.nsSigs.set(m.package_name, ns);
      scanSignatures(m.macro_sql, ns);
      // root-namespace signatures follow the same override rule as the macros themselves
      if (m.package_name === manifest.project_name) scanSignatures(m.macro_sql, this.sigs);
      else for (const [k, v] of ns) if (!this.sigs.has(k) || this.nsSigs.get('dbt')?.has(k)) this.sigs.set(k, v);
    }
  }

  /** The test macro for `name` (optionally `namespace.name`), or undefined. */
  find(name: string, namespace: string | null): TestMacro | undefined {
    const fn = namespace
      ? (this.engine.namespaces.get(namespace) as Record<string, unknown> | undefined)?.[`test_${name}`]
      : this.engine.macros.get(`test_${name}`);
    if (typeof fn !== 'function') return undefined;
    const sig = (namespace ? this.nsSigs.get(namespace) : this.sigs)?.get(name) ?? { params: [], takesKwargs: true };
    return { fn: fn as MacroFn, params: sig.params, takesKwargs: sig.takesKwargs };
  }

  /** Whether `m` is one of tsdbt's own tests (not overridden by the project). */
  isBuiltin(m: TestMacro): boolean {
    return this.builtins.has(m.fn);
  }

  /** Every generic test name callable from YAML (for "did you mean"). */
  names(): string[] {
    const out = new Set<string>();
    for (const k of this.engine.macros.keys()) if (k.startsWith('test_')) out.add(k.slice(5));
    for (const [ns, fns] of this.engine.namespaces) {
      if (ns === 'dbt') continue;
      for (const k of Object.keys(fns)) if (k.startsWith('test_')) out.add(`${ns}.${k.slice(5)}`);
    }
    return [...out].sort();
  }
}
