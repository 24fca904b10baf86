import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { loadProject } from '../../../src/config/project-loader.js';
import { loadTarget } from '../../../src/config/target-loader.js';
import { catchError, cleanEnv, writeProject } from './fixture.js';

const profile = (pathValue: string, extra = ''): string =>
  `shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: ${pathValue}\n${extra}`;

function setup(files: Record<string, string>) {
  const root = writeProject({ 'project.yml': 'name: shop\n', ...files });
  return { root, project: loadProject(root, {}, {}) };
}

describe('profiles.yml search order', () => {
  test('--profiles-dir, then TSDBT_PROFILES_DIR, then DBT_PROFILES_DIR, then the project, then ~/.tsdbt, then ~/.dbt', () => {
    const { root, project } = setup({
      'p_cli/profiles.yml': profile('cli.duckdb'),
      'p_tsdbt/profiles.yml': profile('tsdbt.duckdb'),
      'p_dbt/profiles.yml': profile('dbt.duckdb'),
      'profiles.yml': profile('project.duckdb'),
    });
    const env = cleanEnv({ TSDBT_PROFILES_DIR: path.join(root, 'p_tsdbt'), DBT_PROFILES_DIR: path.join(root, 'p_dbt') });
    const home = env.HOME!;
    fs.mkdirSync(path.join(home, '.tsdbt'));
    fs.mkdirSync(path.join(home, '.dbt'));
    fs.writeFileSync(path.join(home, '.tsdbt/profiles.yml'), profile('home_tsdbt.duckdb'));
    fs.writeFileSync(path.join(home, '.dbt/profiles.yml'), profile('home_dbt.duckdb'));
    const db = (cli: { profilesDir?: string }, e: Record<string, string | undefined>) => path.basename(loadTarget(project, cli, e).path);
    expect(db({ profilesDir: path.join(root, 'p_cli') }, env)).toBe('cli.duckdb');
    expect(db({}, env)).toBe('tsdbt.duckdb');
    expect(db({}, { ...env, TSDBT_PROFILES_DIR: undefined })).toBe('dbt.duckdb');
    expect(db({}, { HOME: home })).toBe('project.duckdb');
    fs.rmSync(path.join(root, 'profiles.yml'));
    expect(db({}, { HOME: home })).toBe('home_tsdbt.duckdb');
    fs.rmSync(path.join(home, '.tsdbt/profiles.yml'));
    expect(db({}, { HOME: home })).toBe('home_dbt.duckdb');
  });

  test('a folder named by --profiles-dir without profiles.yml is C003', () => {
    const { root, project } = setup({ 'profiles.yml': profile('x.duckdb') });
    const { err, text } = catchError(() => loadTarget(project, { profilesDir: path.join(root, 'nope') }, cleanEnv()));
    expect(err.code).toBe('C003');
    expect(text).toContain(`no profiles.yml in ${path.join(root, 'nope')} (the folder given by --profiles-dir)`);
  });

  test('no profiles.yml anywhere: default DuckDB target, and says so', () => {
    const { root, project } = setup({});
    const t = loadTarget(project, {}, cleanEnv());
    expect(t.path).toBe(path.join(root, 'shop.duckdb'));
    expect(t.database).toBe('shop');
    expect(t.schema).toBe('main');
    expect(t.threads).toBe(4);
    expect(t.defaultReason).toContain('no profiles.yml found');
    expect(t.searched.map((s) => s.dir)).toContain(root);
  });
});

