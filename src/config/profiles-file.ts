// Finds profiles.yml the way dbt does (flag, env vars, project folder, home folder) and reports
// every folder it looked in, so `tsdbt debug` can show the search.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TsdbtError } from '../errors/tsdbt-error.js';
import type { CliOverrides, ProjectConfig } from './types.js';

export interface ProfilesSearch {
  /** absolute path of the profiles.yml found, if any */
  file?: string;
  /** folders looked in, in order, with why each was tried */
  searched: { dir: string; from: string }[];
}

export function homeDir(env: Record<string, string | undefined>): string {
  return env.HOME || env.USERPROFILE || os.homedir();
}

/**
 * Order: --profiles-dir, TSDBT_PROFILES_DIR, DBT_PROFILES_DIR, the project folder, ~/.tsdbt, ~/.dbt.
 * A folder named explicitly (flag or env var) must contain profiles.yml.
 */
export function findProfilesFile(project: ProjectConfig, cli: CliOverrides, env: Record<string, string | undefined>): ProfilesSearch {
  const searched: ProfilesSearch['searched'] = [];
  const explicit: [string | undefined, string][] = [
    [cli.profilesDir, '--profiles-dir'],
    [env.TSDBT_PROFILES_DIR, 'TSDBT_PROFILES_DIR'],
    [env.DBT_PROFILES_DIR, 'DBT_PROFILES_DIR'],
  ];
  for (const [dir, from] of explicit) {
    if (!dir) continue;
    const abs = path.resolve(expandHome(dir, env));
    searched.push({ dir: abs, from });
    const file = path.join(abs, 'profiles.yml');
    if (fs.existsSync(file)) return { file, searched };
    throw new TsdbtError('C003', `no profiles.yml in ${abs} (the folder given by ${from})`, {
      location: { file },
      hint: `create ${file}, or point ${from} to the folder that holds profiles.yml`,
    });
  }
  const home = homeDir(env);
  const implicit: [string, string][] = [
    [project.root, 'the project folder'],
    [path.join(home, '.tsdbt'), 'the home folder'],
    [path.join(home, '.dbt'), 'the home folder (dbt)'],
  ];
  for (const [dir, from] of implicit) {
    searched.push({ dir, from });
    const file = path.join(dir, 'profiles.yml');
    if (fs.existsSync(file)) return { file, searched };
  }
  return { searched };
}

export function expandHome(p: string, env: Record<string, string | undefined>): string {
  return p === '~' || p.startsWith('~/') ? path.join(homeDir(env), p.slice(1)) : p;
}

/** How a path in profiles.yml is shown in messages: `~/.dbt/profiles.yml` rather than the full home path. */
export function displayPath(file: string, env: Record<string, string | undefined>): string {
  const home = homeDir(env);
  return file.startsWith(home + path.sep) ? '~' + file.slice(home.length) : file;
}
