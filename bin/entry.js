// Which compiled entry runs the CLI: the bundle (dist/bundle/tsdbt.mjs, one file, quick to load) when it
// was made from the current dist/ (it is newer than dist/cli/main.js), else dist/cli/main.js itself, so
// a `tsc` run without the bundling step (scripts/bundle.mjs) never runs stale code.
import { statSync } from 'node:fs';
import { join } from 'node:path';

/** The entry module's path inside a dist folder. */
export function entryFile(dist) {
  const bundle = join(dist, 'bundle', 'tsdbt.mjs');
  const modules = join(dist, 'cli', 'main.js');
  try {
    if (statSync(bundle).mtimeMs >= statSync(modules).mtimeMs) return bundle;
  } catch {
    // no bundle (or no dist at all: the import below says so)
  }
  return modules;
}
