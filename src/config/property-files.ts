// Reads every property YAML file (schema.yml, _sources.yml, ...) under the resource folders and
// collects their entries, refusing a resource described twice (P005, naming both places).
import fs from 'node:fs';
import path from 'node:path';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { formatLocation } from '../errors/tsdbt-error.js';
import type { SourceLocation } from '../parser/types.js';
import { KIND_LABEL, buildEntry } from './property-entries.js';
import { ENTRY_KINDS, FILE_KEYS, skipPropertyRender } from './property-schema.js';
import { buildSource } from './property-sources.js';
import { buildUnitTest } from './property-unit-tests.js';
import type { PropertyFiles } from './types.js';
import { checkKeys, describeValue, isObj } from './validate.js';
import { locate, locateValue, parseYamlTextFast } from './yaml-file.js';
import { PropertyCache } from './property-cache.js';
import type { FileResult } from './property-cache.js';
import type { YamlFile } from './yaml-file.js';
import { renderYamlTree } from './yaml-jinja.js';
import type { YamlRenderContext } from './yaml-jinja.js';

/** Project-relative paths of the `.yml` / `.yaml` files under `dirs`, sorted, each once. */
export function findPropertyFiles(projectRoot: string, dirs: string[]): string[] {
  const found = new Set<string>();
  const walk = (abs: string): void => {
    let items: fs.Dirent[];
    try {
      items = fs.readdirSync(abs, { withFileTypes: true });
    } catch {
      return; // a configured folder that does not exist holds nothing, as in dbt
    }
    for (const it of items) {
      if (it.name.startsWith('.')) continue;
      const child = path.join(abs, it.name);
      if (it.isDirectory()) walk(child);
      else if (/\.ya?ml$/i.test(it.name)) found.add(path.relative(projectRoot, child).split(path.sep).join('/'));
    }
  };
  for (const d of dirs) walk(path.resolve(projectRoot, d));
  return [...found].sort();
}

export interface PropertyFileOptions {
  /** env vars, vars and target for `{{ ... }}` in values (default: process.env, no vars, no target) */
  render?: YamlRenderContext;
  /** JSON file remembering parsed files between runs, e.g. `<project>/target/partial_parse_yaml.json` */
  cacheFile?: string;
}

/**
 * Parse the property files under `dirs` (project-relative folders).
 * Results may come from a cache: treat them as read-only.
 * @example loadPropertyFiles(project.root, project.paths.modelPaths).entries[0].name
 */
export function loadPropertyFiles(projectRoot: string, dirs: string[], opts: PropertyFileOptions = {}): PropertyFiles {
  const ctx: YamlRenderContext = opts.render ?? { env: process.env, vars: {} };
  const cache = new PropertyCache(ctx, opts.cacheFile);
  const out: PropertyFiles = { entries: [], sources: [], unitTests: [], files: [] };
  const seen = new Map<string, SourceLocation>();
  const claim = (key: string, label: string, name: string, loc: SourceLocation): void => {
    const prev = seen.get(key);
    if (prev) {
      throw new TsdbtError('P005', `${label} \`${name}\` is described twice: in ${formatLocation(prev)} and in ${formatLocation(loc)}`, {
        location: loc,
        hint: `keep one entry for \`${name}\` and merge the other into it`,
      });
    }
    seen.set(key, loc);
  };
  for (const rel of findPropertyFiles(projectRoot, dirs)) {
    const abs = path.join(projectRoot, rel);
    const text = readText(abs, rel);
    out.files.push(rel);
    // a file that read a secret is never cached: the secret would be written to disk
    const cacheable = !text.includes('_ENV_SECRET_');
    const key = cacheable ? cache.keyOf(text) : '';
    let result = cacheable ? cache.get(abs, key) : undefined;
    if (!result) {
      result = parseFile(parseYamlTextFast(text, abs, rel), ctx);
      if (cacheable) cache.set(abs, key, result);
    }
    for (const e of result.entries) claim(`${e.kind}:${e.name}`, KIND_LABEL[e.kind], e.name, e.location);
    for (const s of result.sources) claim(`sources:${s.name}`, 'source', s.name, s.location);
    for (const u of result.unitTests) claim(`unit_tests:${u.model}.${u.name}`, `unit test of \`${u.model}\``, u.name, u.location);
    out.entries.push(...result.entries);
    out.sources.push(...result.sources);
    out.unitTests.push(...result.unitTests);
  }
  cache.save();
  return out;
}

function readText(abs: string, rel: string): string {
  try {
    return fs.readFileSync(abs, 'utf8');
  } catch (cause) {
    throw new TsdbtError('C001', `cannot read ${rel}: ${(cause as Error).message}`, { location: { file: rel }, cause });
  }
}

function parseFile(y: YamlFile, ctx: YamlRenderContext): FileResult {
  const result: FileResult = { entries: [], sources: [], unitTests: [] };
  let doc: unknown;
  if (y.fast) {
    // the fast reader only takes files without Jinja: nothing to render
    if (y.fast.value === null) return result;
    doc = y.fast.value;
  } else {
    if (y.doc.contents === null) return result;
    renderYamlTree(y, ctx, skipPropertyRender);
    doc = y.doc.toJS();
  }
  if (!isObj(doc)) {
    throw new TsdbtError('C002', `${y.file} must be a mapping with keys such as version, models, sources`, { location: locate(y, []) });
  }
  readFile(y, doc, result);
  return result;
}

function readFile(y: YamlFile, doc: Record<string, unknown>, out: FileResult): void {
  checkKeys(y, doc, [], FILE_KEYS, y.file);
  if (doc.version !== undefined && doc.version !== 2) {
    throw new TsdbtError('C002', `${y.file}: \`version\` must be 2, got ${describeValue(doc.version)}`, {
      location: locateValue(y, ['version']),
      hint: 'write `version: 2` (or leave it out)',
    });
  }
  for (const kind of ENTRY_KINDS) {
    for (const [i, v] of listOf(y, doc, kind).entries()) {
      out.entries.push(buildEntry(y, kind, v, [kind, i]));
    }
  }
  for (const [i, v] of listOf(y, doc, 'sources').entries()) {
    out.sources.push(buildSource(y, v, ['sources', i]));
  }
  for (const [i, v] of listOf(y, doc, 'unit_tests').entries()) {
    out.unitTests.push(buildUnitTest(y, v, ['unit_tests', i]));
  }
}

function listOf(y: YamlFile, doc: Record<string, unknown>, key: string): unknown[] {
  const v = doc[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    throw new TsdbtError('C002', `${y.file}: \`${key}\` must be a list of entries, got ${describeValue(v)}`, {
      location: locateValue(y, [key]),
      hint: `write each ${KIND_LABEL[key as keyof typeof KIND_LABEL] ?? 'entry'} as \`- name: ...\``,
    });
  }
  return v;
}
