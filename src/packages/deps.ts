// `tsdbt deps`: links each `local:` package (and the local packages it depends on) into
// packages-install-path as dbt does, and reports hub/git/tarball packages it cannot download.
import { cpSync, existsSync, lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { CommonOptions } from '../api/options.js';
import { loadConfig } from '../config/load-config.js';
import { loadProject } from '../config/project-loader.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { candidateNames, readPackageSpecs, specLabel } from './package-spec.js';
import { installedFolders, installPath } from './package-set.js';

export interface DepsReport {
  lines: string[];
  installed: string[];
  /** packages that would need a download: label and the folder to place them in */
  missing: { label: string; folder: string }[];
  ok: boolean;
}

function link(src: string, dest: string): void {
  if (existsSync(dest) || isLink(dest)) rmSync(dest, { recursive: true, force: true });
  try {
    symlinkSync(src, dest, 'dir');
  } catch {
    cpSync(src, dest, { recursive: true }); // file systems without symlinks get a copy
  }
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

export function deps(o: CommonOptions): DepsReport {
  const config = loadConfig({ projectDir: o.projectDir, profilesDir: o.profilesDir, profile: o.profile, target: o.target, vars: o.vars });
  const root = config.project.root;
  const dir = installPath(config);
  const rel = relative(root, dir) || '.';
  const report: DepsReport = { lines: [], installed: [], missing: [], ok: true };
  const seen = new Set<string>();
  const visit = (projectRoot: string, display: string) => {
    const { file, specs } = readPackageSpecs(projectRoot);
    if (!file && projectRoot === root) report.lines.push('Warning: No packages were found in packages.yml');
    for (const spec of specs) {
      if (spec.kind === 'local') {
        const src = resolve(projectRoot, spec.local);
        if (seen.has(src)) continue;
        seen.add(src);
        let name: string;
        try {
          name = loadProject(src, { vars: config.cli.vars }).name;
        } catch (e) {
          throw new TsdbtError('C002', `local package '${spec.local}' cannot be read: ${(e as Error).message}`, {
            location: { ...spec.location, file: display === '.' ? spec.location.file : `${display}/${spec.location.file}` },
            hint: 'the path is relative to the folder of packages.yml and must hold a dbt_project.yml',
          });
        }
        if (name === config.project.name) continue;
        mkdirSync(dir, { recursive: true });
        const dest = join(dir, name);
        if (!(isLink(dest) && resolve(dir, readlinkSync(dest)) === src)) link(src, dest);
        report.lines.push(`Installing ${spec.local}`, `  Installed from <local directory> into ${rel}/${name}`);
        report.installed.push(name);
        visit(src, relative(root, src) || '.');
        continue;
      }
      const names = candidateNames(spec);
      const present = installedFolders(dir).find((n) => names.includes(n) || names.includes(safeName(join(dir, n))));
      if (present) {
        report.lines.push(`Found ${specLabel(spec)} already in ${rel}/${present} (not updated: tsdbt has no network access)`);
        report.installed.push(present);
      } else {
        const folder = `${rel}/${names[0]}`;
        report.lines.push(`Cannot install ${specLabel(spec)}${'version' in spec && spec.version ? `@${spec.version}` : ''}: cannot be installed without network access: place the package under ${folder}`);
        report.missing.push({ label: specLabel(spec), folder });
        report.ok = false;
      }
    }
  };
  visit(root, '.');
  if (report.ok && report.installed.length) report.lines.push(`Installed ${report.installed.length} package${report.installed.length === 1 ? '' : 's'}`);
  return report;
}

function safeName(dir: string): string {
  try {
    return loadProject(dir, {}).name;
  } catch {
    return '';
  }
}
