// `tsdbt build` killed with SIGKILL at random points of a 200-model build: afterwards the database
// opens, every relation is one whole version (old or new), no temporary relation shows, and the next
// build completes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { cleanupCli, ensureCli, runCli, spawnCli } from './cli-process.js';
import { MODELS, inspect, kindOf, writeVersionedProject } from './projects.js';

const TRIALS = 20;

// a fixed-seed generator: a failing trial can be replayed with the same kill delays
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

beforeAll(() => {
  ensureCli();
}, 120_000);
afterAll(() => cleanupCli());

describe('SIGKILL during a 200-model build', () => {
  // two streams of trials on two projects run side by side: the single-threaded start-up of one
  // overlaps the DuckDB work of the other, which halves the wall time on a 2-core machine
  async function trials(count: number, seed: number): Promise<string[]> {
    const dir = writeVersionedProject();
    const build = (v: number) => ['build', '--project-dir', dir, '--vars', `{v: ${v}}`, '--threads', '4'];
    // the kill window is the run phase: from the first START line to the end of the build
    const firstRun = spawnCli(build(1));
    await firstRun.waitFor(' START ');
    const runStarted = performance.now();
    const first = await firstRun.done;
    expect(first.code, first.output).toBe(0);
    const window = Math.max(500, performance.now() - runStarted);
    const rand = prng(seed);
    let lastComplete = 1;
    const log: string[] = [];
    for (let t = 2; t < count + 2; t++) {
      const delay = rand() * window * 0.9;
      const p = spawnCli(build(t));
      await p.waitFor(' START ');
      await new Promise((r) => setTimeout(r, delay));
      p.child.kill('SIGKILL');
      const r = await p.done;
      if (r.code === 0) lastComplete = t;
      const state = await inspect(dir);
      log.push(`${dir} trial ${t}: kill ${delay.toFixed(0)} ms after the first START, exit ${r.code ?? r.signal}, versions ${[...new Set(state.versions.values())].join('/')}`);
      expect(state.torn, log.join('\n')).toEqual([]);
      expect(state.relations.filter((n) => /__tsdbt_/.test(n)), log.join('\n')).toEqual([]);
      for (let i = 0; i < MODELS; i++) {
        const v = state.versions.get(i);
        // every model existed after the first full build, so it is never missing
        expect(v, `m${i} (${kindOf(i)}) after trial ${t}\n${log.join('\n')}`).toBeDefined();
        expect(v!).toBeGreaterThanOrEqual(lastComplete);
        expect(v!).toBeLessThanOrEqual(t);
      }
    }
    const final = await runCli(build(99));
    expect(final.code, final.output).toBe(0);
    const state = await inspect(dir);
    expect(state.torn).toEqual([]);
    expect([...new Set(state.versions.values())]).toEqual([99]);
    expect(state.relations.filter((n) => /__tsdbt_/.test(n))).toEqual([]);
    return log;
  }

  it(`leaves whole old or whole new relations, ${TRIALS} trials, then builds cleanly`, async () => {
    const start = performance.now();
    const logs = (await Promise.all([trials(TRIALS / 2, 20240611), trials(TRIALS / 2, 7)])).flat();
    const killedMidway = logs.filter((l) => /exit SIGKILL/.test(l)).length;
    expect(killedMidway, logs.join('\n')).toBeGreaterThanOrEqual(TRIALS / 2);
    console.log(`${TRIALS} kill trials in ${((performance.now() - start) / 1000).toFixed(1)} s\n${logs.join('\n')}`);
  }, 240_000);

  it('drops temporary relations a killed run left behind at the start of the next run', async () => {
    const dir = writeVersionedProject();
    const ok = await runCli(['build', '--project-dir', dir, '--vars', '{v: 1}', '-s', 'm0', 'm1']);
    expect(ok.code, ok.output).toBe(0);
    const inst = await DuckDBInstance.create(join(dir, 'shop.duckdb'));
    const conn = await inst.connect();
    // what a crash between the build and the swap of a non-transactional writer would leave
    await conn.run(`create table "m0__tsdbt_tmp" as select 7 as v`);
    await conn.run(`create view "m1__tsdbt_tmp" as select 7 as v`);
    await conn.run(`create table "m2__tsdbt_incr" as select 7 as v`);
    conn.closeSync();
    inst.closeSync();
    const again = await runCli(['build', '--project-dir', dir, '--vars', '{v: 2}', '-s', 'm0', 'm1']);
    expect(again.code, again.output).toBe(0);
    const state = await inspect(dir);
    expect(state.relations.filter((n) => /__tsdbt_/.test(n))).toEqual([]);
    expect(state.versions.get(0)).toBe(2);
  }, 60_000);
});
