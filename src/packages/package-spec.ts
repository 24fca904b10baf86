// Reads `packages.yml` (or `dependencies.yml`) of a project: which packages it depends on, each with
// the line it is declared on, and the folder name it installs under in dbt_packages/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readYamlFile, locate } from '../config/yaml-file.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import type { SourceLocation } from '../parser/types.js';

export type PackageSpec =
  | { kind: 'local'; local: string; location: SourceLocation }
  | { kind: 'hub'; package: string; version: string | null; location: SourceLocation }
  | { kind: 'git'; git: string; revision: string | null; subdirectory: string | null; location: SourceLocation }
  | { kind: 'tarball'; tarball: string; name: string | null; location: SourceLocation };

export interface PackageFile {
  /** project-relative path of the file read, or null when the project has none */
  file: string | null;
  specs: PackageSpec[];
}

const FILES = ['packages.yml', 'dependencies.yml'];

function str(v: unknown): string | null {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

export function readPackageSpecs(root: string): PackageFile {
  const found = FILES.filter((f) => existsSync(join(root, f)));
  const withPackages = found.map((f) => ({ f, y: readYamlFile(join(root, f), f) })).filter(({ y }) => {
    const js = y.doc.toJS() as Record<string, unknown> | null;
    return js && typeof js === 'object' && js.packages !== undefined && js.packages !== null;
  });
  if (withPackages.length > 1) {
    throw new TsdbtError('C002', 'both packages.yml and dependencies.yml list packages', {
      location: { file: 'dependencies.yml' },
      hint: 'keep the package list in one of the two files',
    });
  }
  if (!withPackages.length) return { file: found[0] ?? null, specs: [] };
  const { f, y } = withPackages[0];
  const list = (y.doc.toJS() as Record<string, unknown>).packages;
  if (!Array.isArray(list)) {
    throw new TsdbtError('C002', `\`packages:\` in ${f} must be a list`, { location: locate(y, ['packages']), hint: 'write each package as a list item, e.g. `- local: ../my_package`' });
  }
  const specs = list.map((raw, i): PackageSpec => {
    const location = locate(y, ['packages', i]);
    const e = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    if (str(e.local)) return { kind: 'local', local: str(e.local)!, location };
    if (str(e.package)) return { kind: 'hub', package: str(e.package)!, version: Array.isArray(e.version) ? e.version.join(', ') : str(e.version), location };
    if (str(e.git)) return { kind: 'git', git: str(e.git)!, revision: str(e.revision), subdirectory: str(e.subdirectory), location };
    if (str(e.tarball)) return { kind: 'tarball', tarball: str(e.tarball)!, name: str(e.name), location };
    throw new TsdbtError('C002', `package entry ${i + 1} in ${f} has none of local, package, git or tarball`, {
      location,
      hint: 'write `- local: ../path`, `- package: dbt-labs/dbt_utils` with `version:`, or `- git: <url>` with `revision:`',
    });
  });
  return { file: f, specs };
}

/** What the spec calls itself, for messages. */
export function specLabel(s: PackageSpec): string {
  switch (s.kind) {
    case 'local':
      return s.local;
    case 'hub':
      return s.package;
    case 'git':
      return s.git + (s.subdirectory ? `/${s.subdirectory}` : '');
    default:
      return s.tarball;
  }
}

/** Folder names a hub/git/tarball package is likely installed under (dbt uses the project name). */
export function candidateNames(s: PackageSpec): string[] {
  let base: string;
  if (s.kind === 'hub') base = s.package.split('/').pop() ?? s.package;
  else if (s.kind === 'git') base = (s.subdirectory ?? s.git).replace(/\/+$/, '').split('/').pop()!.replace(/\.git$/, '');
  else if (s.kind === 'tarball') base = s.name ?? s.tarball.split('/').pop()!.replace(/\.(tar\.gz|tgz|zip)$/, '');
  else base = s.local.split('/').pop() ?? s.local;
  return [...new Set([base, base.replace(/-/g, '_'), base.replace(/^dbt[-_]/, '').replace(/-/g, '_')])];
}
