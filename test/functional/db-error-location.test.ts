// A DuckDB error names the model's own file:line:col (DuckDB's LINE counts the wrapping DDL), or the
// compiled file's when Jinja changed the line count.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, writeFiles, writeProject } from '../helpers/project.js';

const SEED = { 'seeds/raw.csv': 'id,amount\n1,10\n2,20\n' };

function located(output: string, where: string): void {
  const esc = where.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  expect(output).toMatch(new RegExp(`(^|\\s)${esc}: error\\[R001\\]: Binder Error: Referenced column "nope"`, 'm'));
}

describe('a DuckDB error names the line and column of the model', () => {
  it('table model: the raw file line (not the line of the wrapping DDL)', async () => {
    const dir = writeProject({ ...SEED, 'models/s.sql': "{{ config(materialized='table') }}\nselect id,\n  nope as x\nfrom {{ ref('raw') }}\n" });
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(1);
    located(r.output, 'models/s.sql:3:3');
    expect(r.output).toContain('LINE 3:');
    expect(r.output).not.toContain('LINE 4:');
  });

  it('view model: a column after a rendered ref() maps back to the column in the raw file', async () => {
    const raw = "select * from {{ ref('raw') }} where nope = 1\n";
    const dir = writeProject({ ...SEED, 'models/v.sql': raw });
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(1);
    located(r.output, `models/v.sql:1:${raw.indexOf('nope') + 1}`);
  });

  it('a long line DuckDB shows as a `...` window', async () => {
    const raw = `select ${'id, '.repeat(60)}nope from {{ ref('raw') }}\n`;
    const dir = writeProject({ ...SEED, 'models/w.sql': raw });
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(1);
    located(r.output, `models/w.sql:1:${raw.indexOf('nope') + 1}`);
  });

  it('incremental model on its second run (the staging statement)', async () => {
    const dir = writeProject({ ...SEED, 'models/inc.sql': "{{ config(materialized='incremental') }}\nselect id from {{ ref('raw') }}\n" });
    expect((await cli(dir, ['build'])).code).toBe(0);
    writeFiles(dir, { 'models/inc.sql': "{{ config(materialized='incremental') }}\nselect id,\n    nope\nfrom {{ ref('raw') }}\n" });
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(1);
    located(r.output, 'models/inc.sql:3:5');
  });

  it('Jinja that adds lines: names the compiled file, line and column', async () => {
    const dir = writeProject({
      ...SEED,
      'models/j.sql': "{% set cols = ['id', 'nope'] %}\nselect\n{% for c in cols %}\n  {{ c }}{% if not loop.last %},{% endif %}\n{% endfor %}\nfrom {{ ref('raw') }}\n",
    });
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(1);
    const compiled = readFileSync(join(dir, 'target/compiled/shop/models/j.sql'), 'utf8').split('\n');
    const line = compiled.findIndex((l) => l.includes('nope')) + 1;
    located(r.output, `target/compiled/shop/models/j.sql:${line}:3`);
    expect(r.output).toContain('models/j.sql');
  });
});
