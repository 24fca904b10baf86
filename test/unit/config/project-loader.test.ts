import { describe, expect, test } from 'vitest';
import path from 'node:path';
import { loadProject } from '../../../src/config/project-loader.js';
import { catchError, writeProject } from './fixture.js';

const FULL = `
name: shop
version: '1.2.0'
config-version: 2
profile: warehouse
model-paths: [transform]
seed-paths: [data]
test-paths: [checks]
macro-paths: [jinja]
snapshot-paths: [snaps]
analysis-paths: [adhoc]
docs-paths: [docs]
target-path: build
log-path: log
packages-install-path: deps
clean-targets: [build, deps]
require-dbt-version: ">=1.7.0"
flags:
  send_anonymous_usage_stats: false
query-comment: "{{ node.name }}"
vars:
  start_date: '2020-01-01'
quoting:
  identifier: false
on-run-start: "create schema if not exists {{ target.schema }}_audit"
on-run-end:
  - "select 1"
  - "select {{ 2 }}"
dispatch:
  - macro_namespace: dbt_utils
    search_order: [shop, dbt_utils]
models:
  shop:
    +materialized: table
seeds:
  +schema: raw
snapshots:
  shop:
    +target_schema: snapshots
data_tests:
  +severity: warn
sources:
  shop:
    +enabled: true
`;

describe('loadProject', () => {
  test('reads every project key', () => {
    const root = writeProject({ 'project.yml': FULL });
    const p = loadProject(root, {}, {});
    expect(p.name).toBe('shop');
    expect(p.version).toBe('1.2.0');
    expect(p.configVersion).toBe(2);
    expect(p.profile).toBe('warehouse');
    expect(p.root).toBe(root);
    expect(p.file).toBe(path.join(root, 'project.yml'));
    expect(p.paths).toEqual({
      modelPaths: ['transform'], seedPaths: ['data'], testPaths: ['checks'], macroPaths: ['jinja'],
      snapshotPaths: ['snaps'], analysisPaths: ['adhoc'], docsPaths: ['docs'], targetPath: 'build', logPath: 'log',
      packagesInstallPath: 'deps', cleanTargets: ['build', 'deps'],
    });
    expect(p.vars).toEqual({ start_date: '2020-01-01' });
    expect(p.quoting).toEqual({ identifier: false });
    // hooks are rendered at run time, so they stay raw
    expect(p.onRunStart).toEqual(['create schema if not exists {{ target.schema }}_audit']);
    expect(p.onRunEnd).toEqual(['select 1', 'select {{ 2 }}']);
    expect(p.raw['query-comment']).toBe('{{ node.name }}');
    expect(p.dispatch).toEqual([{ macro_namespace: 'dbt_utils', search_order: ['shop', 'dbt_utils'] }]);
    expect(p.models.children.shop?.config).toEqual({ materialized: 'table' });
    expect(p.seeds.config).toEqual({ schema: 'raw' });
    expect(p.snapshots.children.shop?.config).toEqual({ target_schema: 'snapshots' });
    expect(p.tests.config).toEqual({ severity: 'warn' });
    expect(p.sources.children.shop?.config).toEqual({ enabled: true });
  });

  test('defaults for a minimal dbt_project.yml', () => {
    const root = writeProject({ 'dbt_project.yml': 'name: jaffle\n' });
    const p = loadProject(root, {}, {});
    expect(p.file).toBe(path.join(root, 'dbt_project.yml'));
    expect(p.profile).toBe('jaffle');
    expect(p.paths.modelPaths).toEqual(['models']);
    expect(p.paths.seedPaths).toEqual(['seeds']);
    expect(p.paths.testPaths).toEqual(['tests']);
    expect(p.paths.macroPaths).toEqual(['macros']);
    expect(p.paths.snapshotPaths).toEqual(['snapshots']);
    expect(p.paths.analysisPaths).toEqual(['analyses']);
    expect(p.paths.targetPath).toBe('target');
    expect(p.paths.logPath).toBe('logs');
    expect(p.paths.packagesInstallPath).toBe('dbt_packages');
    expect(p.paths.docsPaths).toContain('models');
    expect(p.onRunStart).toEqual([]);
    expect(p.vars).toEqual({});
  });

  test('project.yml wins over dbt_project.yml', () => {
    const root = writeProject({ 'project.yml': 'name: mine\n', 'dbt_project.yml': 'name: theirs\n' });
    expect(loadProject(root, {}, {}).name).toBe('mine');
  });

  test('missing project file is C004 with a --project-dir hint', () => {
    const root = writeProject({});
    const { err, text } = catchError(() => loadProject(root, {}, {}));
    expect(err.code).toBe('C004');
    expect(err.message).toBe(`no project.yml or dbt_project.yml in ${root}`);
    expect(text).toContain('--project-dir');
  });

  test('unknown top-level key names file:line:col and suggests the right key', () => {
    const root = writeProject({ 'dbt_project.yml': 'name: shop\n\nmodle-paths: [x]\n' });
    const { err, text } = catchError(() => loadProject(root, {}, {}));
    expect(err.code).toBe('C002');
    expect(text).toContain('dbt_project.yml:3:1: error[C002]: unknown key `modle-paths` in dbt_project.yml');
    expect(text).toContain('did you mean `model-paths`');
  });

  test('wrong type names the value position and the expected type', () => {
    const root = writeProject({ 'project.yml': 'name: shop\nmodel-paths: models\n' });
    const { err, text } = catchError(() => loadProject(root, {}, {}));
    expect(err.code).toBe('C002');
    expect(text).toContain('project.yml:2:14');
    expect(err.message).toContain('`model-paths` must be a list of strings, got the string "models"');
  });

  test('wrong type of a config in a folder tree', () => {
    const root = writeProject({ 'project.yml': 'name: shop\nmodels:\n  shop:\n    +enabled: "no"\n' });
    const { err, text } = catchError(() => loadProject(root, {}, {}));
    expect(text).toContain('project.yml:4:15');
    expect(err.message).toContain('must be true or false');
  });

  test('missing name, bad name, both tests and data_tests, bad config-version', () => {
    let r = catchError(() => loadProject(writeProject({ 'project.yml': 'profile: x\n' }), {}, {}));
    expect(r.err.message).toContain('missing the required key `name`');
    r = catchError(() => loadProject(writeProject({ 'project.yml': 'name: my-shop\n' }), {}, {}));
    expect(r.err.message).toContain('project name `my-shop` is not a valid identifier');
    expect(r.text).toContain('my_shop');
    r = catchError(() => loadProject(writeProject({ 'project.yml': 'name: s\ntests:\n  +severity: warn\ndata_tests:\n  +severity: warn\n' }), {}, {}));
    expect(r.text).toContain('project.yml:2:1');
    expect(r.err.message).toContain('both `tests:` and `data_tests:`');
    r = catchError(() => loadProject(writeProject({ 'project.yml': 'name: s\nconfig-version: 1\n' }), {}, {}));
    expect(r.err.message).toContain('`config-version` must be 2');
  });

  test('invalid YAML is C001 at the failing line', () => {
    const root = writeProject({ 'project.yml': 'name: shop\nmodels:\n  shop:\n   - a\n  b: [\n' });
    const { err, text } = catchError(() => loadProject(root, {}, {}));
    expect(err.code).toBe('C001');
    expect(text).toMatch(/^project\.yml:\d+:\d+: error\[C001\]: invalid YAML in project\.yml/);
  });
});