describe('target resolution', () => {
  test('every output key, path relative to the project', () => {
    const { root, project } = setup({
      'profiles.yml': profile('data/dev.duckdb', '      schema: analytics\n      threads: 8\n      extensions: [httpfs, {name: spatial}]\n      settings:\n        memory_limit: 1GB\n        threads: 2\n        preserve_insertion_order: false\n'),
    });
    const t = loadTarget(project, {}, cleanEnv());
    expect(t).toMatchObject({
      profileName: 'shop', name: 'dev', type: 'duckdb', path: path.join(root, 'data/dev.duckdb'), database: 'dev',
      schema: 'analytics', threads: 8, extensions: ['httpfs', 'spatial'],
      settings: { memory_limit: '1GB', threads: 2, preserve_insertion_order: false },
      profilesFile: path.join(root, 'profiles.yml'),
    });
    expect(t.raw.path).toBe('data/dev.duckdb');
    expect(t.defaultReason).toBeUndefined();
  });

  test(':memory:, missing path and cli threads', () => {
    const mem = setup({ 'profiles.yml': profile("':memory:'") });
    expect(loadTarget(mem.project, { threads: 2 }, cleanEnv())).toMatchObject({ path: ':memory:', database: 'memory', threads: 2 });
    const none = setup({ 'profiles.yml': 'shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n' });
    expect(loadTarget(none.project, {}, cleanEnv()).path).toBe(path.join(none.root, 'tsdbt.duckdb'));
  });

  test('--target and --profile override, env_var renders, threads from an env var string', () => {
    const { project } = setup({
      'profiles.yml': profile('dev.duckdb') + "    ci:\n      type: duckdb\n      path: \"{{ env_var('CI_DB') }}\"\n      threads: \"{{ env_var('CI_THREADS') }}\"\n" +
        'other:\n  target: main\n  outputs:\n    main:\n      type: duckdb\n      path: other.duckdb\n',
    });
    const t = loadTarget(project, { target: 'ci' }, cleanEnv({ CI_DB: 'ci_run.duckdb', CI_THREADS: '6' }));
    expect(t.name).toBe('ci');
    expect(path.basename(t.path)).toBe('ci_run.duckdb');
    expect(t.threads).toBe(6);
    expect(loadTarget(project, { profile: 'other' }, cleanEnv()).profileName).toBe('other');
  });

  test('profiles other than the chosen one are not rendered', () => {
    const { project } = setup({ 'profiles.yml': profile('dev.duckdb') + "unused:\n  outputs:\n    x:\n      type: duckdb\n      path: \"{{ env_var('NOT_SET') }}\"\n" });
    expect(loadTarget(project, {}, cleanEnv()).name).toBe('dev');
  });

  test('missing profile: C003 naming profiles.yml and the available profiles', () => {
    const { project } = setup({ 'profiles.yml': 'shp:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n' });
    const { err, text } = catchError(() => loadTarget(project, {}, cleanEnv()));
    expect(err.code).toBe('C003');
    expect(err.message).toBe('profile `shop` not found in profiles.yml');
    expect(text).toContain('available profiles: shp');
    expect(text).toContain('did you mean `shp`');
    expect(text).toContain('--profile');
  });

  test('missing target: C003 with the available targets', () => {
    const { project } = setup({ 'profiles.yml': profile('dev.duckdb') });
    const { err, text } = catchError(() => loadTarget(project, { target: 'prod' }, cleanEnv()));
    expect(err.code).toBe('C003');
    expect(err.message).toBe('target `prod` not found in profile `shop` of profiles.yml');
    expect(text).toContain('available targets: dev');
    expect(text).toContain('--target');
  });

  test('another adapter type is C003 naming the type', () => {
    const { project } = setup({ 'profiles.yml': 'shop:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      host: localhost\n' });
    const { err, text } = catchError(() => loadTarget(project, {}, cleanEnv()));
    expect(err.code).toBe('C003');
    expect(err.message).toContain('adapter type `postgres` is not supported');
    expect(text).toContain('profiles.yml:5:13');
  });

  test('typo in an output key, bad threads, database not matching the file', () => {
    let r = catchError(() => loadTarget(setup({ 'profiles.yml': profile('a.duckdb', '      theads: 4\n') }).project, {}, cleanEnv()));
    expect(r.text).toContain('profiles.yml:7:7: error[C002]: unknown key `theads`');
    expect(r.text).toContain('did you mean `threads`');
    r = catchError(() => loadTarget(setup({ 'profiles.yml': profile('a.duckdb', '      threads: 0\n') }).project, {}, cleanEnv()));
    expect(r.text).toContain('profiles.yml:7:16');
    expect(r.err.message).toContain('`shop.outputs.dev.threads` must be a whole number of at least 1');
    r = catchError(() => loadTarget(setup({ 'profiles.yml': profile('a.duckdb', '      database: b\n') }).project, {}, cleanEnv()));
    expect(r.err.message).toContain('does not match the file name of `path` (a)');
  });

  test('missing env var in the chosen profile: C002 naming the file and the var', () => {
    const { project } = setup({ 'profiles.yml': profile("\"{{ env_var('DB_PATH') }}\"") });
    const { err, text } = catchError(() => loadTarget(project, {}, cleanEnv()));
    expect(err.code).toBe('C002');
    expect(err.message).toBe('env var `DB_PATH` is not set and has no default (used in profiles.yml)');
    expect(text).toContain('profiles.yml:6:13');
  });
});
