// Writes the files tsdbt keeps under the target folder (compiled and run SQL): masked, creating
// folders, and replacing a stale file that stands where a folder must go (left by an older layout).
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ProjectConfig } from '../config/types.js';
import type { ManifestNode } from '../parser/types.js';
import { maskForFile } from '../reliability/secret-files.js';

/**
 * Where a node's SQL goes under target/compiled or target/run: `<package>/<original path>`, and nodes
 * defined in a property file (generic and unit tests) each get a file under it, as in dbt.
 */
export function targetFilePath(project: ProjectConfig, node: ManifestNode, kind: 'compiled' | 'run'): string {
  // asked for each node at least twice per run: resolved once per node, project and kind
  let known = paths.get(node);
  if (!known || known.project !== project || known.from !== node.original_file_path) {
    known = { project, from: node.original_file_path, compiled: undefined, run: undefined };
    paths.set(node, known);
  }
  const cached = known[kind];
  if (cached !== undefined) return cached;
  const rel = /\.ya?ml$/.test(node.original_file_path) ? join(node.original_file_path, `${node.name}.sql`) : node.original_file_path;
  return (known[kind] = resolve(project.root, project.paths.targetPath, kind, node.package_name, rel));
}

const paths = new WeakMap<ManifestNode, { project: ProjectConfig; from: string; compiled: string | undefined; run: string | undefined }>();

function clearFileAncestor(dir: string): void {
  for (let d = dir; dirname(d) !== d; d = dirname(d)) {
    try {
      if (statSync(d).isFile()) {
        rmSync(d);
        return;
      }
    } catch {
      // not there yet: keep walking up
    }
  }
}

function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOTDIR') throw e;
    clearFileAncestor(dir);
    mkdirSync(dir, { recursive: true });
  }
}

/**
 * Writes `text` to `path` unless the file already holds exactly it: a rebuild writes the same SQL into
 * thousands of files, and reading one to compare costs a sixth of rewriting it (no block allocation,
 * journal or mtime update). A file edited or emptied by hand differs, so it is written again.
 */
function writeIfChanged(path: string, text: string): void {
  let old: string | undefined;
  try {
    old = readFileSync(path, 'utf8');
  } catch {
    // not there yet (or unreadable): write it
  }
  if (old !== text) writeFileSync(path, text);
}

// folders made already: `compile` of 30,000 nodes would otherwise ask for each folder 30,000 times
const made = new Set<string>();

export function writeTargetFile(path: string, text: string): void {
  const dir = dirname(path);
  if (!made.has(dir)) {
    ensureDir(dir);
    made.add(dir);
  }
  const masked = maskForFile(text);
  try {
    writeIfChanged(path, masked);
  } catch (e) {
    // the folder went away since (`clean`, another run in this process): make it again
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
    ensureDir(dir);
    writeFileSync(path, masked);
  }
}
