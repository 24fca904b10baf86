// manifest.json (v12) and run_results.json (v6) in the target folder, shaped like dbt's so tools of
// the dbt ecosystem (and tsdbt's own docs site) can read them.
import { mkdirSync } from 'node:fs';
import { writeJsonFile } from './json-file.js';
import { join, resolve } from 'node:path';
import type { Manifest, ManifestNode } from '../parser/types.js';
import type { ParsedProject } from '../parser/project-parser.js';
import type { NodeResult } from '../runner/types.js';
import { console as out } from '../console/console.js';

import { DBT_COMPAT_VERSION, TSDBT_VERSION } from '../version.js';

export { TSDBT_VERSION };

function metadata(project: ParsedProject, schema: string) {
  return {
    dbt_schema_version: `https://schemas.getdbt.com/dbt/${schema}`,
    dbt_version: DBT_COMPAT_VERSION,
    tsdbt_version: TSDBT_VERSION,
    generated_at: new Date().toISOString(),
    invocation_id: project.invocationId,
    env: {},
  };
}

/**
 * Run `fn` with every node shaped as manifest.json shows it: `compiled` set, the machine-local
 * `abs_path` hidden (undefined is left out by JSON.stringify) and put back afterwards. Nodes are
 * serialized in place: copying 30,000 of them cost a tenth of a 10,000-model parse.
 */
function asManifestNodes<T>(nodes: ManifestNode[], fn: () => T): T {
  const abs = nodes.map((n) => n.abs_path);
  for (const n of nodes) {
    n.compiled = n.compiled_code !== undefined;
    n.abs_path = undefined;
  }
  try {
    return fn();
  } finally {
    nodes.forEach((n, i) => (n.abs_path = abs[i]));
  }
}

/** Write atomically (a reader never sees half a file), with secrets masked. */
export function writeJson(path: string, value: unknown): void {
  writeJsonFile(path, value, (text) => out.mask(text));
}

export function targetDir(project: ParsedProject): string {
  // an absolute target-path is used as it is (resolve, not join)
  const dir = resolve(project.config.project.root, project.config.project.paths.targetPath);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The manifest.json object; its nodes are the project's own, so serialize it inside asManifestNodes. */
function manifestArtifact(project: ParsedProject): Record<string, unknown> {
  const m: Manifest = project.manifest;
  const nodes: Record<string, unknown> = {};
  const unitTests: Record<string, unknown> = {};
  for (const [id, n] of Object.entries(m.nodes)) (n.resource_type === 'unit_test' ? unitTests : nodes)[id] = n;
  const macros: Record<string, unknown> = {};
  for (const [id, mac] of Object.entries(m.macros)) {
    const { abs_path: _a, line: _l, ...rest } = mac;
    macros[id] = rest;
  }
  const disabled: Record<string, unknown[]> = {};
  for (const list of Object.values(m.disabled)) for (const n of list) (disabled[n.unique_id] ??= []).push(n);
  return {
    metadata: { ...metadata(project, 'manifest/v12.json'), project_name: m.project_name, adapter_type: 'duckdb' },
    nodes,
    sources: m.sources,
    macros,
    docs: m.docs,
    exposures: {},
    metrics: {},
    groups: {},
    selectors: {},
    disabled,
    parent_map: m.parent_map,
    child_map: m.child_map,
    group_map: {},
    saved_queries: {},
    semantic_models: {},
    unit_tests: unitTests,
  };
}

export function writeManifest(project: ParsedProject): string {
  const path = join(targetDir(project), 'manifest.json');
  const m = project.manifest;
  asManifestNodes([...Object.values(m.nodes), ...Object.values(m.disabled).flat()], () => writeJson(path, manifestArtifact(project)));
  return path;
}

export function writeRunResults(project: ParsedProject, results: NodeResult[], elapsed: number, args: Record<string, unknown>): string {
  const path = join(targetDir(project), 'run_results.json');
  writeJson(path, {
    metadata: metadata(project, 'run-results/v6.json'),
    results: results.map(({ preview: _p, ...r }) => r),
    elapsed_time: elapsed,
    args,
  });
  return path;
}
