// Inputs that look extreme but are valid and must work: a ref chain of 5,000 models, reserved words and
// unicode in names, a CSV seed with a BOM, and a 1 MB single-line model.
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeProject } from '../helpers/project.js';

describe('valid extreme input', () => {
  it('builds a ref chain of 5,000 models in order', async () => {
    const files: Record<string, string> = { 'models/c0.sql': "{{ config(materialized='table') }}\nselect 0 as n\n" };
    for (let i = 1; i < 5000; i++) files[`models/c${i}.sql`] = `{{ config(materialized='table') }}\nselect n + 1 as n from {{ ref('c${i - 1}') }}\n`;
    const dir = writeProject(files);
    const r = await cli(dir, ['run', '--threads', '1']);
    expect(r.code, r.output.slice(-2000)).toBe(0);
    expect(r.output).toContain('Done. PASS=5000 WARN=0 ERROR=0 SKIP=0 TOTAL=5000');
    expect(await queryDb(dir, 'select n from c4999')).toEqual([{ n: 4999 }]);
    expect(await queryDb(dir, "select count(*)::int as n from information_schema.tables where table_name like 'c%'")).toEqual([{ n: 5000 }]);
    // selection walks the whole chain without recursion limits
    const up = await cli(dir, ['ls', '-s', '+c4999', '--resource-type', 'model']);
    expect(up.code, up.output.slice(-500)).toBe(0);
    expect(up.output.split('\n').filter((l) => /shop\.c\d+/.test(l))).toHaveLength(5000);
  }, 240_000);

  it('handles reserved words and unicode in model, seed and column names', async () => {
    const dir = writeProject({
      'models/select.sql': 'select 1 as "order", \'a\' as "group"\n',
      'models/order.sql': "{{ config(materialized='table') }}\nselect \"order\" + 1 as \"from\" from {{ ref('select') }}\n",
      'models/café_données.sql': "{{ config(materialized='table') }}\nselect \"from\" as größe, 'ünïcödé ✓' as label from {{ ref('order') }}\n",
      'models/日本語.sql': "select * from {{ ref('café_données') }} join {{ ref('städte') }} on true\n",
      'seeds/städte.csv': 'straße,größe\nMünchen,1\nKöln,2\n',
    });
    const r = await cli(dir, ['build']);
    expect(r.code, r.output).toBe(0);
    expect(await queryDb(dir, 'select * from "order"')).toEqual([{ from: 2 }]);
    expect(await queryDb(dir, 'select * from "café_données"')).toEqual([{ größe: 2, label: 'ünïcödé ✓' }]);
    expect(await queryDb(dir, 'select straße, label from "日本語" order by 1')).toEqual([
      { straße: 'Köln', label: 'ünïcödé ✓' },
      { straße: 'München', label: 'ünïcödé ✓' },
    ]);
  });

  it('loads a CSV seed with a byte-order mark without the BOM in the first column name', async () => {
    const dir = writeProject({ 'seeds/bom.csv': '\uFEFFid,name\n1,ann\n2,bob\n', 'models/m.sql': "select id, name from {{ ref('bom') }}\n" });
    const r = await cli(dir, ['build']);
    expect(r.code, r.output).toBe(0);
    expect(await queryDb(dir, "select column_name from information_schema.columns where table_name = 'bom' order by ordinal_position")).toEqual([{ column_name: 'id' }, { column_name: 'name' }]);
    expect(await queryDb(dir, 'select id::int as id, name from m order by id')).toEqual([
      { id: 1, name: 'ann' },
      { id: 2, name: 'bob' },
    ]);
  });

  it('builds a 1 MB single-line model', async () => {
    const rows: string[] = [];
    let size = 0;
    for (let i = 0; size < 1_000_000; i++) {
      const v = `(${i}, 'row-${i}-${'x'.repeat(12)}')`;
      rows.push(v);
      size += v.length + 2;
    }
    const sql = `{{ config(materialized='table') }} select t.id, t.label from (values ${rows.join(', ')}) as t(id, label) where t.id >= (select min(n) from {{ ref('zero') }})`;
    expect(sql.length).toBeGreaterThan(1_000_000);
    expect(sql).not.toContain('\n');
    const dir = writeProject({ 'models/zero.sql': 'select 0 as n\n', 'models/big.sql': sql });
    const r = await cli(dir, ['run']);
    expect(r.code, r.output.slice(-2000)).toBe(0);
    expect(await queryDb(dir, 'select count(*)::int as n, max(id)::int as mx from big')).toEqual([{ n: rows.length, mx: rows.length - 1 }]);
  }, 120_000);
});
