// The generator's command line and option errors as a user meets them, and the committed sample:
// it must be exactly what the command recorded in src/generator/cli.ts writes today.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { TsdbtError } from '../../../src/errors/tsdbt-error.js';
import { runGeneratorCli } from '../../../src/generator/cli.js';
import { generate } from '../../../src/generator/index.js';

const root = join(import.meta.dirname, '../../..');
const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'tsdbt-gen-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
afterEach(() => vi.restoreAllMocks());

describe('generator CLI', () => {
  test('writes the tables and prints files, rows and seconds', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const out = tmp();
    expect(await runGeneratorCli(['--out', out, '--scale', '0.002', '--days', '5', '--seed', '1'])).toBe(0);
    const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
    expect(printed).toMatch(/website_sessions\s+\d+ rows\s+\S+website_sessions\.csv/);
    expect(printed).toMatch(/rows in \d+\.\d s/);
    expect(readdirSync(out)).toContain('order_item_refunds.csv');
  });

  test('a bad option is reported with what is wrong and how to fix it', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await runGeneratorCli(['--out', tmp(), '--format', 'xlsx'])).toBe(2);
    expect(String(err.mock.calls[0][0])).toContain("error[U001]: generator option --format: 'xlsx' is not csv or parquet");
    expect(String(err.mock.calls[0][0])).toContain('hint: use --format csv or --format parquet');
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await runGeneratorCli(['--out', tmp(), '--scale', 'lots'])).not.toBe(0);
  });

  test.each([
    [{ scale: 0 }, '--scale'],
    [{ days: 2.5 }, '--days'],
    [{ start: '2025-02-30' }, '--start'],
    [{ days: 10, fromDay: 10 }, '--from-day'],
    [{ seed: -1 }, '--seed'],
  ])('generate(%o) throws U001 naming %s', async (opts, flag) => {
    const error = await generate({ out: tmp(), ...opts }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TsdbtError);
    expect((error as TsdbtError).code).toBe('U001');
    expect((error as TsdbtError).message).toContain(flag);
    expect((error as TsdbtError).hint).toBeTruthy();
  });
});

describe('committed sample', () => {
  test('data/sample is byte for byte the output of the command recorded in cli.ts', async () => {
    const header = readFileSync(join(root, 'src/generator/cli.ts'), 'utf8');
    const command = /node dist\/generator\/cli\.js (.*)$/m.exec(header)?.[1];
    expect(command).toContain('--out data/sample');
    const args = command!.split(/\s+/);
    const out = tmp();
    args[args.indexOf('--out') + 1] = out;
    vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await runGeneratorCli(args)).toBe(0);
    const sample = join(root, 'data/sample');
    const csvs = readdirSync(out).sort();
    expect(readdirSync(sample).filter((f) => f.endsWith('.csv')).sort()).toEqual(csvs);
    for (const f of csvs) expect(readFileSync(join(sample, f), 'utf8') === readFileSync(join(out, f), 'utf8'), f).toBe(true);
  });
});
