// The names a model, test or snapshot template sees besides the base context. Parse-time and run-time
// scopes share this shape and differ only in the resolvers they plug in (render twice, never regex).
import type { ManifestNode, RefCall } from '../parser/types.js';
import type { Relation } from './relation.js';
import { splitArgs, bindArgs } from './jinja-args.js';

export interface ScopeResolvers {
  ref(call: RefCall): Relation | string;
  source(sourceName: string, tableName: string): Relation | string;
  /** record or apply `config(...)` from inside the model */
  config(values: Record<string, unknown>): void;
  /** the node's config as currently known (for `config.get`) */
  configValue(key: string): unknown;
  isIncremental(): boolean;
  execute: boolean;
}

/** `ref('m')`, `ref('pkg', 'm')`, `ref('m', v=2)` -> RefCall */
export function parseRefArgs(args: unknown[]): RefCall {
  const { positional, kwargs } = splitArgs(args);
  const strs = positional.map(String);
  const version = (kwargs.v ?? kwargs.version ?? null) as string | number | null;
  if (strs.length >= 2) return { package: strs[0], name: strs[1], version };
  return { package: null, name: strs[0], version };
}

export function nodeScope(base: Record<string, unknown>, node: ManifestNode, thisRel: Relation | string, r: ScopeResolvers): Record<string, unknown> {
  const config = Object.assign(
    (...args: unknown[]) => {
      const { positional, kwargs } = splitArgs(args);
      const values = positional.length && typeof positional[0] === 'object' ? { ...(positional[0] as object), ...kwargs } : kwargs;
      r.config(values as Record<string, unknown>);
      return '';
    },
    {
      get: (...args: unknown[]) => {
        const a = bindArgs(['name', 'default'], args);
        const v = r.configValue(String(a.name));
        return v === undefined || v === null ? a.default : v;
      },
      require: (name: unknown) => {
        const v = r.configValue(String(name));
        if (v === undefined) throw new Error(`config '${String(name)}' is required for ${node.name}`);
        return v;
      },
    },
  );
  // the base context is shared through the prototype chain: copying its keys per node costs more than rendering
  return Object.assign(Object.create(base) as Record<string, unknown>, {
    ref: (...args: unknown[]) => r.ref(parseRefArgs(args)),
    source: (...args: unknown[]) => {
      const { positional } = splitArgs(args);
      return r.source(String(positional[0]), String(positional[1]));
    },
    config,
    this: thisRel,
    is_incremental: () => r.isIncremental(),
    execute: r.execute,
    model: node,
    schema: node.schema,
    database: node.database,
  });
}
