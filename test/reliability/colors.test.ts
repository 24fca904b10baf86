// Console colours: on for a terminal or when asked for (FORCE_COLOR, --use-colors), off for pipes, CI
// logs and NO_COLOR / --no-use-colors; the dotted run lines keep their width either way. On a real
// terminal (a pty from util-linux `script`), the live status line sits below the run lines.
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupCli, ensureCli } from './cli-process.js';
import { writeProject } from '../helpers/project.js';

const ESC = '\x1b[';

function run(dir: string, args: string[], env: Record<string, string | undefined>) {
  const base = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'TSDBT_USE_COLORS', 'DBT_USE_COLORS']) delete base[k];
  const r = spawnSync(process.execPath, [ensureCli(), ...args, '--project-dir', dir], { env: { ...base, ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

afterAll(() => cleanupCli());

describe('console colours', () => {
  const dir = writeProject({ 'models/a.sql': 'select 1 as id\n' });

  it('a pipe gets plain text, also when CI is set', () => {
    const r = run(dir, ['run'], { CI: 'true' });
    expect(r.code).toBe(0);
    expect(r.out).not.toContain(ESC);
    expect(r.out).toMatch(/1 of 1 OK created sql view model main\.a \.+ \[OK in \d/);
  });

  it('FORCE_COLOR and --use-colors colour the status words; dots are counted without the codes', () => {
    for (const [args, env] of [[['run'], { FORCE_COLOR: '1' }], [['run', '--use-colors'], {}]] as const) {
      const r = run(dir, [...args], env);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`${ESC}32mOK${ESC}39m created sql view model main.a`);
      const start = r.out.split('\n').find((l) => l.includes('START sql view model main.a'))!;
      const done = r.out.split('\n').find((l) => l.includes('created sql view model main.a'))!;
      const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
      // both lines put their [status] at the same column, as dbt's do
      expect(plain(done).indexOf(' [')).toBe(plain(start).indexOf(' ['));
    }
  });

  it('NO_COLOR and --no-use-colors win over FORCE_COLOR-less terminals and flags', () => {
    expect(run(dir, ['run'], { NO_COLOR: '1' }).out).not.toContain(ESC);
    expect(run(dir, ['run', '--no-use-colors'], { FORCE_COLOR: '1' }).out).not.toContain(ESC);
  });
});

describe('a terminal', () => {
  it('gets every run line in order, a live status line below them, and the status line cleared at the end', () => {
    const files: Record<string, string> = { 'models/m0.sql': 'select 1 as id\n' };
    for (let i = 1; i < 40; i++) files[`models/m${i}.sql`] = `select id + 1 as id from {{ ref('m${i - 1}') }}\n`;
    const dir = writeProject(files);
    const cmd = [process.execPath, ensureCli(), 'run', '--threads', '2', '--project-dir', dir].map((a) => `'${a}'`).join(' ');
    const base = { ...process.env };
    for (const k of ['NO_COLOR', 'FORCE_COLOR', 'TSDBT_USE_COLORS', 'DBT_USE_COLORS', 'CI']) delete base[k];
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { env: { ...base, TERM: 'xterm' }, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const out = r.stdout;
    const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
    // the status line: `[done/total] seconds  running: names`, drawn at least once while the models ran
    expect(plain).toMatch(/\[\d+\/40\] \d+\.\ds {2}running: m\d+/);
    // each status line is cleared before the next lines are printed, and after the last node
    const lastStatus = plain.lastIndexOf('running: ');
    expect(plain.indexOf('\r\x1b[K', lastStatus)).toBeGreaterThan(lastStatus);
    expect(plain.slice(plain.lastIndexOf('\r\x1b[K'))).not.toContain('running:');
    // every result line, each on a line of its own, numbered in order
    const done = plain.split(/\r?\n/).map((l) => l.replace(/^[\s\S]*\x1b\[K/, '')).filter((l) => / OK created sql view model /.test(l));
    expect(done).toHaveLength(40);
    for (const l of done) expect(l).toMatch(/^\d\d:\d\d:\d\d {2}\d+ of 40 OK created sql view model main\.m\d+ \.+ \[OK in /);
    expect(plain).toMatch(/Completed successfully[\s\S]*Done\. PASS=40 WARN=0 ERROR=0 SKIP=0 TOTAL=40/);
  });
});
