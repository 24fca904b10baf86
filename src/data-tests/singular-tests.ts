// Parse hook for singular tests: each `tests/**/*.sql` (outside `generic/` and `fixtures/`) is a query
// returning failing rows, parsed like a model so ref()/source()/config() work.
import type { ParseHookArgs } from '../parser/parse-hooks.js';
import { findFiles } from '../parser/discover.js';
import { parseSqlFile } from '../parser/sql-node-parser.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { checkConfig, checkConfigKeys } from './validate-test.js';
import { locateProjectKey } from './yaml-lines.js';
import { finalizeConfig } from '../parser/node-config.js';
import { collectParseError } from './parse-errors.js';
import { storesFailures } from './invocation-flags.js';

/** Where a `config(key=...)` argument is written in a test's SQL. */
function locateCallKey(raw: string, key: string): { line: number; column: number } | undefined {
  const m = new RegExp(`\\b${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=(?!=)`).exec(raw);
  if (!m) return undefined;
  const before = raw.slice(0, m.index);
  return { line: before.split('\n').length, column: m.index - before.lastIndexOf('\n') };
}

export function addSingularTests(a: ParseHookArgs): void {
  const { ctx, manifest, root, errors } = a;
  const project = ctx.config.project;
  const files = findFiles(root, project.paths.testPaths, ['.sql']).filter((f) => !/^(generic|fixtures)\//.test(f.resourcePath));
  for (const f of files) {
    a.setCurrent(f.projectPath);
    const node = parseSqlFile(ctx, f, { resourceType: 'test', tree: project.tests, propKind: null, defaultMaterialization: 'test' }, project.name);
    if (!node) continue;
    let ok = false;
    collectParseError(errors, () => {
      const label = `test \`${node.name}\``;
      const inFile = (k: string) => locateCallKey(node.raw_code, k);
      const own = Object.fromEntries(Object.keys(node.config).filter((k) => inFile(k)).map((k) => [k, true]));
      const at = (k: string) => ({ file: f.projectPath, ...inFile(k) });
      checkConfigKeys(label, node.config, own, at, (k) => locateProjectKey(root, project.file, k));
      node.config = finalizeConfig(checkConfig(label, node.config, () => ({ file: f.projectPath })), 'test', { file: f.projectPath });
      ok = true;
    });
    if (!ok) continue;
    node.relation_name = null;
    if (storesFailures(node.config)) {
      node.config.store_failures = true;
      node.schema = `${ctx.config.target.schema}_dbt_test__audit`;
      node.relation_name = `"${node.database}"."${node.schema}"."${node.alias}"`;
    }
    if (!node.config.enabled) (manifest.disabled[node.name] ??= []).push(node);
    else if (manifest.nodes[node.unique_id]) {
      errors.push(new TsdbtError('P005', `two tests are named '${node.name}': ${manifest.nodes[node.unique_id].original_file_path} and ${node.original_file_path}`, { location: { file: node.original_file_path }, hint: 'rename one of the files' }));
    } else manifest.nodes[node.unique_id] = node;
  }
}
