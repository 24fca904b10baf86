// `tsdbt parse` when nothing changed: a record in the target folder of everything the last full parse
// depended on (every input file's size and mtime, folder listings, options, environment, tsdbt's own
// code) and of the manifest.json it wrote. When all of it is the same, that manifest is the answer and
// nothing is parsed. Light on purpose: loaded before (and instead of) the parser.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommonOptions } from './options.js';

const FORMAT = 'tsdbt-parse-cache-1';
const FILE = 'tsdbt_parse_cache.json';
/**
 * A file changed within this long before the parse started (or during it) may change again without its
 * mtime moving (coarse file-system clocks, 1-2 s on some): the parse is not recorded then.
 */
export const RACY_MS = 2000;
// environment entries shells change between identical commands
const VOLATILE_ENV = new Set(['_', 'OLDPWD']);
// the code of tsdbt itself (dist/ or src/) and its installed dependencies: an upgrade re-parses
const CODE_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const CODE_FILES = [join(CODE_DIR, '..', 'package.json'), join(CODE_DIR, '..', 'node_modules', '.package-lock.json')];

export interface ParseSummary {
  nodes: number;
  sources: number;
  macros: number;
}

/** What a full parse read: folders (walked recursively) and single files (absent ones count too). */
export interface ParseInputs {
  dirs: string[];
  files: string[];
  /** folders inside `dirs` that are outputs, not inputs (target, logs) */
  skip: string[];
}

interface Record_ extends ParseInputs {
  format: string;
  key: string;
  inputs: string;
  manifest: { path: string; size: number; mtimeMs: number };
  summary: ParseSummary;
}

function optionsKey(o: CommonOptions, root: string): string {
  const env = Object.entries(process.env).filter(([k]) => !VOLATILE_ENV.has(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const { projectDir: _p, ...rest } = o;
  return createHash('sha1').update(JSON.stringify([FORMAT, process.version, root, process.cwd(), rest, env])).digest('base64');
}

/** A digest of the sizes and mtimes of every input; `racyAfter`: whether any changed after that time. */
function inputsDigest(inputs: ParseInputs, racyAfter = Infinity): { digest: string; racy: boolean } {
  const h = createHash('sha1');
  const skip = new Set(inputs.skip);
  let racy = false;
  const file = (abs: string, line: string) => {
    let s;
    try {
      s = statSync(abs);
    } catch {
      h.update(`-${line}\n`);
      return;
    }
    if (s.isDirectory()) return walk(abs, 0);
    if (s.mtimeMs >= racyAfter) racy = true;
    h.update(`${line}\t${s.size}\t${s.mtimeMs}\n`);
  };
  const walk = (dir: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      h.update(`!${dir}\n`);
      return;
    }
    h.update(`>${dir}\n`);
    if (depth > 32) return; // a symlink loop
    for (const n of names) {
      // hidden entries, databases and outputs are never read as project sources
      if (n.charCodeAt(0) === 46 || n === 'node_modules' || n.endsWith('.duckdb') || n.endsWith('.duckdb.wal')) continue;
      const abs = join(dir, n);
      if (skip.has(abs)) continue;
      let s;
      try {
        s = statSync(abs);
      } catch {
        continue; // a dangling link
      }
      if (s.isDirectory()) walk(abs, depth + 1);
      else {
        if (s.mtimeMs >= racyAfter) racy = true;
        h.update(`${n}\t${s.size}\t${s.mtimeMs}\n`);
      }
    }
    h.update(`<\n`);
  };
  for (const d of inputs.dirs) walk(d, 0);
  for (const f of [...inputs.files, ...CODE_FILES]) file(f, f);
  walk(CODE_DIR, 0);
  return { digest: h.digest('base64'), racy };
}

function projectRoot(o: CommonOptions): string {
  return resolve(o.projectDir ?? process.cwd());
}

/** Where the record lives: the target folder named in the project file (read without loading it). */
function cacheFile(root: string): string {
  const projectFile = ['project.yml', 'dbt_project.yml'].map((f) => join(root, f)).find((f) => existsSync(f));
  const text = projectFile ? readFileSync(projectFile, 'utf8') : '';
  const m = /^target-path:[ \t]*['"]?([^'"#\s]+)['"]?[ \t]*(#.*)?$/m.exec(text);
  return resolve(root, m && !m[1].includes('{') ? m[1] : 'target', FILE);
}

/** The summary of the last parse if nothing it depended on changed since, else undefined. */
export function cachedParse(o: CommonOptions): ParseSummary | undefined {
  const root = projectRoot(o);
  let rec: Record_;
  try {
    rec = JSON.parse(readFileSync(cacheFile(root), 'utf8')) as Record_;
  } catch {
    return undefined;
  }
  if (rec.format !== FORMAT || rec.key !== optionsKey(o, root)) return undefined;
  try {
    const m = statSync(rec.manifest.path);
    if (m.size !== rec.manifest.size || m.mtimeMs !== rec.manifest.mtimeMs) return undefined;
  } catch {
    return undefined;
  }
  return inputsDigest(rec).digest === rec.inputs ? rec.summary : undefined;
}

/**
 * After a full parse that wrote `manifestPath`: remember what it read. `startedAt` is when the parse
 * began (Date.now()); `volatile` is true when its output can differ on identical inputs (the time,
 * the invocation id): then, as after a racy edit, no record is kept.
 */
export function recordParse(o: CommonOptions, targetDir: string, inputs: ParseInputs, manifestPath: string, summary: ParseSummary, startedAt: number, volatile: boolean): void {
  const root = projectRoot(o);
  const file = join(targetDir, FILE);
  try {
    rmSync(file, { force: true });
    if (volatile || cacheFile(root) !== file) return;
    const { digest, racy } = inputsDigest(inputs, startedAt - RACY_MS);
    if (racy) return;
    const m = statSync(manifestPath);
    const rec: Record_ = { format: FORMAT, key: optionsKey(o, root), ...inputs, inputs: digest, manifest: { path: manifestPath, size: m.size, mtimeMs: m.mtimeMs }, summary };
    mkdirSync(targetDir, { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(rec));
    renameSync(`${file}.tmp`, file);
  } catch {
    // a read-only target folder only costs speed next time
  }
}
