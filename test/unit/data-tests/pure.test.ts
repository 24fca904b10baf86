// The pure pieces of data tests: dbt's test names, reading test entries, config checks, CSV fixtures,
// row diffs and freshness status.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { synthesizeTestName } from '../../../src/data-tests/test-naming.js';
import { readTestEntry } from '../../../src/data-tests/test-entry.js';
import { checkConfig } from '../../../src/data-tests/validate-test.js';
import { parseCsv } from '../../../src/data-tests/unit/fixtures.js';
import { diffRows } from '../../../src/data-tests/unit/row-diff.js';
import { fixtureSql } from '../../../src/data-tests/unit/fixture-sql.js';
import { freshnessStatus, readCriteria } from '../../../src/data-tests/freshness/criteria.js';
import { TsdbtError } from '../../../src/errors/tsdbt-error.js';

const at = () => ({ file: 'models/schema.yml', line: 3 });

describe('test names', () => {
  it('follow dbt: type, model, flattened sorted arguments', () => {
    expect(synthesizeTestName('not_null', 'orders', { column_name: 'order_id' })).toBe('not_null_orders_order_id');
    expect(synthesizeTestName('accepted_values', 'orders', { column_name: 'status', values: ['placed', 'shipped'] })).toBe('accepted_values_orders_status__placed__shipped');
    expect(synthesizeTestName('relationships', 'orders', { column_name: 'customer_id', to: "ref('customers')", field: 'id' })).toBe('relationships_orders_customer_id__id__ref_customers_');
    expect(synthesizeTestName('source_unique', 'raw_orders', { column_name: 'id' })).toBe('source_unique_raw_orders_id');
  });

  it('cut long names to 30 characters plus an md5 of the full name', () => {
    const args = { column_name: 'status', values: ['placed', 'shipped', 'completed'] };
    const full = 'accepted_values_customer_order_items_status__placed__shipped__completed';
    expect(synthesizeTestName('accepted_values', 'customer_order_items', args)).toBe(`accepted_values_customer_order_${createHash('md5').update(full).digest('hex')}`);
  });
});

describe('test entries', () => {
  it('read every form dbt accepts', () => {
    expect(readTestEntry('unique', at())).toEqual({ name: 'unique', namespace: null, args: {}, config: {} });
    expect(readTestEntry('dbt_utils.expression_is_true', at())).toMatchObject({ name: 'expression_is_true', namespace: 'dbt_utils' });
    expect(readTestEntry({ accepted_values: { values: ['a'], severity: 'warn', name: 'x', config: { where: 'id > 1' } } }, at())).toEqual({
      name: 'accepted_values', namespace: null, args: { values: ['a'] }, config: { severity: 'warn', where: 'id > 1' }, customName: 'x', description: undefined,
    });
    expect(readTestEntry({ name: 'y', test_name: 'unique', config: { limit: 2 } }, at())).toMatchObject({ name: 'unique', customName: 'y', config: { limit: 2 } });
    expect(readTestEntry({ accepted_values: { arguments: { values: ['a'] } } }, at()).args).toEqual({ values: ['a'] });
  });

  it('refuse an entry with two test names', () => {
    expect(() => readTestEntry({ unique: null, not_null: null }, at())).toThrow(/exactly one key/);
  });
});

describe('test config', () => {
  it('normalizes severity and thresholds and rejects what cannot be parsed', () => {
    expect(checkConfig('t', { severity: 'warn', error_if: '>10' }, at)).toMatchObject({ severity: 'WARN', error_if: '>10', warn_if: '!=0', fail_calc: 'count(*)' });
    const err = (c: Record<string, unknown>) => {
      try {
        checkConfig('t', c, at);
      } catch (e) {
        return e as TsdbtError;
      }
      throw new Error('no error');
    };
    expect(err({ error_if: 'ten' }).message).toContain('`error_if` must be a comparison');
    expect(err({ severity: 'fatal' }).location).toEqual({ file: 'models/schema.yml', line: 3 });
    expect(err({ limit: -1 }).message).toContain('positive whole number');
  });
});

describe('unit test fixtures', () => {
  it('read CSV with quotes and empty fields as null', () => {
    expect(parseCsv('id,name\n1,"a, b"\n2,\n')).toEqual({ columns: ['id', 'name'], rows: [{ id: '1', name: 'a, b' }, { id: '2', name: null }] });
  });

  it('become typed literal SQL with missing columns as typed nulls', () => {
    const sql = fixtureSql({ kind: 'rows', columns: ['id'], rows: [{ id: 1 }, { id: "o'k" }] }, [{ name: 'id', type: 'VARCHAR' }, { name: 'n', type: 'INTEGER' }]);
    expect(sql).toBe(`select cast(1 as VARCHAR) as "id", cast(null as INTEGER) as "n"\nunion all\nselect cast('o''k' as VARCHAR) as "id", cast(null as INTEGER) as "n"`);
  });
});

describe('row diff', () => {
  it('compares rows as multisets and shows dbt-style markers', () => {
    expect(diffRows(['id'], [[1], [2]], [[2], [1]]).equal).toBe(true);
    const d = diffRows(['id', 's'], [[1, 'a'], [1, 'a']], [[1, 'a'], [2, null]]);
    expect(d).toEqual({ equal: false, count: 2, text: '@@ ,id,s\n+++,2,null\n---,1,a\n   ,1,a' });
  });
});

describe('freshness', () => {
  it('is pass, warn or error by age against the criteria', () => {
    const c = readCriteria({ warn_after: { count: 1, period: 'hours' }, error_after: { count: 2, period: 'day' } }, 'source raw.t', at());
    expect([freshnessStatus(60, c), freshnessStatus(3601, c), freshnessStatus(2 * 86400 + 1, c)]).toEqual(['pass', 'warn', 'error']);
    expect(() => readCriteria({ warn_after: { count: 1, period: 'week' } }, 'source raw.t', at())).toThrow(/minute, hour or day/);
  });
});
