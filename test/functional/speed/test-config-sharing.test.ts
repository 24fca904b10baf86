// Generic tests of one folder get their folder's config computed once and copied: each node still has
// its config with project.yml's layers (a deeper folder wins, a test's own config wins over both), and
// no two nodes share a list or mapping.
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/index.js';
import { writeProject } from '../../helpers/project.js';

const yml = (name: string, tests: string) => `version: 2\nmodels:\n  - name: ${name}\n    columns:\n      - name: id\n        data_tests:\n${tests}`;

describe('generic test config per folder', () => {
  it('layers folder configs, keeps a test its own config, and shares no objects between tests', () => {
    const dir = writeProject({
      'project.yml': "name: shop\nprofile: shop\nversion: '1.0'\nconfig-version: 2\ndata_tests:\n  +severity: warn\n  +tags: [dq]\n  shop:\n    marts:\n      +severity: error\n      +meta: {team: core}\n",
      'models/a.sql': 'select 1 as id',
      'models/marts/b.sql': 'select 1 as id',
      'models/marts/c.sql': 'select 1 as id',
      'models/schema.yml': yml('a', '          - unique\n          - not_null\n'),
      'models/marts/schema.yml': yml('b', '          - unique\n          - not_null: {severity: warn, tags: [own]}\n') + '  - name: c\n    columns:\n      - name: id\n        data_tests: [unique]\n',
    });
    const nodes = parse({ projectDir: dir }).manifest.nodes;
    const cfg = (id: string) => nodes[`test.shop.${id}`]!.config;
    expect(cfg('unique_a_id')).toMatchObject({ severity: 'WARN', tags: ['dq'], materialized: 'test' });
    expect(cfg('not_null_a_id')).toMatchObject({ severity: 'WARN', tags: ['dq'] });
    expect(cfg('unique_b_id')).toMatchObject({ severity: 'ERROR', tags: ['dq'], meta: { team: 'core' } });
    expect(cfg('not_null_b_id')).toMatchObject({ severity: 'WARN', tags: ['dq', 'own'], meta: { team: 'core' } });
    expect(cfg('unique_c_id')).toMatchObject({ severity: 'ERROR', tags: ['dq'], meta: { team: 'core' } });
    expect(nodes['test.shop.unique_b_id']!.tags).toEqual(['dq']);
    // a change to one test's config (a later stage may set one) reaches no other test
    cfg('unique_b_id').tags.push('changed');
    (cfg('unique_b_id').meta as Record<string, unknown>).team = 'changed';
    cfg('unique_b_id').pre_hook.push({ sql: 'select 1', transaction: true, index: 0 });
    expect(cfg('unique_c_id')).toMatchObject({ tags: ['dq'], meta: { team: 'core' }, pre_hook: [] });
  });
});
