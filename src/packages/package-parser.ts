// Brings packages into the parse: their macros (before any model renders, in their own namespace and
// filling gaps in the root one), then their sources, models, analyses, seeds, snapshots and tests,
// configured by the package's own project file and then by the root project's `<package>:` keys.
import type { FolderConfigTree, PropertyEntry, PropertyFiles, ResolvedConfig } from '../config/types.js';
import type { MacroHook, ParseHookArgs } from '../parser/parse-hooks.js';
import type { ParseContext } from '../parser/sql-node-parser.js';
import { parseSqlFile } from '../parser/sql-node-parser.js';
import { parseSeedFile } from '../parser/seed-parser.js';
import { parseSources } from '../parser/source-parser.js';
import { findFiles, folderParts, stem } from '../parser/discover.js';
import { loadMacros } from '../parser/macro-loader.js';
import { addNode } from '../parser/project-parser.js';
import { loadPropertyFiles } from '../config/property-files.js';
import { configForPath, mergeConfigs } from '../config/folder-config.js';
import { varsFor } from '../config/vars.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { parseSnapshots } from '../snapshots/snapshot-parser.js';
import { addGenericTests } from '../data-tests/generic-tests.js';
import { addSingularTests } from '../data-tests/singular-tests.js';
import { loadPackages, type LoadedPackage } from './package-set.js';

/** Point an error inside a package at `dbt_packages/<pkg>/<file>` so the user can find it. */
export function relocate(e: unknown, display: string): TsdbtError {
  if (!(e instanceof TsdbtError)) throw e;
  const file = e.location?.file;
  if (!file || file.startsWith('/') || file.startsWith(display)) return e;
  return new TsdbtError(e.code, e.message, { location: { ...e.location, file: `${display}/${file}` }, hint: e.hint });
}

/** A tree holding `config` exactly at `fqn`, so configForPath(tree, fqn) returns it. */
function chainTree(fqn: string[], config: Record<string, unknown>): FolderConfigTree {
  let t: FolderConfigTree = { config, children: {} };
  for (let i = fqn.length - 1; i >= 0; i--) t = { config: {}, children: { [fqn[i]]: t } };
  return t;
}

function layered(pkgTree: FolderConfigTree, rootTree: FolderConfigTree, fqn: string[]): FolderConfigTree {
  return chainTree(fqn, mergeConfigs(configForPath(pkgTree, fqn), configForPath(rootTree, fqn)));
}

/**
 * dbt scopes vars per package; tsdbt has one var() for the whole run, so a package's own vars are
 * added where the root does not define them, and the root's `<package>:` block wins over them.
 */
function shareVars(config: ResolvedConfig, packages: LoadedPackage[]): void {
  const cli = new Set(Object.keys(config.cli.vars ?? {}));
  for (const p of packages) {
    for (const [k, v] of Object.entries(varsFor(p.project.vars, p.name))) if (!(k in config.vars)) config.vars[k] = v;
    const scoped = config.project.vars[p.name];
    if (scoped && typeof scoped === 'object' && !Array.isArray(scoped)) {
      for (const [k, v] of Object.entries(scoped)) if (!cli.has(k)) config.vars[k] = v;
    }
  }
}

export const loadPackageMacros: MacroHook = ({ config, engine, manifest, errors }) => {
  const { packages, errors: found } = loadPackages(config);
  errors.push(...found);
  shareVars(config, packages);
  for (const p of packages) {
    const paths = p.project.paths;
    const files = findFiles(p.root, [...paths.macroPaths, ...paths.testPaths.map((t) => `${t}/generic`)], ['.sql']);
    const r = loadMacros(engine, files, p.name, false);
    Object.assign(manifest.macros, r.definitions);
    errors.push(...r.errors.map((e) => relocate(e, p.display)));
  }
};

function indexEntries(entries: PropertyEntry[]): Map<string, PropertyEntry> {
  return new Map(entries.map((e) => [`${e.kind}:${e.name}`, e]));
}

function parseOne(a: ParseHookArgs, p: LoadedPackage, errors: TsdbtError[]): void {
  const { ctx, manifest } = a;
  const root = ctx.config.project;
  const paths = p.project.paths;
  const props: PropertyFiles = loadPropertyFiles(p.root, [...paths.modelPaths, ...paths.seedPaths, ...paths.snapshotPaths, ...paths.analysisPaths, ...paths.macroPaths, ...paths.testPaths]);
  const pctx: ParseContext = { ...ctx, errors, props: indexEntries(props.entries), config: { ...ctx.config, project: p.project } };
  const at = (file: string) => a.setCurrent(`${p.display}/${file}`);
  for (const s of parseSources(props.sources, p.name, ctx.config.target.database, p.root)) manifest.sources[s.unique_id] = s;
  const sqlKinds = [['model', paths.modelPaths, 'models'], ['analysis', paths.analysisPaths, 'analyses']] as const;
  for (const [resourceType, dirs, propKind] of sqlKinds) {
    for (const f of findFiles(p.root, dirs, ['.sql'])) {
      at(f.projectPath);
      const fqn = [p.name, ...folderParts(f.resourcePath), stem(f.resourcePath)];
      const tree = layered(p.project.models, root.models, fqn);
      addNode(manifest, parseSqlFile(pctx, f, { resourceType, tree, propKind, defaultMaterialization: 'view' }, p.name), errors);
    }
  }
  for (const f of findFiles(p.root, paths.seedPaths, ['.csv'])) {
    at(f.projectPath);
    const fqn = [p.name, ...folderParts(f.resourcePath), stem(f.resourcePath)];
    const sctx = { ...pctx, config: { ...pctx.config, project: { ...p.project, seeds: layered(p.project.seeds, root.seeds, fqn) } } };
    addNode(manifest, parseSeedFile(sctx, f, p.name), errors);
  }
  const snaps = parseSnapshots(pctx, { root: p.root, packageName: p.name, snapshotPaths: paths.snapshotPaths, tree: p.project.snapshots, rootTree: root.snapshots, entries: props.entries, setCurrent: at });
  for (const n of snaps) addNode(manifest, n, errors);
  const args: ParseHookArgs = { ...a, ctx: pctx, properties: props, root: p.root, errors, setCurrent: at };
  addSingularTests(args);
  addGenericTests(args);
}

/** Parse hook: every package's nodes join the manifest with package_name and fqn of the package. */
export function parsePackageNodes(a: ParseHookArgs): void {
  for (const p of loadPackages(a.ctx.config).packages) {
    const errors: TsdbtError[] = [];
    try {
      parseOne(a, p, errors);
    } catch (e) {
      errors.push(e as TsdbtError);
    }
    a.errors.push(...errors.map((e) => relocate(e, p.display)));
  }
}
