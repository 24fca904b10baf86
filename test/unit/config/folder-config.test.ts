import { describe, expect, test } from 'vitest';
import { configForPath, mergeConfigs } from '../../../src/config/folder-config.js';
import { loadProject } from '../../../src/config/project-loader.js';
import { writeProject } from './fixture.js';

const PROJECT = `
name: shop
models:
  +meta: {owner: data}
  +tags: base
  shop:
    +materialized: view
    +pre-hook: "select 'root'"
    staging:
      materialized: view
      tags: [staging]
      schema: stg
      +post_hook: ["select 1"]
    marts:
      +materialized: table
      +meta: {tier: gold}
      +tags: [marts, base]
      finance:
        +pre_hook: "select 'finance'"
        enabled: false
        docs: {show: false}
        fct_revenue:
          +materialized: incremental
          +tags: [revenue]
`;

describe('configForPath', () => {
  const project = loadProject(writeProject({ 'project.yml': PROJECT }), {}, {});

  test('deeper levels override, tags accumulate, meta merges, hooks accumulate', () => {
    expect(configForPath(project.models, ['shop', 'marts', 'finance', 'fct_revenue'])).toEqual({
      meta: { owner: 'data', tier: 'gold' },
      tags: ['base', 'marts', 'revenue'],
      materialized: 'incremental',
      pre_hook: ["select 'root'", "select 'finance'"],
      enabled: false,
      docs: { show: false },
    });
  });

  test('plain known config keys count as configs; sub-folders do not leak sideways', () => {
    expect(configForPath(project.models, ['shop', 'staging', 'stg_orders'])).toEqual({
      meta: { owner: 'data' },
      tags: ['base', 'staging'],
      materialized: 'view',
      schema: 'stg',
      pre_hook: ["select 'root'"],
      post_hook: ['select 1'],
    });
  });

  test('another package only gets the root level', () => {
    expect(configForPath(project.models, ['dbt_utils', 'some_model'])).toEqual({ meta: { owner: 'data' }, tags: ['base'] });
  });

  test('mergeConfigs treats pre-hook and pre_hook alike', () => {
    expect(mergeConfigs({ 'pre-hook': ['a'] }, { pre_hook: 'b', '+post-hook': 'c' })).toEqual({ pre_hook: ['a', 'b'], post_hook: ['c'] });
  });

  test('an empty project entry (as dbt init writes it) is a folder, not a config', () => {
    const p = loadProject(writeProject({ 'project.yml': 'name: shop\nmodels:\n  shop:\n' }), {}, {});
    expect(p.models.config).toEqual({});
    expect(p.models.children.shop).toEqual({ config: {}, children: {} });
  });
});
