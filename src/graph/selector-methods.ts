// The `method:value` selector methods (tag:, path:, config.<key>:, source:, ...): each returns the
// unique_ids of the graph members it matches, following dbt's selector_methods semantics.
import { TsdbtError } from '../errors/tsdbt-error.js';
import type { GraphMember, Manifest, ManifestNode, SourceDefinition } from '../parser/types.js';
import type { ProjectGraph } from './dag.js';
import { fnmatch, pathMatcher } from './glob.js';
import { fqnMatcher } from './selector-fqn.js';
import type { MethodName, SelectionCriteria } from './selector-spec.js';
import { stateMethod } from './selector-state.js';

export interface MethodContext {
  graph: ProjectGraph;
  state?: { manifest: Manifest };
  previousResults?: Record<string, string>;
}

type Method = (ctx: MethodContext, value: string, args: string[], raw: string) => (m: GraphMember) => boolean;

const isSource = (m: GraphMember): m is SourceDefinition => m.resource_type === 'source';
const isNode = (m: GraphMember): m is ManifestNode => m.resource_type !== 'source';

export const RESOURCE_TYPES = [
  'model', 'seed', 'snapshot', 'test', 'unit_test', 'analysis', 'operation', 'source',
  'exposure', 'metric', 'semantic_model', 'saved_query',
];

function bad(raw: string, message: string, hint: string): TsdbtError {
  return new TsdbtError('G002', `Invalid selector '${raw}': ${message}`, { hint });
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function descend(obj: unknown, keys: string[]): { found: boolean; value?: unknown } {
  let cur: unknown = obj;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object' || !(k in cur)) return { found: false };
    cur = (cur as Record<string, unknown>)[k];
  }
  return { found: true, value: cur };
}

function configEquals(value: unknown, selector: string, caseInsensitive: boolean): boolean {
  if (typeof value === 'boolean') return selector.toLowerCase() === String(value);
  if (typeof value === 'number') return selector === String(value);
  if (typeof value === 'string') return caseInsensitive ? value.toLowerCase() === selector.toLowerCase() : value === selector;
  return false;
}

const methods: Record<MethodName, Method> = {
  fqn: (_c, value) => {
    const match = fqnMatcher(value);
    return (m) => isNode(m) && match(m.fqn);
  },
  tag: (_c, value) => (m) => (m.tags ?? []).some((t) => fnmatch(t, value)),
  group: (_c, value) => (m) => isNode(m) && m.config?.group === value,
  access: (_c, value) => (m) => isNode(m) && m.resource_type === 'model' && (m.access ?? m.config?.access ?? 'protected') === value,
  package: (ctx, value) => {
    const pattern = value === 'this' ? ctx.graph.manifest.project_name : value;
    return (m) => fnmatch(m.package_name, pattern);
  },
  file: (_c, value) => (m) => {
    const name = fileName(m.original_file_path);
    return fnmatch(name, value) || fnmatch(name.replace(/\.[^.]*$/, ''), value);
  },
  path: (_c, value) => {
    const match = pathMatcher(value);
    return (m) => {
      const patch = isNode(m) && m.patch_path ? m.patch_path.replace(/^[a-z]+:\/\//, '') : undefined;
      if (patch && match(patch)) return true;
      // A folder selects everything below it: test the file and each of its parent folders.
      const parts = m.original_file_path.replace(/\\/g, '/').split('/');
      for (let n = parts.length; n > 0; n--) if (match(parts.slice(0, n).join('/'))) return true;
      return false;
    };
  },
  config: (_c, value, args) => (m) => {
    const { found, value: v } = descend(m.config, args);
    if (!found) return false;
    const ci = args.length === 1 && args[0] === 'severity';
    return Array.isArray(v) ? v.some((x) => configEquals(x, value, ci)) : configEquals(v, value, ci);
  },
  resource_type: (_c, value, _a, raw) => {
    if (!RESOURCE_TYPES.includes(value)) {
      throw bad(raw, `'${value}' is not a resource type`, `use one of: ${RESOURCE_TYPES.join(', ')}`);
    }
    return (m) => m.resource_type === value;
  },
  source: (_c, value, _a, raw) => {
    const parts = value.split('.');
    if (parts.length > 3 || value === '') {
      throw bad(raw, 'sources are selected as `source:<source_name>`, `source:<source_name>.<table_name>` or `source:<package>.<source_name>.<table_name>`', 'e.g. `source:raw+` or `source:raw.orders`');
    }
    const [pkg, src, table] = parts.length === 3 ? parts : ['*', parts[0] as string, parts[1] ?? '*'];
    return (m) => isSource(m) && fnmatch(m.package_name, pkg as string) && fnmatch(m.source_name, src as string) && fnmatch(m.name, table as string);
  },
  test_type: (_c, value, _a, raw) => {
    const kinds: Record<string, (n: ManifestNode) => boolean> = {
      generic: (n) => n.resource_type === 'test' && !!n.test_metadata,
      schema: (n) => n.resource_type === 'test' && !!n.test_metadata,
      singular: (n) => n.resource_type === 'test' && !n.test_metadata,
      data: (n) => n.resource_type === 'test',
      unit: (n) => n.resource_type === 'unit_test',
    };
    const test = kinds[value];
    if (!test) throw bad(raw, `'${value}' is not a test type`, 'use test_type:generic, test_type:singular or test_type:unit');
    return (m) => isNode(m) && test(m);
  },
  test_name: (_c, value) => (m) =>
    isNode(m) &&
    ((m.resource_type === 'test' && !!m.test_metadata && fnmatch(m.test_metadata.name, value)) ||
      (m.resource_type === 'unit_test' && fnmatch(m.name, value))),
  unit_test: (_c, value, _a, raw) => {
    const parts = value.split('.');
    if (parts.length > 2) throw bad(raw, 'unit tests are selected as `unit_test:<name>` or `unit_test:<package>.<name>`', 'e.g. `unit_test:test_is_valid_email`');
    const [pkg, name] = parts.length === 2 ? parts : ['*', parts[0] as string];
    return (m) => m.resource_type === 'unit_test' && fnmatch(m.package_name, pkg as string) && fnmatch(m.name, name as string);
  },
  result: (ctx, value, _a, raw) => {
    const results = ctx.previousResults;
    if (!results) {
      throw bad(raw, 'the result method needs the run_results.json of a previous run', 'pass --state <folder holding run_results.json from an earlier run>, e.g. --state target/');
    }
    return (m) => results[m.unique_id] === value;
  },
  state: (ctx, value, _a, raw) => stateMethod(ctx, value, raw),
};

/** The ids of all graph members matched by the criterion's method (before `+`/`@` expansion). */
export function searchMethod(ctx: MethodContext, c: SelectionCriteria): Set<string> {
  const match = methods[c.method](ctx, c.value, c.methodArgs, c.raw);
  const out = new Set<string>();
  // dbt's graph holds enabled nodes only; a parser may still keep disabled ones in `nodes`.
  for (const [id, m] of ctx.graph.members) if (m.config?.enabled !== false && match(m)) out.add(id);
  return out;
}
