// Section 5 of RESULTS.md: the reference warehouse (the project at the repo root) built on generated
// data at scale 1 and 10, and, on the same N+1 days, `build` after one more day (incremental, from the
// N-day database) against `build --full-refresh`.
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, RUNS, runScript, ms, median } from './measure.js';
import { dist } from './dist-path.js';

const PROJECT_PARTS = ['project.yml', 'profiles.yml', 'models', 'seeds', 'macros', 'snapshots', 'tests', 'analyses'];
const DAYS = Number(process.env.BENCH_WAREHOUSE_DAYS ?? 120);

function copyWarehouse(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const p of PROJECT_PARTS) if (existsSync(join(ROOT, p))) cpSync(join(ROOT, p), join(dir, p), { recursive: true });
}

/** A build in a fresh process; a failing data test (exit 1) still gives a timing, noted in the table. */
function build(args) {
  const r = runScript('child.js', args);
  if (r.code !== 0 && r.code !== 1) throw new Error(`tsdbt ${args.join(' ')} exited ${r.code}`);
  return r;
}
const failed = (runs) => runs.filter((r) => r.code !== 0).length;
const note = (runs) => (failed(runs) ? ` (exit 1 in ${failed(runs)} of ${runs.length} runs: a node or data test failed)` : '');
const med = (runs, k) => median(runs.map((r) => r[k]));

async function generateData(out, scale, days) {
  const { generate } = await import(dist('generator/index.js'));
  const t0 = performance.now();
  await generate({ out, scale, days, format: 'parquet' });
  return performance.now() - t0;
}

/** Share of the summed node execution time of the last run spent in data and unit tests. */
function testShare(dir) {
  const { results } = JSON.parse(readFileSync(join(dir, 'target', 'run_results.json'), 'utf8'));
  const sum = (rs) => rs.reduce((t, r) => t + r.execution_time, 0);
  return sum(results.filter((r) => /^(test|unit_test)\./.test(r.unique_id))) / sum(results);
}

/** The database file and its WAL, copied so every incremental run starts from the same N-day state. */
function copyDb(from, to) {
  for (const ext of ['', '.wal']) {
    rmSync(to + ext, { force: true });
    if (existsSync(from + ext)) copyFileSync(from + ext, to + ext);
  }
}

/** RUNS incremental builds (each from the N-day database) and RUNS full refreshes of the same N+1 days. */
async function incrementalRows(dir, data, scale, vars) {
  const db = join(dir, 'target', 'warehouse.duckdb');
  const saved = join(dir, `warehouse-${DAYS}-days.duckdb`);
  copyDb(db, saved);
  await generateData(data, scale, DAYS + 1); // the first DAYS days come out identical: only day DAYS+1 is new
  const inc = [];
  for (let i = 0; i < RUNS; i++) {
    copyDb(saved, db);
    inc.push(build(['build', '--vars', vars, '--project-dir', dir]));
  }
  const incTests = testShare(dir);
  const refresh = [];
  for (let i = 0; i < RUNS; i++) refresh.push(build(['build', '--full-refresh', '--vars', vars, '--project-dir', dir]));
  const refreshTests = testShare(dir);
  const wall = med(inc, 'wallMs') / med(refresh, 'wallMs');
  const cpu = med(inc, 'cpuMs') / med(refresh, 'cpuMs');
  const label = `scale ${scale}, day ${DAYS + 1} added`;
  return [
    `| ${label} | \`build\` (incremental, from the ${DAYS}-day database) | ${ms(med(inc, 'wallMs'))} | ${ms(med(inc, 'cpuMs'))} | ${Math.round(med(inc, 'maxRssMb'))} MB | ${(100 * wall).toFixed(0)}% of the full refresh's wall, ${(100 * cpu).toFixed(0)}% of its CPU (target <= 15%: ${wall <= 0.15 ? 'met' : '**not met**'}); tests ${(100 * incTests).toFixed(0)}% of its node time${note(inc)} |`,
    `| ${label} | \`build --full-refresh\` | ${ms(med(refresh, 'wallMs'))} | ${ms(med(refresh, 'cpuMs'))} | ${Math.round(med(refresh, 'maxRssMb'))} MB | tests ${(100 * refreshTests).toFixed(0)}% of its node time${note(refresh)} |`,
  ];
}

export async function warehouseSection(work) {
  const scales = (process.env.BENCH_WAREHOUSE_SCALES ?? '1,10').split(',').map(Number);
  // incremental runs cost 2 x RUNS builds per scale: scale 1 by default, more with BENCH_WAREHOUSE_INC_SCALES=1,10
  const incScales = (process.env.BENCH_WAREHOUSE_INC_SCALES ?? '1').split(',').map(Number);
  const out = ['\n## 5. The warehouse (repo root project) on generated data\n'];
  try {
    const rows = [];
    const times = new Map();
    for (const scale of scales) {
      const dir = join(work, `warehouse-sf${scale}`);
      copyWarehouse(dir);
      const data = join(dir, 'raw');
      const gen = await generateData(data, scale, DAYS);
      const vars = `{raw_path: '${data}', raw_format: parquet}`;
      const full = build(['build', '--vars', vars, '--project-dir', dir]);
      times.set(scale, full.wallMs);
      rows.push(`| scale ${scale}, ${DAYS} days | full build (single run) | ${ms(full.wallMs)} | ${ms(full.cpuMs)} | ${Math.round(full.maxRssMb)} MB | data generated in ${ms(gen)}${note([full])} |`);
      if (incScales.includes(scale)) rows.push(...(await incrementalRows(dir, data, scale, vars)));
    }
    out.push('| data | run | wall | CPU | peak RSS | note |', '|---|---|---|---|---|---|', ...rows);
    if (times.has(1) && times.has(10)) {
      const r = times.get(10) / times.get(1);
      out.push('', `Scale 10 took ${r.toFixed(1)}x the time of scale 1 (target <= 12x: ${r <= 12 ? 'met' : '**not met**'}).`);
    }
    out.push('', `Raw files are Parquet (\`raw_format: parquet\`), ${DAYS} simulated days (BENCH_WAREHOUSE_DAYS). Incremental and full-refresh rows: medians of ${RUNS} runs on the same ${DAYS + 1} days; each incremental run starts from a copy of the database the ${DAYS}-day build left.`);
  } catch (e) {
    out.push(`Not measured: the warehouse build failed on this checkout (${String(e.message ?? e).split('\n').slice(0, 3).join(' ')}).`);
  }
  return out;
}
