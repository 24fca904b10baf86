// `tsdbt parse` of an unchanged project answers from target/tsdbt_parse_cache.json without parsing, and
// never serves a stale result: every kind of change (a model, YAML, a macro, a package, a new file,
// --vars, an env var, profiles.yml, the manifest itself) parses again. A poisoned record shows through
// on a hit, so the tests can tell a hit from a parse.
import { existsSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, writeFiles, writeProject } from '../../helpers/project.js';
import { parse } from '../../../src/index.js';

const CACHE = 'target/tsdbt_parse_cache.json';

/** Make every project file an hour old: files changed just before a parse are never trusted by mtime. */
function backdate(dir: string): void {
  const t = new Date(Date.now() - 3600_000);
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const abs = join(e.parentPath, e.name);
    if (!abs.includes('/target')) utimesSync(abs, t, t);
  }
}

/** A record that claims 999 nodes: seen in the output only when the cache answers. */
function poison(dir: string): void {
  const rec = JSON.parse(readFileSync(join(dir, CACHE), 'utf8')) as { summary: { nodes: number } };
  rec.summary.nodes = 999;
  writeFileSync(join(dir, CACHE), JSON.stringify(rec));
}

async function parseOutput(dir: string, args: string[] = []): Promise<string> {
  const r = await cli(dir, ['parse', ...args]);
  expect(r.code, r.output).toBe(0);
  return r.output;
}

/** Parse fully, then check the next parse is a hit (poisoned). */
async function primed(files: Record<string, string>, args: string[] = []): Promise<string> {
  const dir = writeProject(files);
  backdate(dir);
  expect(await parseOutput(dir, args)).toContain(`Parsed ${Object.keys(files).filter((f) => f.startsWith('models/') && f.endsWith('.sql')).length} nodes`);
  poison(dir);
  expect(await parseOutput(dir, args)).toContain('Parsed 999 nodes');
  return dir;
}

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'target', 'manifest.json'), 'utf8')) as { nodes: Record<string, { raw_code: string; schema: string; alias: string }> };

const MODELS = { 'models/a.sql': 'select 1 as x', 'models/b.sql': "select * from {{ ref('a') }}" };

describe('parse cache (nothing changed)', () => {
  it('answers an unchanged project from the record and leaves manifest.json as it was', async () => {
    const dir = await primed(MODELS);
    const before = statSync(join(dir, 'target', 'manifest.json')).mtimeMs;
    expect(await parseOutput(dir)).toContain('Parsed 999 nodes');
    expect(statSync(join(dir, 'target', 'manifest.json')).mtimeMs).toBe(before);
  });

  it('re-parses after a model is edited (same size) and the manifest shows the edit', async () => {
    const dir = await primed(MODELS);
    writeFiles(dir, { 'models/a.sql': 'select 2 as x' });
    expect(await parseOutput(dir)).toContain('Parsed 2 nodes');
    expect(manifest(dir).nodes['model.shop.a']!.raw_code).toBe('select 2 as x');
  });

  it('re-parses after a model is added, in a new sub-folder too, or deleted', async () => {
    const dir = await primed(MODELS);
    writeFiles(dir, { 'models/sub/c.sql': 'select 3 as x' });
    expect(await parseOutput(dir)).toContain('Parsed 3 nodes');
    backdate(dir);
    await parseOutput(dir);
    poison(dir);
    rmSync(join(dir, 'models', 'sub', 'c.sql'));
    expect(await parseOutput(dir)).toContain('Parsed 2 nodes');
  });

  it('re-parses after a property file, a macro or profiles.yml changes', async () => {
    const dir = await primed({ ...MODELS, 'macros/m.sql': '{% macro al() %}{{ return("first") }}{% endmacro %}', 'models/c.sql': "{{ config(alias=al()) }} select 1 as x" });
    writeFiles(dir, { 'models/schema.yml': 'version: 2\nmodels:\n  - name: a\n    columns:\n      - name: x\n        data_tests: [unique]\n' });
    expect(await parseOutput(dir)).toContain('Parsed 4 nodes');
    backdate(dir);
    await parseOutput(dir);
    poison(dir);
    writeFiles(dir, { 'macros/m.sql': '{% macro al() %}{{ return("second") }}{% endmacro %}' });
    expect(await parseOutput(dir)).toContain('Parsed 4 nodes');
    expect(manifest(dir).nodes['model.shop.c']!.alias).toBe('second');
    backdate(dir);
    await parseOutput(dir);
    poison(dir);
    writeFiles(dir, { 'profiles.yml': 'shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n      schema: other\n' });
    expect(await parseOutput(dir)).toContain('Parsed 4 nodes');
    expect(manifest(dir).nodes['model.shop.a']!.schema).toBe('other');
  });

  it('re-parses when --vars or an environment variable differ', async () => {
    const name = `TSDBT_PC_TEST_${process.pid}`;
    const dir = await primed({ 'models/a.sql': `{{ config(alias=var('v', 'dflt') ~ '_' ~ env_var('${name}', 'unset')) }} select 1 as x` });
    expect(await parseOutput(dir, ['--vars', '{v: other}'])).toContain('Parsed 1 nodes');
    expect(manifest(dir).nodes['model.shop.a']!.alias).toBe('other_unset');
    process.env[name] = 'set';
    try {
      expect(await parseOutput(dir, ['--vars', '{v: other}'])).toContain('Parsed 1 nodes');
      expect(manifest(dir).nodes['model.shop.a']!.alias).toBe('other_set');
    } finally {
      delete process.env[name];
    }
  });

  it('re-parses when manifest.json was removed or rewritten by another command', async () => {
    const dir = await primed(MODELS);
    rmSync(join(dir, 'target', 'manifest.json'));
    expect(await parseOutput(dir)).toContain('Parsed 2 nodes');
    expect(existsSync(join(dir, 'target', 'manifest.json'))).toBe(true);
    poison(dir);
    writeFileSync(join(dir, 'target', 'manifest.json'), '{}');
    expect(await parseOutput(dir)).toContain('Parsed 2 nodes');
    expect(Object.keys(manifest(dir).nodes)).toHaveLength(2);
  });

  it('re-parses after a change in an installed package', async () => {
    const pkg = { 'dbt_packages/util/dbt_project.yml': "name: util\nversion: '1.0'\nconfig-version: 2\n", 'dbt_packages/util/macros/u.sql': '{% macro u() %}{{ return("one") }}{% endmacro %}' };
    const dir = await primed({ ...MODELS, ...pkg, 'models/c.sql': "{{ config(alias=util.u()) }} select 1 as x" });
    writeFiles(dir, { 'dbt_packages/util/macros/u.sql': '{% macro u() %}{{ return("two") }}{% endmacro %}' });
    expect(await parseOutput(dir)).toContain('Parsed 3 nodes');
    expect(manifest(dir).nodes['model.shop.c']!.alias).toBe('two');
  });

  it('keeps no record after a parse that saw a file changed just before it, or that reads the time', async () => {
    const dir = writeProject(MODELS);
    await parseOutput(dir);
    expect(existsSync(join(dir, CACHE))).toBe(false);
    const volatile = writeProject({ 'models/a.sql': "select '{{ run_started_at }}' as t" });
    backdate(volatile);
    await parseOutput(volatile);
    expect(existsSync(join(volatile, CACHE))).toBe(false);
  });

  it('a parse through the API leaves a record the CLI uses', async () => {
    const dir = writeProject(MODELS);
    backdate(dir);
    parse({ projectDir: dir });
    poison(dir);
    expect(await parseOutput(dir)).toContain('Parsed 999 nodes');
  });
});
