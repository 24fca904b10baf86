// One call that loads project, target and vars the way every command needs them.
import fs from 'node:fs';
import { loadProject } from './project-loader.js';
import { loadTarget } from './target-loader.js';
import type { LoadedTarget } from './target-loader.js';
import type { CliOverrides, ProjectConfig, ResolvedConfig } from './types.js';
import { varsFor } from './vars.js';

// `{{ target.name }}`, `{% if target.name == 'prod' %}`: Jinja that reads the target
const MENTIONS_TARGET = /\{[{%][^}]*\btarget\b/;

export interface LoadedConfig extends ResolvedConfig {
  target: LoadedTarget;
}

/**
 * Project file + profiles.yml + `--vars`. The project file is read twice only when it mentions
 * `target` (dbt renders it after the profile is chosen, but the profile name comes from it).
 * @example const { project, target, vars } = loadConfig({ projectDir: '.', target: 'ci' });
 */
export function loadConfig(cli: CliOverrides, env: Record<string, string | undefined> = process.env): LoadedConfig {
  const dir = cli.projectDir ?? process.cwd();
  let project: ProjectConfig = loadProject(dir, cli, env);
  const target = loadTarget(project, cli, env);
  if (MENTIONS_TARGET.test(fs.readFileSync(project.file, 'utf8'))) project = loadProject(dir, cli, env, target);
  return { project, target, cli, vars: varsFor(project.vars, project.name, cli.vars ?? {}) };
}
