// What a full parse of a project read, for the parse cache (src/api/parse-cache.ts): the resource
// folders of the project and of its packages, and the settings files (absent ones too: creating one
// changes the result). Also whether the parse's output can change with no input changing.
import { join, resolve } from 'node:path';
import type { ParsedProject } from '../parser/project-parser.js';
import { VOLATILE } from '../parser/partial-parse.js';
import { loadPackages, installPath } from '../packages/package-set.js';
import { homeDir } from '../config/profiles-file.js';
import type { ParseInputs, ParseSummary } from './parse-cache.js';

const SETTINGS = ['project.yml', 'dbt_project.yml', 'packages.yml', 'dependencies.yml', 'selectors.yml', 'profiles.yml'];

export function parseInputs(project: ParsedProject): ParseInputs {
  const { config } = project;
  const root = config.project.root;
  const p = config.project.paths;
  const dirs = [...p.modelPaths, ...p.seedPaths, ...p.testPaths, ...p.macroPaths, ...p.snapshotPaths, ...p.analysisPaths, ...p.docsPaths].map((d) => resolve(root, d));
  const skip = [resolve(root, p.targetPath), resolve(root, p.logPath)];
  dirs.push(installPath(config));
  // local packages are read from where they are; a package's own build output is not an input
  for (const pkg of loadPackages(config).packages) {
    dirs.push(pkg.root);
    skip.push(join(pkg.root, 'target'), join(pkg.root, 'logs'));
  }
  const home = homeDir(process.env);
  const files = [...SETTINGS.map((f) => join(root, f)), config.target.profilesFile, join(home, '.tsdbt', 'profiles.yml'), join(home, '.dbt', 'profiles.yml')];
  return { dirs: [...new Set(dirs)], files: [...new Set(files)], skip };
}

/** Whether any code can render differently on the same inputs (reads the time or the invocation id). */
export function isVolatile(project: ParsedProject): boolean {
  const m = project.manifest;
  // a generic test's code is generated (its arguments are rendered at run time, not into the manifest)
  for (const id in m.nodes) {
    const n = m.nodes[id];
    if (!n.test_metadata && VOLATILE.test(n.raw_code)) return true;
  }
  for (const list of Object.values(m.disabled)) for (const n of list) if (VOLATILE.test(n.raw_code)) return true;
  for (const mac of Object.values(m.macros)) if (VOLATILE.test(mac.macro_sql)) return true;
  return false;
}

export function summaryOf(project: ParsedProject): ParseSummary {
  const m = project.manifest;
  return { nodes: Object.keys(m.nodes).length, sources: Object.keys(m.sources).length, macros: Object.keys(m.macros).length };
}
