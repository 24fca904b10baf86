// The `tsdbt` command runs the bundle scripts/bundle.mjs makes (dist/bundle/tsdbt.mjs) when it is current:
// the bundle must do what the unbundled modules do (build tables, report mistakes, docs), and a dist/
// recompiled without the bundling step must fall back to the modules rather than run stale code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { cleanupCli, ensureCli } from './cli-process.js';
import { queryDb, writeProject } from '../helpers/project.js';
import { entryFile } from '../../bin/entry.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
let dist = '';
let entry = '';

const run = (args: string[], dir?: string) => {
  const r = spawnSync(process.execPath, [entry, ...args, ...(dir ? ['--project-dir', dir] : [])], { env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

beforeAll(() => {
  dist = dirname(ensureCli());
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs'), '--dist', dist], { stdio: 'pipe' });
  entry = join(dist, 'bundle-entry.mjs');
  writeFileSync(entry, `import { main } from './bundle/tsdbt.mjs';\nmain(process.argv.slice(2)).then((code) => process.exit(code));\n`);
}, 120_000);
afterAll(() => cleanupCli());

describe('the bundled CLI', () => {
  it('is the entry bin/tsdbt.js picks while it is newer than dist/cli/main.js', () => {
    const bundle = join(dist, 'bundle', 'tsdbt.mjs');
    const modules = join(dist, 'cli', 'main.js');
    expect(existsSync(bundle)).toBe(true);
    expect(entryFile(dist)).toBe(bundle);
    // `tsc` alone rewrote dist/: the bundle is stale and must not run
    const later = new Date(statSync(bundle).mtimeMs + 5_000);
    utimesSync(modules, later, later);
    expect(entryFile(dist)).toBe(modules);
    expect(entryFile(join(dist, 'nowhere'))).toBe(join(dist, 'nowhere', 'cli', 'main.js'));
  });

  it('builds seeds, models and tests into the DuckDB file', async () => {
    const dir = writeProject({
      'seeds/raw_orders.csv': 'id,amount\n1,10\n2,20\n3,30\n',
      'models/orders.sql': "{{ config(materialized='table') }}\nselect id, amount * 2 as doubled from {{ ref('raw_orders') }}",
      'models/schema.yml': 'version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: id\n        data_tests: [unique, not_null]\n',
    });
    const r = run(['build'], dir);
    expect(r.out).toContain('Done. PASS=4 WARN=0 ERROR=0 SKIP=0 TOTAL=4');
    expect(r.code).toBe(0);
    expect(await queryDb(dir, 'select cast(id as integer) as id, cast(doubled as integer) as doubled from orders order by id')).toEqual([
      { id: 1, doubled: 20 },
      { id: 2, doubled: 40 },
      { id: 3, doubled: 60 },
    ]);
    expect(run(['--version']).out).toMatch(/\d+\.\d+\.\d+/);
  });

  it('reports a mistake with its file and line, exit code 2 and no stack trace', () => {
    const dir = writeProject({ 'models/a.sql': 'select 1 as id\nfrom {{ ref("missing_model") }}' });
    const r = run(['build'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain('models/a.sql:2');
    expect(r.out).toContain('missing_model');
    expect(r.out).not.toMatch(/^\s+at /m);
  });
});
