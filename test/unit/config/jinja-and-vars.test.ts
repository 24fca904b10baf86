import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { loadProject } from '../../../src/config/project-loader.js';
import { secretValues } from '../../../src/config/yaml-jinja.js';
import { varsFor } from '../../../src/config/vars.js';
import { catchError, cleanEnv, writeProject } from './fixture.js';

const PROFILES = 'shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: dev.duckdb\n      schema: analytics\n    prod:\n      type: duckdb\n      path: prod.duckdb\n';

describe('Jinja in project.yml', () => {
  test('env_var with and without default, var with default, native filters', () => {
    const root = writeProject({
      'project.yml': [
        'name: shop',
        "profile: \"{{ env_var('PROFILE_NAME') }}\"",
        "target-path: \"{{ env_var('NOPE', 'out') }}\"",
        'models:',
        '  shop:',
        "    +schema: \"{{ var('schema_name', 'marts') }}\"",
        "    +enabled: \"{{ env_var('ENABLED') | as_bool }}\"",
        "    +batch: \"{{ env_var('BATCH') | as_number }}\"",
        "    +post-hook: \"grant select on {{ this }} to {{ env_var('NOT_SET_BUT_RAW') }}\"",
        '',
      ].join('\n'),
    });
    const p = loadProject(root, {}, { PROFILE_NAME: 'wh', ENABLED: 'false', BATCH: '500' });
    expect(p.profile).toBe('wh');
    expect(p.paths.targetPath).toBe('out');
    expect(p.models.children.shop?.config).toEqual({
      schema: 'marts', enabled: false, batch: 500,
      post_hook: ["grant select on {{ this }} to {{ env_var('NOT_SET_BUT_RAW') }}"],
    });
    expect(loadProject(root, { vars: { schema_name: 'x' } }, { PROFILE_NAME: 'wh', ENABLED: 'true', BATCH: '1' }).models.children.shop?.config.schema).toBe('x');
  });

  test('a missing env var is C002 naming the file, the line and the var', () => {
    const root = writeProject({ 'project.yml': "name: shop\nvars:\n  key: \"{{ env_var('API_KEY') }}\"\n" });
    const { err, text } = catchError(() => loadProject(root, {}, {}));
    expect(err.code).toBe('C002');
    expect(text).toContain('project.yml:3:8: error[C002]: env var `API_KEY` is not set and has no default (used in project.yml)');
    expect(text).toContain("env_var('NAME', 'default')");
  });

  test('a required var that is not defined is C002', () => {
    const root = writeProject({ 'project.yml': "name: shop\nmodels:\n  +schema: \"{{ var('s') }}\"\n" });
    const { err } = catchError(() => loadProject(root, {}, {}));
    expect(err.message).toBe('required var `s` is not defined (used in project.yml)');
  });

  test('invalid Jinja syntax is C002 at the value', () => {
    const root = writeProject({ 'project.yml': "name: shop\nmodels:\n  +schema: \"{{ var('s' }}\"\n" });
    const { err, text } = catchError(() => loadProject(root, {}, {}));
    expect(err.code).toBe('C002');
    expect(text).toContain('project.yml:3:12');
  });

  test('values of *_ENV_SECRET_* variables are usable and recorded for masking', () => {
    const root = writeProject({
      'project.yml': "name: shop\nvars:\n  token: \"{{ env_var('DBT_ENV_SECRET_TOKEN') }}\"\n  key: \"{{ env_var('TSDBT_ENV_SECRET_KEY') }}\"\n  plain: \"{{ env_var('PLAIN') }}\"\n",
    });
    const p = loadProject(root, {}, { DBT_ENV_SECRET_TOKEN: 's3cr3t-token', TSDBT_ENV_SECRET_KEY: 'k3y-value', PLAIN: 'visible' });
    expect(p.vars).toEqual({ token: 's3cr3t-token', key: 'k3y-value', plain: 'visible' });
    expect(secretValues().has('s3cr3t-token')).toBe(true);
    expect(secretValues().has('k3y-value')).toBe(true);
    expect(secretValues().has('visible')).toBe(false);
  });

  test('target.* renders once the profile is chosen (loadConfig)', () => {
    const root = writeProject({
      'project.yml': "name: shop\nmodels:\n  shop:\n    +schema: \"{{ 'prod_marts' if target.name == 'prod' else target.schema ~ '_dev' }}\"\n",
      'profiles.yml': PROFILES,
    });
    expect(loadConfig({ projectDir: root }, cleanEnv()).project.models.children.shop?.config.schema).toBe('analytics_dev');
    expect(loadConfig({ projectDir: root, target: 'prod' }, cleanEnv()).project.models.children.shop?.config.schema).toBe('prod_marts');
  });
});

describe('vars', () => {
  test('project vars merged with --vars, scoped by package, --vars wins', () => {
    const root = writeProject({
      'project.yml': 'name: shop\nvars:\n  a: 1\n  b: 2\n  c: {nested: true}\n  shop:\n    b: 20\n    d: 4\n  other_pkg:\n    e: 5\n',
      'profiles.yml': PROFILES,
    });
    const c = loadConfig({ projectDir: root, vars: { d: 40 } }, cleanEnv());
    expect(c.vars).toEqual({ a: 1, b: 20, c: { nested: true }, d: 40, other_pkg: { e: 5 } });
    expect(c.project.vars.shop).toEqual({ b: 20, d: 4 });
    expect(varsFor(c.project.vars, 'other_pkg', {}, ['shop', 'other_pkg'])).toEqual({ a: 1, b: 2, c: { nested: true }, e: 5 });
  });

  test('project vars can use env_var and --vars', () => {
    const root = writeProject({ 'project.yml': "name: shop\nvars:\n  start: \"{{ env_var('START', '2020-01-01') }}\"\n  end: \"{{ var('cli_end', 'none') }}\"\n" });
    expect(loadProject(root, { vars: { cli_end: '2021' } }, { START: '2019' }).vars).toEqual({ start: '2019', end: '2021' });
  });
});
