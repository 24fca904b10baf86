// Section 5 of RESULTS.md: the reference warehouse (the project at the repo root) built on generated
// data at scale 1 and 10, and an incremental run after one more day of events against a full refresh.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runScript, ms } from './measure.js';
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
const note = (r) => (r.code === 1 ? ' (exit 1: a node or data test failed)' : '');

async function generateData(out, scale, days) {
  const { generate } = await import(dist('generator/index.js'));
  const t0 = performance.now();
  await generate({ out, scale, days, format: 'parquet' });
  return performance.now() - t0;
}

export async function warehouseSection(work) {
  const scales = (process.env.BENCH_WAREHOUSE_SCALES ?? '1,10').split(',').map(Number);
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
      rows.push(`| scale ${scale}, ${DAYS} days | full build | ${ms(full.wallMs)} | ${ms(full.cpuMs)} | ${Math.round(full.maxRssMb)} MB | data generated in ${ms(gen)}${note(full)} |`);
      if (scale === scales[0]) {
        // one more day: the first DAYS days are generated identically, so only the new day is new
        await generateData(data, scale, DAYS + 1);
        const inc = build(['build', '--vars', vars, '--project-dir', dir]);
        const refresh = build(['build', '--full-refresh', '--vars', vars, '--project-dir', dir]);
        const ratio = inc.wallMs / refresh.wallMs;
        rows.push(`| scale ${scale}, day ${DAYS + 1} added | incremental build | ${ms(inc.wallMs)} | ${ms(inc.cpuMs)} | ${Math.round(inc.maxRssMb)} MB | ${(100 * ratio).toFixed(0)}% of the full refresh (target <= 15%: ${ratio <= 0.15 ? 'met' : '**not met**'})${note(inc)} |`);
        rows.push(`| scale ${scale}, day ${DAYS + 1} added | --full-refresh build | ${ms(refresh.wallMs)} | ${ms(refresh.cpuMs)} | ${Math.round(refresh.maxRssMb)} MB | ${note(refresh)} |`);
      }
    }
    out.push('| data | run | wall | CPU | peak RSS | note |', '|---|---|---|---|---|---|', ...rows);
    if (times.has(1) && times.has(10)) {
      const r = times.get(10) / times.get(1);
      out.push('', `Scale 10 took ${r.toFixed(1)}x the time of scale 1 (target <= 12x: ${r <= 12 ? 'met' : '**not met**'}).`);
    }
    out.push('', 'Single runs (not medians): a warehouse build at scale 10 takes minutes. Raw files are Parquet (`raw_format: parquet`).');
  } catch (e) {
    out.push(`Not measured: the warehouse build failed on this checkout (${String(e.message ?? e).split('\n').slice(0, 3).join(' ')}).`);
  }
  return out;
}
