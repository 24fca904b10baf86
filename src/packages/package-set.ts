// The packages a project uses: every project folder installed under packages-install-path, plus
// `local:` packages read straight from their path when not installed. A hub/git package that is
// listed but not installed is an error naming packages.yml's line and what to do.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProjectConfig, ResolvedConfig } from '../config/types.js';
import { findProjectFile, loadProject } from '../config/project-loader.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { candidateNames, readPackageSpecs, specLabel, type PackageSpec } from './package-spec.js';

export interface LoadedPackage {
  name: string;
  /** absolute folder of the package */
  root: string;
  /** the package folder relative to the root project (for messages) */
  display: string;
  project: ProjectConfig;
}

const cache = new WeakMap<ResolvedConfig, { packages: LoadedPackage[]; errors: TsdbtError[] }>();

function asError(e: unknown, display: string): TsdbtError {
  if (e instanceof TsdbtError) {
    const file = e.location?.file && !e.location.file.startsWith('/') ? `${display}/${e.location.file}` : (e.location?.file ?? display);
    return new TsdbtError(e.code, e.message, { location: { ...e.location, file }, hint: e.hint });
  }
  return new TsdbtError('C002', `cannot read package ${display}: ${(e as Error).message}`, { location: { file: display } });
}

/** Project folders directly under `dir` (each holding dbt_project.yml or project.yml). */
export function installedFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.') && statSync(join(dir, n)).isDirectory() && findProjectFile(join(dir, n)) !== undefined)
    .sort();
}

export function installPath(config: ResolvedConfig): string {
  return resolve(config.project.root, config.project.paths.packagesInstallPath);
}

function readPackage(dir: string, display: string, config: ResolvedConfig): LoadedPackage {
  const project = loadProject(dir, { vars: config.cli.vars });
  return { name: project.name, root: project.root, display, project };
}

/** Is this spec satisfied by one of the packages found? */
export function findInstalled(spec: PackageSpec, packages: LoadedPackage[], installDir: string): LoadedPackage | undefined {
  if (spec.kind === 'local') return undefined;
  const names = candidateNames(spec);
  return packages.find((p) => p.root.startsWith(installDir) && (names.includes(p.name) || names.includes(p.root.split('/').pop()!)));
}

export function loadPackages(config: ResolvedConfig): { packages: LoadedPackage[]; errors: TsdbtError[] } {
  const hit = cache.get(config);
  if (hit) return hit;
  const root = config.project.root;
  const dir = installPath(config);
  const packages: LoadedPackage[] = [];
  const errors: TsdbtError[] = [];
  const add = (p: LoadedPackage) => {
    if (p.name === config.project.name) return; // the root project itself (e.g. a local self-reference)
    const prev = packages.find((x) => x.name === p.name);
    if (prev) {
      if (realpathSync(prev.root) !== realpathSync(p.root)) errors.push(new TsdbtError('P005', `two packages are named '${p.name}': ${prev.display} and ${p.display}`, { location: { file: p.display }, hint: 'remove one of them' }));
      return;
    }
    packages.push(p);
  };
  const rel = config.project.paths.packagesInstallPath.replace(/\/+$/, '');
  for (const name of installedFolders(dir)) {
    try {
      add(readPackage(join(dir, name), `${rel}/${name}`, config));
    } catch (e) {
      errors.push(asError(e, `${rel}/${name}`));
    }
  }
  let specs: { file: string | null; specs: PackageSpec[] } = { file: null, specs: [] };
  try {
    specs = readPackageSpecs(root);
  } catch (e) {
    errors.push(e as TsdbtError);
  }
  for (const spec of specs.specs) {
    if (spec.kind === 'local') {
      const abs = resolve(root, spec.local);
      if (!findProjectFile(abs)) {
        errors.push(new TsdbtError('C002', `local package '${spec.local}' has no dbt_project.yml (looked in ${abs})`, { location: spec.location, hint: 'fix the path (it is relative to the project folder)' }));
        continue;
      }
      try {
        add(readPackage(abs, spec.local, config));
      } catch (e) {
        errors.push(asError(e, spec.local));
      }
    } else if (!findInstalled(spec, packages, dir)) {
      errors.push(new TsdbtError('C002', `package '${specLabel(spec)}' from ${specs.file} is not installed in ${rel}/`, {
        location: spec.location,
        hint: `tsdbt cannot download hub or git packages (no network access): place the package under ${rel}/${candidateNames(spec)[0]}`,
      }));
    }
  }
  const result = { packages, errors };
  cache.set(config, result);
  return result;
}
