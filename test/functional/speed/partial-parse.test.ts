// Partial parsing never serves a stale node: each kind of change (model, macro used by a model, YAML,
// var, env var read by a model, tsdbt version) is picked up on the next parse, and unchanged files are
// really served from target/partial_parse.json (a poisoned entry shows through, so the tests can fail).
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/index.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { PartialParse } from '../../../src/parser/partial-parse.js';
import { writeFiles, writeProject } from '../../helpers/project.js';

const node = (dir: string, name: string, o: { vars?: Record<string, unknown> } = {}) => {
  const p = parse({ projectDir: dir, vars: o.vars });
  const n = p.manifest.nodes[`model.shop.${name}`];
  if (!n) throw new Error(`no model ${name}`);
  return n;
};
const cacheFile = (dir: string) => join(dir, 'target', 'partial_parse.json');
const stored = (dir: string) => JSON.parse(readFileSync(cacheFile(dir), 'utf8')) as { files: Record<string, { config: Record<string, unknown>; refs: { name: string }[] }> };

describe('partial parsing', () => {
  it('serves unchanged files from the cache (a poisoned entry shows through)', () => {
    const dir = writeProject({ 'models/a.sql': "{{ config(alias='real') }} select 1 as x" });
    expect(node(dir, 'a').alias).toBe('real');
    const data = stored(dir);
    data.files['models/a.sql']!.config.alias = 'poisoned';
    writeFileSync(cacheFile(dir), JSON.stringify(data));
    expect(node(dir, 'a').alias).toBe('poisoned');
    // touching the file re-renders it
    writeFiles(dir, { 'models/a.sql': "{{ config(alias='real') }} select 1 as x -- edited" });
    expect(node(dir, 'a').alias).toBe('real');
  });

  it('picks up a changed model', () => {
    const dir = writeProject({ 'models/a.sql': 'select 1 as x', 'models/b.sql': "select * from {{ ref('a') }}", 'models/c.sql': 'select 2 as y' });
    expect(node(dir, 'b').depends_on.nodes).toEqual(['model.shop.a']);
    writeFiles(dir, { 'models/b.sql': "select * from {{ ref('c') }}" });
    expect(node(dir, 'b').depends_on.nodes).toEqual(['model.shop.c']);
  });

  it('re-renders a model when a macro it uses changes (directly or through another macro)', () => {
    const dir = writeProject({
      'macros/names.sql': "{% macro inner_alias() %}first{% endmacro %}\n{% macro my_alias() %}{{ return(inner_alias() ~ '_x') }}{% endmacro %}",
      'models/a.sql': "{{ config(alias=my_alias()) }} select 1 as x",
      'models/other.sql': "{{ config(alias='other_alias') }} select 1 as x",
    });
    expect(node(dir, 'a').alias).toBe('first_x');
    writeFiles(dir, { 'macros/names.sql': "{% macro inner_alias() %}second{% endmacro %}\n{% macro my_alias() %}{{ return(inner_alias() ~ '_x') }}{% endmacro %}" });
    expect(node(dir, 'a').alias).toBe('second_x');
    expect(node(dir, 'other').alias).toBe('other_alias');
  });

  it('picks up a changed property YAML file', () => {
    const dir = writeProject({
      'models/a.sql': "{{ config(alias='t_' ~ config.get('materialized')) }} select 1 as x",
      'models/schema.yml': 'version: 2\nmodels:\n  - name: a\n    config:\n      materialized: view\n',
    });
    expect(node(dir, 'a').alias).toBe('t_view');
    writeFiles(dir, { 'models/schema.yml': 'version: 2\nmodels:\n  - name: a\n    config:\n      materialized: table\n' });
    expect(node(dir, 'a').alias).toBe('t_table');
  });

  it('picks up a changed var', () => {
    const dir = writeProject({ 'models/a.sql': "{{ config(alias=var('which', 'dflt')) }} select 1 as x" });
    expect(node(dir, 'a').alias).toBe('dflt');
    expect(node(dir, 'a', { vars: { which: 'from_cli' } }).alias).toBe('from_cli');
    expect(node(dir, 'a').alias).toBe('dflt');
  });

  it('picks up a changed env var that a model reads', () => {
    const name = `TSDBT_PP_TEST_${process.pid}`;
    const dir = writeProject({ 'models/a.sql': `{{ config(alias=env_var('${name}', 'unset')) }} select 1 as x`, 'models/b.sql': "{{ config(alias='b2') }} select 1 as x" });
    try {
      expect(node(dir, 'a').alias).toBe('unset');
      process.env[name] = 'one';
      expect(node(dir, 'a').alias).toBe('one');
      process.env[name] = 'two';
      const p = parse({ projectDir: dir });
      expect(p.manifest.nodes['model.shop.a']?.alias).toBe('two');
      // the project-wide record of env vars read still lists the one read by a cached node
      expect(parse({ projectDir: dir }).envRead.get(name)).toBe('two');
    } finally {
      delete process.env[name];
    }
  });

  it('ignores a cache written by another tsdbt version', () => {
    const dir = writeProject({ 'models/a.sql': 'select 1 as x' });
    const config = loadConfig({ projectDir: dir });
    const file = cacheFile(dir);
    const make = (version: string) => new PartialParse({ file, config, macros: {}, envRead: new Map(), version });
    const old = make('0.0.1');
    const key = old.keyFor('select 1', []);
    old.store('models/a.sql', key, { refs: [{ name: 'stale', package: null, version: null }], sources: [], config: {}, env: {} });
    old.save();
    expect(make('0.0.1').lookup('models/a.sql', key)?.refs[0]?.name).toBe('stale');
    const next = make('0.0.2');
    expect(next.lookup('models/a.sql', next.keyFor('select 1', []))).toBeUndefined();
  });

  it('rewrites partial_parse.json only when a render changed or a file went away', () => {
    const dir = writeProject({ 'models/a.sql': 'select 1 as x', 'models/b.sql': "select * from {{ ref('a') }}" });
    node(dir, 'a');
    const written = () => statSync(cacheFile(dir)).mtimeMs;
    const first = written();
    // the same file, back-dated: a parse that rewrote it would move its mtime forward
    utimesSync(cacheFile(dir), new Date(first - 60_000), new Date(first - 60_000));
    const old = written();
    expect(node(dir, 'b').refs).toEqual([{ name: 'a', package: null, version: null }]);
    expect(written()).toBe(old);
    writeFiles(dir, { 'models/b.sql': "select x + 1 as y from {{ ref('a') }}" });
    node(dir, 'b');
    expect(written()).toBeGreaterThan(old);
    utimesSync(cacheFile(dir), new Date(first - 60_000), new Date(first - 60_000));
    rmSync(join(dir, 'models/b.sql'));
    node(dir, 'a');
    expect(written()).toBeGreaterThan(old);
    expect(Object.keys(stored(dir).files)).toEqual(['models/a.sql']);
  });
});
