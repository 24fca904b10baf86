// Shared fixtures for the fast-Jinja differential tests: the same values rendered by tsdbt's real
// TemplateEngine, once forced through its patched nunjucks (Python semantics) and once through the fast
// interpreter with the engine's environment and lookup, as engine.compile() would use it.
import nunjucks from 'nunjucks';
import { TemplateEngine } from '../../../src/templating/environment.js';
import { compileFast } from '../../../src/templating/fast/index.js';

export const engine = new TemplateEngine();
export const env = engine.env;

class Relation {
  constructor(readonly database: string, readonly schema: string, readonly identifier: string) {}
  toString(): string {
    return `"${this.database}"."${this.schema}"."${this.identifier}"`;
  }
}

/** fresh values for each render, so side effects (list.append) cannot leak between the two engines */
export function makeContext(): Record<string, unknown> {
  return {
    ref: (...args: unknown[]) => new Relation('db', 'main', String(args[args.length - 1])),
    source: (s: string, t: string) => new Relation('db', s, t),
    config: () => '',
    var: (name: string, dflt?: unknown) => ({ start_date: '2020-01-01', n: 3, flag: true } as Record<string, unknown>)[name] ?? dflt,
    env_var: (name: string, dflt?: unknown) => (name === 'HOME_DIR' ? '/home/x' : dflt),
    is_incremental: () => false,
    echo: (...args: unknown[]) => JSON.stringify(args),
    nothing: () => undefined,
    list_of: (...args: unknown[]) => args.slice(),
    this: new Relation('db', 'main', 'my_model'),
    target: { name: 'dev', schema: 'main', type: 'duckdb', threads: 4 },
    execute: true,
    cols: ['id', 'name', 'amount'],
    empty: [],
    nums: [3, 1, 2],
    nested: [[1, 2], [3, 4]],
    pairs: [['a', 1], ['b', 2]],
    obj: { a: 1, b: 'two', c: [1, 2], d: { e: 'deep' } },
    emptyobj: {},
    s: 'Hello World',
    padded: '  padded\t',
    zero: 0,
    num: 42,
    flt: 2.5,
    neg: -7,
    t: true,
    f: false,
    nul: null,
    safe: new nunjucks.runtime.SafeString('<b>safe</b>'),
    numstr: '17',
    fltstr: '3.25',
    map: new Map([['k1', 'v1'], ['k2', 'v2']]),
    set: new Set(['x', 'y']),
    None: undefined,
  };
}

export type Outcome = { out: string } | { error: string };

/** the engine's nunjucks path, whatever the fast path would do */
export function renderNunjucks(src: string): Outcome {
  try {
    const tpl = new nunjucks.Template(src, env, 'test.sql', true);
    return { out: engine.renderWith(makeContext(), () => tpl.render({})) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** null when the fast path declines the template */
export function renderFast(src: string): Outcome | null {
  const tpl = compileFast(src, 'test.sql', env);
  if (tpl === null) return null;
  try {
    return { out: engine.renderWith(makeContext(), () => tpl.render(engine.lookup)) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
