// Loads project.yml (or an existing dbt project's dbt_project.yml) into a validated ProjectConfig.
import fs from 'node:fs';
import path from 'node:path';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { buildFolderTree } from './folder-config.js';
import { PROJECT_KEYS, PROJECT_NAME, projectSchema, skipProjectRender } from './project-schema.js';
import type { CliOverrides, FolderConfigTree, ProjectConfig, ProjectPaths, TargetConfig } from './types.js';
import type { z } from 'zod';
import { checkKeys, isObj, parseShape } from './validate.js';
import type { Obj } from './validate.js';
import { varsFor } from './vars.js';
import { locate, readYamlFile } from './yaml-file.js';
import type { YamlFile } from './yaml-file.js';
import { renderYamlTree } from './yaml-jinja.js';
import { targetContext } from './target-context.js';

type ProjectShape = z.infer<typeof projectSchema>;

export const PROJECT_FILES = ['project.yml', 'dbt_project.yml'] as const;

/** The project file of `dir`: project.yml first, then dbt_project.yml. */
export function findProjectFile(dir: string): string | undefined {
  for (const name of PROJECT_FILES) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/**
 * Read and validate the project file of `projectDir`. `target`, when known, is what
 * `{{ target.* }}` renders to (dbt renders the project file after choosing the profile).
 * @example loadProject('.', {}).paths.modelPaths  // ['models']
 */
export function loadProject(
  projectDir: string,
  cli: CliOverrides,
  env: Record<string, string | undefined> = process.env,
  target?: TargetConfig,
): ProjectConfig {
  const root = path.resolve(projectDir);
  const file = findProjectFile(root);
  if (!file) {
    throw new TsdbtError('C004', `no project.yml or dbt_project.yml in ${root}`, {
      location: { file: root },
      hint: 'run tsdbt from the project folder or point to it with --project-dir <path>',
    });
  }
  const y = readYamlFile(file, path.basename(file));
  const contents = y.doc.contents;
  const rawBefore: unknown = contents === null ? null : y.doc.toJS();
  if (!isObj(rawBefore)) {
    throw new TsdbtError('C002', `${y.file} must be a mapping of keys such as name, profile, models`, {
      location: locate(y, []),
      hint: 'start the file with `name: my_project`',
    });
  }
  const rawVars = isObj(rawBefore.vars) ? rawBefore.vars : {};
  const projectName = typeof rawBefore.name === 'string' ? rawBefore.name : '';
  const ctxVars = varsFor(rawVars, projectName, cli.vars ?? {});
  renderYamlTree(y, { env, vars: ctxVars, target: target ? targetContext(target) : undefined }, skipProjectRender);
  const raw = y.doc.toJS() as Obj;
  return buildProject(y, raw, root, file);
}

function buildProject(y: YamlFile, raw: Obj, root: string, file: string): ProjectConfig {
  checkKeys(y, raw, [], PROJECT_KEYS, y.file);
  if (raw.name === undefined || raw.name === null) {
    throw new TsdbtError('C002', `${y.file} is missing the required key \`name\``, {
      location: locate(y, []),
      hint: 'add `name: my_project` (letters, digits and underscores)',
    });
  }
  const p = parseShape(y, projectSchema, raw, [], y.file);
  if (!PROJECT_NAME.test(p.name)) {
    throw new TsdbtError('C002', `project name \`${p.name}\` is not a valid identifier`, {
      location: locate(y, ['name']),
      hint: `use letters, digits and underscores, e.g. \`${p.name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1')}\``,
    });
  }
  if (raw.tests !== undefined && raw.data_tests !== undefined) {
    throw new TsdbtError('C002', `${y.file} has both \`tests:\` and \`data_tests:\`; keep one`, {
      location: locate(y, ['tests']),
      hint: '`data_tests:` is the current name; move the configs under it',
    });
  }
  const tree = (key: string): FolderConfigTree => buildFolderTree(y, raw[key], [key], `\`${key}:\` of ${y.file}`);
  const hooks = (v: string | string[] | null | undefined): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
  return {
    name: p.name,
    version: p.version === undefined ? '' : String(p.version),
    configVersion: p['config-version'] ?? 2,
    profile: p.profile ?? p.name,
    root,
    file,
    paths: projectPaths(p),
    vars: p.vars ?? {},
    quoting: p.quoting ?? {},
    onRunStart: hooks(p['on-run-start']),
    onRunEnd: hooks(p['on-run-end']),
    dispatch: p.dispatch ?? [],
    models: tree('models'),
    seeds: tree('seeds'),
    snapshots: tree('snapshots'),
    tests: tree(raw.data_tests !== undefined ? 'data_tests' : 'tests'),
    sources: tree('sources'),
    raw,
  };
}

function projectPaths(p: ProjectShape): ProjectPaths {
  const modelPaths = p['model-paths'] ?? ['models'];
  const seedPaths = p['seed-paths'] ?? ['seeds'];
  const testPaths = p['test-paths'] ?? ['tests'];
  const macroPaths = p['macro-paths'] ?? ['macros'];
  const snapshotPaths = p['snapshot-paths'] ?? ['snapshots'];
  const analysisPaths = p['analysis-paths'] ?? ['analyses'];
  const targetPath = p['target-path'] ?? 'target';
  return {
    modelPaths, seedPaths, testPaths, macroPaths, snapshotPaths, analysisPaths,
    // dbt looks for docs blocks in every resource folder unless docs-paths says otherwise
    docsPaths: p['docs-paths'] ?? [...new Set([...modelPaths, ...seedPaths, ...testPaths, ...analysisPaths, ...macroPaths, ...snapshotPaths])],
    targetPath,
    logPath: p['log-path'] ?? 'logs',
    packagesInstallPath: p['packages-install-path'] ?? 'dbt_packages',
    cleanTargets: p['clean-targets'] ?? [targetPath],
  };
}
