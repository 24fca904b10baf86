// Chooses the profile and target from profiles.yml and turns the output into a TargetConfig,
// falling back to a local DuckDB file when a bare dbt project has no profiles.yml at all.
import path from 'node:path';
import { z } from 'zod';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { closest } from '../errors/suggest.js';
import { displayPath, findProfilesFile } from './profiles-file.js';
import type { ProfilesSearch } from './profiles-file.js';
import { outputToTarget } from './target-output.js';
import type { CliOverrides, ProjectConfig, TargetConfig } from './types.js';
import { isObj, parseShape } from './validate.js';
import { locate, readYamlFile } from './yaml-file.js';
import { renderYamlTree } from './yaml-jinja.js';

export interface LoadedTarget extends TargetConfig {
  /** set when no profiles.yml was found and the default DuckDB target is used (for `tsdbt debug`) */
  defaultReason?: string;
  /** folders searched for profiles.yml, in order */
  searched: ProfilesSearch['searched'];
}

const profileShape = z.object({
  target: z.string({ error: 'the name of one of the outputs' }).optional(),
  outputs: z.record(z.string(), z.record(z.string(), z.unknown(), { error: 'a mapping such as {type: duckdb, path: dev.duckdb}' }), {
    error: 'a mapping of target names to connection settings',
  }),
}, { error: 'a mapping with `target:` and `outputs:`' });

/**
 * The target to run against. `cli.profile` overrides project.profile, `cli.target` the profile's `target:`.
 * @example loadTarget(project, { target: 'ci' }).path  // '/abs/project/ci.duckdb'
 */
export function loadTarget(project: ProjectConfig, cli: CliOverrides, env: Record<string, string | undefined> = process.env): LoadedTarget {
  const search = findProfilesFile(project, cli, env);
  const profileName = cli.profile ?? project.profile;
  if (!search.file) return defaultTarget(project, cli, profileName, search);
  const inProject = search.file.startsWith(project.root + path.sep);
  const shown = inProject ? path.relative(project.root, search.file) : displayPath(search.file, env);
  const y = readYamlFile(search.file, shown);
  // dbt renders only the chosen profile's `target:` and then the chosen output: other profiles and
  // other outputs (a prod or cloud target) may use env vars that are not set here
  const ctx = { env, vars: cli.vars ?? {} };
  renderYamlTree(y, ctx, (p) => p[0] !== profileName || (p.length > 1 && p[1] !== 'target'));
  const chosen = cli.target ?? y.doc.getIn([profileName, 'target']);
  renderYamlTree(y, ctx, (p) => p[0] !== profileName || p[1] === 'target' ||
    (p[1] === 'outputs' && p.length > 2 && typeof chosen === 'string' && p[2] !== chosen));
  const all: unknown = y.doc.toJS();
  const profiles = isObj(all) ? all : {};
  const names = Object.keys(profiles).filter((k) => k !== 'config');
  const profile = profiles[profileName];
  if (profile === undefined || profileName === 'config') {
    const near = closest(profileName, names);
    throw new TsdbtError('C003', `profile \`${profileName}\` not found in ${shown}`, {
      location: { file: shown },
      hint: `${names.length ? `available profiles: ${names.join(', ')}` : 'the file defines no profiles'}` +
        `${near.length ? ` (did you mean \`${near[0]}\`?)` : ''}; set \`profile:\` in ${path.basename(project.file)} or pass --profile`,
    });
  }
  const p = parseShape(y, profileShape, profile, [profileName], `profile \`${profileName}\` in ${shown}`);
  const targetName = cli.target ?? p.target ?? 'default';
  const outputs = Object.keys(p.outputs);
  const output = p.outputs[targetName];
  if (!output) {
    const near = closest(targetName, outputs);
    throw new TsdbtError('C003', `target \`${targetName}\` not found in profile \`${profileName}\` of ${shown}`, {
      location: cli.target ? { file: shown } : locate(y, [profileName, 'target']),
      hint: `available targets: ${outputs.join(', ') || '(none)'}${near.length ? ` (did you mean \`${near[0]}\`?)` : ''}; choose one with --target`,
    });
  }
  const target = outputToTarget(y, output, [profileName, 'outputs', targetName], { project, cli, env, profileName, targetName });
  return { ...target, profilesFile: search.file, searched: search.searched };
}

function defaultTarget(project: ProjectConfig, cli: CliOverrides, profileName: string, search: ProfilesSearch): LoadedTarget {
  const file = path.join(project.root, `${project.name}.duckdb`);
  const looked = search.searched.map((s) => s.dir).join(', ');
  return {
    profileName,
    name: cli.target ?? 'dev',
    type: 'duckdb',
    path: file,
    database: project.name,
    schema: 'main',
    threads: cli.threads ?? 4,
    extensions: [],
    settings: {},
    raw: { type: 'duckdb', path: file, schema: 'main' },
    profilesFile: '',
    defaultReason: `no profiles.yml found (looked in ${looked}); using the default DuckDB target ${file}, schema main`,
    searched: search.searched,
  };
}
