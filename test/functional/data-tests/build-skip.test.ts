// `build` runs each model's tests right after it; an error-severity failure skips the model's
// descendants, a warning does not; exit code 1 only for errors and error-severity failures.
import { describe, expect, it } from 'vitest';
import { cli, writeProject } from '../../helpers/project.js';
import { statuses } from './helpers.js';

const FILES = (severity: string) => ({
  'models/a.sql': 'select * from (values (1), (1)) t(id)\n',
  'models/b.sql': "select * from {{ ref('a') }}\n",
  'models/c.sql': "select * from {{ ref('b') }}\n",
  'models/other.sql': 'select 1 as id\n',
  'models/schema.yml': `models:\n  - name: a\n    columns:\n      - name: id\n        data_tests:\n          - unique: {severity: ${severity}}\n          - not_null\n`,
});

describe('build with tests', () => {
  it('skips the descendants of a model whose test fails', async () => {
    const dir = writeProject(FILES('error'));
    const r = await cli(dir, ['build', '--threads', '1']);
    expect(r.code).toBe(1);
    expect(statuses(dir)).toEqual({
      'model.shop.a': 'success',
      'test.shop.not_null_a_id': 'pass',
      'test.shop.unique_a_id': 'fail',
      'model.shop.b': 'skipped',
      'model.shop.c': 'skipped',
      'model.shop.other': 'success',
    });
    // the tests come right after their model
    const started = [...r.output.matchAll(/\d+ of 6 START (?:sql view model main\.|test )(\w+)/g)].map((m) => m[1]);
    expect(started.slice(0, 3)).toEqual(['a', 'not_null_a_id', 'unique_a_id']);
    expect(r.output).toMatch(/SKIP relation main\.b/);
    expect(r.output).toContain('Done. PASS=3 WARN=0 ERROR=1 SKIP=2 TOTAL=6');
  });

  it('does not skip anything for a warning', async () => {
    const dir = writeProject(FILES('warn'));
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(0);
    expect(statuses(dir)).toMatchObject({ 'test.shop.unique_a_id': 'warn', 'model.shop.b': 'success', 'model.shop.c': 'success' });
  });

  it('a test on two models holds back only what is downstream of both', async () => {
    const dir = writeProject({
      'models/p.sql': 'select 1 as id\n',
      'models/k.sql': 'select 2 as pid\n',
      'models/only_k.sql': "select * from {{ ref('k') }}\n",
      'models/both.sql': "select * from {{ ref('k') }} join {{ ref('p') }} on true\n",
      'models/schema.yml': "models:\n  - name: k\n    columns:\n      - name: pid\n        data_tests:\n          - relationships: {to: ref('p'), field: id}\n",
    });
    expect((await cli(dir, ['build'])).code).toBe(1);
    expect(statuses(dir)).toMatchObject({ 'model.shop.only_k': 'success', 'model.shop.both': 'skipped' });
  });
});
