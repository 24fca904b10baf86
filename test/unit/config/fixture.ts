// Writes small projects to a temp folder for the config tests.
import fs from 'node:fs';
import path from 'node:path';
import { TsdbtError, formatError } from '../../../src/errors/tsdbt-error.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** Create a temp folder holding `files` (relative path -> content) and return its path. */
export function writeProject(files: Record<string, string>): string {
  const root = tempDir('tsdbt-config-');
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  return root;
}

/** Run `fn`, expect a TsdbtError, and return it with its formatted text. */
export function catchError(fn: () => unknown): { err: TsdbtError; text: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof TsdbtError) return { err: e, text: formatError(e) };
    throw e;
  }
  throw new Error('expected a TsdbtError, but nothing was thrown');
}

/** An environment with no profiles dirs and an empty home, so the real ~/.dbt is never read. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const home = tempDir('tsdbt-home-');
  return { HOME: home, ...extra };
}
