// Builds the manifest node of one generic test: dbt's name and fqn, layered config, the refs its
// arguments make (rendered with a recording ref()), and a template that calls the test macro.
import type { ParseHookArgs } from '../parser/parse-hooks.js';
import type { ManifestNode, NodeConfig, SourceDefinition, SourceLocation, RefCall } from '../parser/types.js';
import type { FolderConfigTree } from '../config/types.js';
import { configForPath, levelFor, mergeConfigs } from '../config/folder-config.js';
import { finalizeConfig } from '../parser/node-config.js';
import { nodeScope } from '../templating/node-scope.js';
import { Relation } from '../templating/relation.js';
import { sha256 } from '../parser/checksum.js';
import { templateError } from '../templating/template-errors.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import type { TestEntry } from './test-entry.js';
import type { TestMacro } from './test-macros.js';
import { synthesizeTestName } from './test-naming.js';
import { checkConfig, checkConfigKeys } from './validate-test.js';
import { evaluateArg, isDynamic } from './test-args.js';
import { buildRefIndex, resolveRef, resolveSource, type RefIndex } from '../parser/ref-resolver.js';
import { locateProjectKey, yamlLines } from './yaml-lines.js';
import { setSpec } from './test-spec.js';
import { storesFailures } from './invocation-flags.js';
import { testTemplate } from './test-template.js';

export type TestTarget =
  | { kind: 'node'; node: ManifestNode; label: string; nameInTest: string; yml: SourceLocation }
  | { kind: 'source'; source: SourceDefinition; label: string; nameInTest: string; yml: SourceLocation };

export interface GenericInput {
  target: TestTarget;
  entry: TestEntry;
  macro: TestMacro;
  args: Record<string, unknown>;
  where: SourceLocation;
  at(word: string): SourceLocation;
  label: string;
  /** returns the unique id to use for a synthesized one (names can repeat) */
  claimId(id: string): string;
}

export function makeGenericNode(a: ParseHookArgs, g: GenericInput): ManifestNode {
  const { ctx, manifest } = a;
  const project = ctx.config.project;
  const target = ctx.config.target;
  const { entry, args } = g;
  const testType = `${g.target.kind === 'source' ? 'source_' : ''}${entry.namespace ? `${entry.namespace.replace(/\./g, '_')}_` : ''}${entry.name}`;
  const name = entry.customName ?? synthesizeTestName(testType, g.target.nameInTest, args);
  const yml = g.target.yml.file;
  const folders = yml.split('/').slice(1, -1);
  const fqn = [project.name, ...folders, name];
  const config = testConfig(project.tests, fqn, entry.config, g, (k) => locateProjectKey(project.root, project.file, k));
  const storeFailures = storesFailures(config);
  if (storeFailures) config.store_failures = true;
  const columnName = typeof args.column_name === 'string' ? args.column_name : null;
  const refs: RefCall[] = [];
  const sources: [string, string][] = [];
  if (g.target.kind === 'node') refs.push({ name: g.target.node.name, package: null, version: null });
  else sources.push([g.target.source.source_name, g.target.source.name]);
  const macroId = macroIdFor(manifest, entry.name, entry.namespace);
  const rawCode = `{{ ${entry.namespace ? `${entry.namespace}.` : ''}test_${entry.name}(**_dbt_generic_test_kwargs) }}`;
  const node: ManifestNode = {
    unique_id: g.claimId(`test.${project.name}.${name}`),
    resource_type: 'test',
    package_name: project.name,
    name,
    path: `${name}.sql`,
    original_file_path: yml,
    fqn,
    alias: (config.alias as string | undefined) ?? name,
    schema: storeFailures ? `${target.schema}_${(config.schema as string | undefined) ?? 'dbt_test__audit'}` : target.schema,
    database: (config.database as string | undefined) ?? target.database,
    raw_code: rawCode,
    language: 'sql',
    checksum: { name: 'sha256', checksum: sha256(rawCode + JSON.stringify(args)) },
    config,
    tags: config.tags,
    description: entry.description ?? '',
    columns: {},
    meta: config.meta,
    refs,
    sources,
    depends_on: { nodes: [], macros: [macroId] },
    relation_name: null,
    patch_path: null,
    attached_node: g.target.kind === 'node' ? g.target.node.unique_id : null,
    column_name: columnName,
    test_metadata: { name: entry.name, kwargs: withModel(args, `{{ get_where_subquery(${g.target.kind === 'node' ? `ref('${g.target.node.name}')` : `source('${g.target.source.source_name}', '${g.target.source.name}')`}) }}`), namespace: entry.namespace },
  };
  if (storeFailures) node.relation_name = new Relation(node.database, node.schema, node.alias).render();
  // the relations the arguments name (`to: ref('customers')`) are dependencies too; most tests
  // name none, and building a scope for each of 20,000 tests was a visible cost
  if (Object.values(args).some(isDynamic)) recordArgRefs(a, g, node, refs, sources);
  if (refs.length > 1) {
    const seenRefs = new Set<string>();
    node.refs = refs.filter((r) => !seenRefs.has(r.name) && seenRefs.add(r.name));
  }
  if (sources.length > 1) node.sources = [...new Map(sources.map((s) => [s.join('.'), s])).values()];
  setSpec(node, {
    testName: entry.name,
    namespace: entry.namespace,
    args,
    target: g.target.kind === 'node' ? { kind: 'node', name: g.target.node.name, id: g.target.node.unique_id } : { kind: 'source', source: g.target.source.source_name, table: g.target.source.name, id: g.target.source.unique_id },
    columnName,
    location: g.where,
    ownConfig: Object.keys(entry.config),
  });
  ctx.templates.set(node.unique_id, testTemplate(ctx.engine, node, g.macro));
  return node;
}

