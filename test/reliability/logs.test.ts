// The debug log (logs/tsdbt.log, rotated) records each statement sent with its timing and errors;
// --log-level filters the console and --log-format json prints one JSON record per line.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, DEFAULT_PROJECT, writeProject } from '../helpers/project.js';

const FILES = {
  'models/good.sql': "{{ config(materialized='table') }}\nselect 1 as id\n",
  'models/bad.sql': "{{ config(materialized='table') }}\nselect * from missing_relation_xyz\n",
};

describe('logs', () => {
  it('logs/tsdbt.log has every statement with its connection, duration and errors', async () => {
    const dir = writeProject(FILES);
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(1);
    // the console at info level shows no SQL
    expect(r.output).not.toContain('[conn');
    const log = readFileSync(join(dir, 'logs/tsdbt.log'), 'utf8');
    // a table that does not exist yet is created under its own name in one statement
    expect(log).toMatch(/DEBUG \[conn \d+\] sql \(\d+\.\d ms\): create table "shop"\."main"\."good" as \(/);
    expect(log).toMatch(/DEBUG \[conn \d+\] sql failed after \d+\.\d ms: Catalog Error: Table with name missing_relation_xyz does not exist[^]*create table "shop"\."main"\."bad" as \(/);
    expect(log).toMatch(/INFO .*Done\. PASS=1 WARN=0 ERROR=1/);
    // an existing one is built under a temporary name and swapped in inside a transaction
    expect((await cli(dir, ['run', '--select', 'good'])).code).toBe(0);
    const again = readFileSync(join(dir, 'logs/tsdbt.log'), 'utf8').slice(log.length);
    expect(again).toMatch(/DEBUG \[conn \d+\] sql \(\d+\.\d ms\): begin transaction/);
    expect(again).toMatch(/DEBUG \[conn \d+\] sql \(\d+\.\d ms\): create or replace table "shop"\."main"\."good__tsdbt_tmp" as \(/);
    expect(again).toMatch(/DEBUG \[conn \d+\] sql \(\d+\.\d ms\): commit/);
  });

  it('--log-level debug prints the statements; --log-level error only errors', async () => {
    const dir = writeProject(FILES);
    const dbg = await cli(dir, ['run', '--log-level', 'debug']);
    expect(dbg.output).toMatch(/\[conn \d+\] sql \(\d+\.\d ms\): create table "shop"\."main"\."good"/);
    const err = await cli(dir, ['run', '--log-level', 'error', '--select', 'good']);
    expect(err.code).toBe(0);
    expect(err.output.trim()).toBe('');
  });

  it('--log-format json prints one JSON record per line, statements with their duration', async () => {
    const dir = writeProject(FILES);
    const r = await cli(dir, ['run', '--log-format', 'json', '--log-level', 'debug']);
    expect(r.code).toBe(1);
    const records = r.output.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { ts: string; level: string; msg: string; ms?: number; error?: string });
    expect(records.length).toBeGreaterThan(5);
    for (const rec of records) {
      expect(typeof rec.ts).toBe('string');
      expect(['debug', 'info', 'warn', 'error']).toContain(rec.level);
    }
    const stmt = records.find((x) => x.msg.includes('create table "shop"."main"."good"'));
    expect(stmt?.level).toBe('debug');
    expect(typeof stmt?.ms).toBe('number');
    expect(records.some((x) => x.error?.includes('missing_relation_xyz'))).toBe(true);
  });

  it('rotates the log file past 10 MB', async () => {
    const dir = writeProject({ 'models/good.sql': 'select 1 as id\n' });
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs/tsdbt.log'), 'old line\n'.repeat(1_200_000));
    expect((await cli(dir, ['run'])).code).toBe(0);
    expect(existsSync(join(dir, 'logs/tsdbt.log.1'))).toBe(true);
    expect(readFileSync(join(dir, 'logs/tsdbt.log.1'), 'utf8').startsWith('old line')).toBe(true);
    expect(statSync(join(dir, 'logs/tsdbt.log')).size).toBeLessThan(1_000_000);
    expect(readFileSync(join(dir, 'logs/tsdbt.log'), 'utf8')).toContain('Done. PASS=1');
  });

  it('writes the log to the project\'s log-path, or to --log-path', async () => {
    const dir = writeProject({ 'models/good.sql': 'select 1 as id\n', 'project.yml': `${DEFAULT_PROJECT}log-path: "run-logs"  # kept apart\n` });
    expect((await cli(dir, ['run'])).code).toBe(0);
    expect(readFileSync(join(dir, 'run-logs/tsdbt.log'), 'utf8')).toContain('Done. PASS=1');
    expect(existsSync(join(dir, 'logs'))).toBe(false);
    const elsewhere = join(dir, 'other', 'place');
    expect((await cli(dir, ['run', '--log-path', elsewhere])).code).toBe(0);
    expect(readFileSync(join(elsewhere, 'tsdbt.log'), 'utf8')).toContain('Done. PASS=1');
  });

  it('flags of one in-process call do not stick to the next', async () => {
    const dir = writeProject({ 'models/good.sql': 'select 1 as id\n' });
    await cli(dir, ['run', '--log-format', 'json', '--log-level', 'debug']);
    const plain = await cli(dir, ['run']);
    expect(plain.output).toContain('Done. PASS=1');
    expect(plain.output).not.toContain('{"ts"');
    expect(plain.output).not.toContain('[conn');
  });
});
