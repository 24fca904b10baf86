// Where the benchmark loads tsdbt from: TSDBT_BENCH_DIST (a private snapshot of dist/ taken by run.js,
// so a rebuild of dist/ by someone else mid-benchmark changes nothing), else the repo's dist/.
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { entryFile } from '../bin/entry.js';

export const base = process.env.TSDBT_BENCH_DIST ?? join(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist');

/** file URL of a module of the compiled tsdbt, e.g. dist('cli/main.js') */
export const dist = (module) => pathToFileURL(join(base, module)).href;

/** file URL of the CLI entry `tsdbt` runs: the bundle when it is current (bin/entry.js) */
export const cliEntry = () => pathToFileURL(entryFile(base)).href;
