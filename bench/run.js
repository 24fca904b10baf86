// `npm run bench`: generates synthetic projects, measures tsdbt (parse, partial parse, build against a
// no-framework floor, seeds, the warehouse) in fresh processes, and writes bench/RESULTS.md.
import { cpSync, existsSync, writeFileSync, appendFileSync, rmSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, BENCH, RUNS, tsdbt, runScript, repeat, repeatInterleaved, median, ms, mb, verdict } from './measure.js';
import { machineLines } from './machine.js';
import { generateProject, modelName } from './synthetic-project.js';
import { writeSeedCsv } from './seed-csv.js';
import { warehouseSection } from './warehouse.js';

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.log('dist/ is missing: compiling with tsc first');
  execSync('npx tsc -p .', { cwd: ROOT, stdio: 'inherit' });
}
// benchmark a snapshot of dist/: other work rebuilding dist/ must not change the code under test
// (it lives under the repo so that node_modules resolves)
const snapshot = join(BENCH, '.dist-snapshot');
rmSync(snapshot, { recursive: true, force: true });
// timestamps kept: bin/entry.js runs the bundle only when it is newer than dist/cli/main.js
cpSync(join(ROOT, 'dist'), snapshot, { recursive: true, preserveTimestamps: true });
process.env.TSDBT_BENCH_DIST = snapshot;
process.on('exit', () => rmSync(snapshot, { recursive: true, force: true }));

const only = process.env.BENCH_ONLY?.split(',');
const want = (s) => !only || only.includes(s);
const work = join(process.env.BENCH_DIR ?? tmpdir(), 'tsdbt-bench');
const lines = [];
const say = (s = '') => {
  lines.push(s);
  console.log(s);
};

say('# tsdbt benchmarks');
say();
for (const l of machineLines(RUNS)) say(l);

function parseSection() {
  say('\n## 1-2. Parse (manifest of every model and test), cold, unchanged, one model changed\n');
  say('Each figure: median of the runs; wall = from process start (module loading included), CPU = user + system.\n');
  say('| project | case | wall | CPU | peak RSS | target |');
  say('|---|---|---|---|---|---|');
  for (const n of [1000, 10000]) {
    const dir = join(work, `parse-${n}`);
    generateProject({ dir, models: n });
    const args = ['parse', '--project-dir', dir];
    const cold = repeat(() => tsdbt(args), () => rmSync(join(dir, 'target'), { recursive: true, force: true }));
    const isBig = n === 10000;
    say(`| ${n} models, ${2 * n} tests | cold (no target/) | ${ms(cold.wallMs)} | ${ms(cold.cpuMs)} | ${mb(cold.maxRssMb)} | ${isBig ? `<= 1.5 s, <= 600 MB: ${verdict(cold.wallMs <= 1500)}, ${verdict(cold.maxRssMb <= 600)}` : ''} |`);
    tsdbt(args);
    const warm = repeat(() => tsdbt(args));
    say(`| ${n} models | nothing changed | ${ms(warm.wallMs)} | ${ms(warm.cpuMs)} | ${mb(warm.maxRssMb)} | ${isBig ? `<= 300 ms: ${verdict(warm.wallMs <= 300)}` : ''} |`);
    const file = join(dir, 'models', 'layer5', `${modelName(Math.floor(n / 2))}.sql`);
    const original = readFileSync(file, 'utf8');
    const one = repeat(() => tsdbt(args), (i) => appendFileSync(file, `\n-- edit ${i}\n`));
    writeFileSync(file, original);
    say(`| ${n} models | one model changed | ${ms(one.wallMs)} | ${ms(one.cpuMs)} | ${mb(one.maxRssMb)} | |`);
  }
}