// Most tests of a folder share one config (no `config:` of their own): it is checked and finalized once
// per folder level and copied, instead of merged, checked and finalized for each of 20,000 tests.
const configMemo = new WeakMap<FolderConfigTree, Map<FolderConfigTree, NodeConfig>>();

function testConfig(tree: FolderConfigTree, fqn: string[], own: Record<string, unknown>, g: GenericInput, projectAt: (key: string) => SourceLocation | undefined): NodeConfig {
  const make = () => {
    const merged = mergeConfigs(configForPath(tree, fqn), own);
    checkConfigKeys(g.label, merged, own, g.at, projectAt);
    return finalizeConfig(checkConfig(g.label, merged, g.at), 'test', g.where);
  };
  for (const _ in own) return make();
  let memo = configMemo.get(tree);
  if (!memo) configMemo.set(tree, (memo = new Map()));
  const level = levelFor(tree, fqn);
  let shared = memo.get(level);
  if (!shared) memo.set(level, (shared = make()));
  return copyConfig(shared);
}

/** A copy no other node shares a list or mapping of (as a config finalized for the node alone). */
function copyConfig(c: NodeConfig): NodeConfig {
  const out = {} as NodeConfig;
  for (const k in c) out[k] = c[k];
  out.tags = [...c.tags];
  out.meta = { ...c.meta };
  out.pre_hook = c.pre_hook.map((h) => ({ ...h }));
  out.post_hook = c.post_hook.map((h) => ({ ...h }));
  return out;
}

/** dbt's kwargs: the arguments plus `model` (copied key by key: a spread plus a key is slow in V8). */
function withModel(args: Record<string, unknown>, model: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in args) out[k] = args[k];
  out.model = model;
  return out;
}

// a scan of all macros per test was quadratic on large projects: index them once per manifest
const macroIndex = new WeakMap<object, Map<string, string>>();

function macroIdFor(manifest: ParseHookArgs['manifest'], name: string, namespace: string | null): string {
  let idx = macroIndex.get(manifest.macros);
  if (!idx) {
    idx = new Map();
    for (const m of Object.values(manifest.macros)) {
      if (!idx.has(m.name)) idx.set(m.name, m.unique_id);
      if (!idx.has(`${m.package_name}.${m.name}`)) idx.set(`${m.package_name}.${m.name}`, m.unique_id);
    }
    macroIndex.set(manifest.macros, idx);
  }
  return idx.get(namespace ? `${namespace}.test_${name}` : `test_${name}`) ?? `macro.dbt.test_${name}`;
}

function recordArgRefs(a: ParseHookArgs, g: GenericInput, node: ManifestNode, refs: RefCall[], sources: [string, string][]): void {
  const { ctx } = a;
  const target = ctx.config.target;
  const yml = g.target.yml.file;
  const { args } = g;
  const name = node.name;
  const scope = nodeScope(ctx.base, node, new Relation(target.database, target.schema, name), {
    ref: (call) => (refs.push(call), new Relation(target.database, target.schema, call.name)),
    source: (s, t) => (sources.push([s, t]), new Relation(target.database, s, t)),
    config: () => undefined,
    configValue: (k) => node.config[k],
    isIncremental: () => false,
    execute: false,
  });
  for (const [k, v] of Object.entries(args)) {
    const nRefs = refs.length;
    const nSources = sources.length;
    try {
      evaluateArg(ctx.engine, scope, v, yml);
    } catch (e) {
      const err = templateError(e, yml);
      throw new TsdbtError('T001', `${g.label}: ${err.message}`, { location: g.where, hint: err.hint });
    }
    if (refs.length === nRefs && sources.length === nSources) continue;
    // a relation the argument names that does not exist: the resolver's error, at the argument's value
    // (it only knows the test's file, as the test has no SQL of its own to find the call in)
    const index = refIndexFor(a);
    const disabled = new Set(Object.keys(a.manifest.disabled));
    for (const call of refs.slice(nRefs)) {
      const r = resolveRef(index, node, call, disabled);
      if (r instanceof TsdbtError) throw atValue(r, a.root, g, k, v);
    }
    for (const src of sources.slice(nSources)) {
      const r = resolveSource(index, node, src);
      if (r instanceof TsdbtError) throw atValue(r, a.root, g, k, v);
    }
  }
}

const refIndexes = new WeakMap<ParseHookArgs, RefIndex>();

/** Models, seeds and snapshots are all known when tests are parsed: index them once per parse. */
function refIndexFor(a: ParseHookArgs): RefIndex {
  let idx = refIndexes.get(a);
  if (!idx) refIndexes.set(a, (idx = buildRefIndex(a.manifest)));
  return idx;
}

/** The error re-anchored at the value of argument `key` (`to: ref('x')`), else at the key. */
function atValue(e: TsdbtError, root: string, g: GenericInput, key: string, value: unknown): TsdbtError {
  return new TsdbtError(e.code, e.message, { location: valueLocation(root, g, key, value), hint: e.hint, exitCode: 2 });
}

function valueLocation(root: string, g: GenericInput, key: string, value: unknown): SourceLocation {
  const at = g.at(key);
  const line = at.line === undefined ? undefined : yamlLines(root, at.file)[at.line - 1];
  if (line === undefined || at.column === undefined) return at;
  const rest = line.slice(at.column - 1 + key.length);
  const text = String(value).trim();
  let i = rest.indexOf(text);
  if (i > 0 && (rest[i - 1] === '"' || rest[i - 1] === "'")) i--;
  if (i < 0) {
    const m = /^\s*:\s*/.exec(rest);
    if (!m || m[0].length === rest.length) return at;
    i = m[0].length;
  }
  return { file: at.file, line: at.line, column: at.column + key.length + i };
}
