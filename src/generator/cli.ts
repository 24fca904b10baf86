// Command line of the data generator: parses flags, runs generate() and prints what it wrote.
// The committed sample was made with exactly:
//   node dist/generator/cli.js --scale 0.006 --days 90 --seed 42 --start 2025-01-01 --out data/sample
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { TsdbtError, formatError } from '../errors/tsdbt-error.js';
import { generate, type GenerateSummary } from './generate.js';
import { DEFAULTS, type OutputFormat } from './options.js';

function number(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`${flag} expects a number, got '${value}'`);
    return n;
  };
}

export function formatSummary(s: GenerateSummary): string {
  const width = Math.max(...s.tables.map((t) => t.table.length));
  const lines = s.tables.map((t) => `  ${t.table.padEnd(width)}  ${String(t.rows).padStart(10)} rows  ${t.file}`);
  const total = s.tables.reduce((sum, t) => sum + t.rows, 0);
  return [
    `generated ${s.days} days from ${s.start} (scale ${s.scale}, seed ${s.seed}, ${s.format}` +
      `${s.fromDay > 0 ? `, rows of days >= ${s.fromDay} only` : ''}) into ${s.outDir}`,
    ...lines,
    `  ${total} rows in ${s.seconds.toFixed(1)} s`,
  ].join('\n');
}

/** Runs the generator CLI on `argv` (without node and script); resolves to the exit code. */
export async function runGeneratorCli(argv: string[]): Promise<number> {
  const program = new Command('tsdbt-generate')
    .description('Write the reference warehouse source tables (Maven Fuzzy Factory + RetailRocket layouts)')
    .requiredOption('--out <dir>', 'output directory')
    .option('--scale <n>', '1 ≈ RetailRocket size (2.7M events)', number('--scale'), DEFAULTS.scale)
    .option('--seed <n>', 'random seed', number('--seed'), DEFAULTS.seed)
    .option('--days <n>', 'days to simulate', number('--days'), DEFAULTS.days)
    .option('--start <date>', 'first day, YYYY-MM-DD', DEFAULTS.start)
    .option('--format <format>', 'csv or parquet', DEFAULTS.format)
    .option('--from-day <n>', 'only write rows of days >= n (for incremental benchmarks)', number('--from-day'), 0)
    .exitOverride();
  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    return typeof (err as { exitCode?: unknown }).exitCode === 'number' ? (err as { exitCode: number }).exitCode : 2;
  }
  const o = program.opts<{ out: string; scale: number; seed: number; days: number; start: string; format: string; fromDay: number }>();
  try {
    const summary = await generate({ ...o, format: o.format as OutputFormat });
    console.log(formatSummary(summary));
    return 0;
  } catch (err) {
    if (err instanceof TsdbtError) {
      console.error(formatError(err));
      return err.exitCode;
    }
    throw err;
  }
}

const invokedDirectly = process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  runGeneratorCli(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