function buildSection() {
  say('\n## 3. `build` of 1,000 models (tables) and 2,000 tests against the floor\n');
  say('The floor: the exact statements tsdbt sent (captured from a `--threads 1` build), run one by one on one DuckDB connection with no framework, in a Node process timed from its start like the tsdbt runs (loading Node and DuckDB included; the statements alone in brackets).\n');
  const dir = join(work, 'build-1000');
  generateProject({ dir, models: 1000, materialized: 'table' });
  const db = join(dir, 'bench.duckdb');
  const fresh = () => {
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
  };
  fresh();
  const stmts = join(dir, 'statements.json');
  const cap = runScript('capture.js', [dir, stmts]);
  // interleaved (floor, --threads 1, --threads 4, floor, ...): each ratio compares runs minutes apart at most
  const [floor, t1, t4] = repeatInterleaved([
    { once: () => runScript('floor.js', [join(dir, 'floor', 'bench.duckdb'), stmts]) },
    { once: () => tsdbt(['build', '--threads', '1', '--project-dir', dir]), before: fresh },
    { once: () => tsdbt(['build', '--threads', '4', '--project-dir', dir]), before: fresh },
  ]);
  // the ratio of each round's run to that round's floor, then their median
  const ratio = (r) => median(r.all.map((x, i) => x.wallMs / floor.all[i].wallMs));
  const rounds = (r) => r.all.map((x, i) => `${(x.wallMs / floor.all[i].wallMs).toFixed(2)}x`).join(', ');
  say('| run | wall | vs floor (median of the rounds) | target |');
  say('|---|---|---|---|');
  say(`| floor (${cap.statements} statements) | ${ms(floor.wallMs)} (${ms(floor.statementsMs)}) | 1.00x | |`);
  say(`| tsdbt build --threads 1 | ${ms(t1.wallMs)} | ${ratio(t1).toFixed(2)}x | <= 1.25x: ${verdict(ratio(t1) <= 1.25)} |`);
  say(`| tsdbt build --threads 4 | ${ms(t4.wallMs)} | ${ratio(t4).toFixed(2)}x | < 1x: ${verdict(ratio(t4) < 1)} |`);
  say(`\nRuns interleaved (floor, --threads 1, --threads 4) ${RUNS} times; each round's ratio: --threads 1 ${rounds(t1)}; --threads 4 ${rounds(t4)}.`);
  say('tsdbt wall time includes process start, parsing and writing artifacts; the floor only runs statements.');
  const model = join('models', 'layer5', `${modelName(500)}.sql`);
  const w = runScript('watch-latency.js', [dir, model, String(Math.max(3, RUNS))]);
  const sorted = [...w.latencies].sort((a, b) => a - b);
  const med = sorted[sorted.length >> 1];
  say('\n### Watch mode (same project, `build --watch`)\n');
  say('| case | save -> first statement (median) | all saves | target |');
  say('|---|---|---|---|');
  say(`| one model saved (30 ms debounce included) | ${ms(med)} | ${w.latencies.map((x) => ms(x)).join(', ')} | <= 100 ms: ${verdict(med <= 100)} |`);
}

function seedSection() {
  say('\n## 4. Seed loading (1,000,000-row CSV)\n');
  const dir = join(work, 'seed-1m');
  generateProject({ dir, models: 1 });
  writeSeedCsv(join(dir, 'seeds', 'big_seed.csv'), 1_000_000);
  const db = join(dir, 'bench.duckdb');
  const nodeTime = () => JSON.parse(readFileSync(join(dir, 'target', 'run_results.json'), 'utf8')).results[0].execution_time * 1000;
  const r = repeat(() => ({ ...tsdbt(['seed', '--project-dir', dir]), nodeMs: nodeTime() }), () => rmSync(db, { force: true }));
  const rate = (t) => Math.round(1_000_000 / (t / 1000)).toLocaleString('en-US');
  say('| rows | whole command (wall) | rows/s (command) | seed node (load + swap) | rows/s (node) | target |');
  say('|---|---|---|---|---|---|');
  say(`| 1,000,000 | ${ms(r.wallMs)} | ${rate(r.wallMs)} | ${ms(r.nodeMs)} | ${rate(r.nodeMs)} | >= 1M rows/s: ${verdict(1_000_000 / (r.nodeMs / 1000) >= 1_000_000)} (node) |`);
  say('\nThe seed is read by DuckDB\'s own CSV reader (`read_csv`) into a table swapped in atomically; the command time adds process start, parsing and DuckDB\'s checkpoint on close.');
}

if (want('parse')) parseSection();
if (want('build')) buildSection();
if (want('seed')) seedSection();
if (want('warehouse')) for (const l of await warehouseSection(work)) say(l);
writeFileSync(join(BENCH, 'RESULTS.md'), lines.join('\n') + '\n');
console.log(`\nwrote ${join('bench', 'RESULTS.md')}`);
