// Finds a project's files by resource folder: every `.sql`, `.csv`, `.yml` under the configured paths,
// in a stable order, skipping hidden folders.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export interface FoundFile {
  /** absolute path */
  abs: string;
  /** path relative to the project root, with forward slashes */
  projectPath: string;
  /** path relative to the resource folder it was found in */
  resourcePath: string;
}

export function findFiles(root: string, dirs: string[], exts: string[]): FoundFile[] {
  const out: FoundFile[] = [];
  for (const dir of dirs) {
    const base = resolve(root, dir);
    let isDir = false;
    try {
      isDir = statSync(base).isDirectory();
    } catch {
      continue;
    }
    if (!isDir) continue;
    const entries = readdirSync(base, { recursive: true, withFileTypes: true });
    for (const e of entries) {
      if (!e.isFile()) continue;
      if (!exts.some((x) => e.name.endsWith(x))) continue;
      const parent = (e as unknown as { parentPath?: string; path?: string }).parentPath ?? (e as unknown as { path: string }).path;
      const abs = join(parent, e.name);
      const rel = relative(base, abs);
      if (rel.split(sep).some((p) => p.startsWith('.'))) continue;
      out.push({ abs, projectPath: toPosix(relative(root, abs)), resourcePath: toPosix(rel) });
    }
  }
  out.sort((a, b) => (a.projectPath < b.projectPath ? -1 : a.projectPath > b.projectPath ? 1 : 0));
  return out;
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** `staging/stg_orders.sql` -> ['staging'] */
export function folderParts(resourcePath: string): string[] {
  const parts = resourcePath.split('/');
  parts.pop();
  return parts;
}

export function stem(fileName: string): string {
  const base = fileName.split('/').pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
