// What watch mode listens to: the project's resource folders and its project / profiles / packages
// files, never the target and log folders or the database file tsdbt itself writes.
import { relative, sep } from 'node:path';

const FILES = ['project.yml', 'dbt_project.yml', 'profiles.yml', 'packages.yml', 'dependencies.yml'];

/** The root itself (configured folders such as `model-paths: [transform]` are found under it). */
export function watchedPaths(root: string): string[] {
  return [root];
}

/** Only project sources count: build outputs, logs, databases, editor swap files and dot-folders do not. */
export function isIgnored(root: string, abs: string): boolean {
  const rel = relative(root, abs).split(sep).join('/');
  if (rel === '') return false;
  const top = rel.split('/')[0]!;
  if (top.startsWith('.') || top === 'target' || top === 'logs' || top === 'node_modules' || top === 'dbt_packages') return true;
  // a top-level file other than the project's settings (README.md, the database) is not a source
  if (!rel.includes('/') && /\.[A-Za-z0-9]+$/.test(rel)) return !FILES.includes(rel);
  return /(\.duckdb(\.wal)?|~|\.swp|\.tmp)$/.test(rel);
}
