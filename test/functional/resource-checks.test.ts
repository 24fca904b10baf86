// Parse-time checks dbt makes: a seed and a model of one name, config-key typos (custom keys kept),
// project.yml folder paths that match no resource.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, writeProject, DEFAULT_PROJECT } from '../helpers/project.js';

describe('a seed and a model of one name', () => {
  it('is refused naming both files', async () => {
    const dir = writeProject({ 'seeds/raw_orders.csv': 'id\n1\n', 'models/raw_orders.sql': 'select 1 as id\n' });
    const r = await cli(dir, ['parse']);
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/error\[P005\]: .*'raw_orders'.*models\/raw_orders\.sql and seeds\/raw_orders\.csv/);
    expect(r.output).toMatch(/ambiguous/);
  });
});

describe('config keys: a typo of a known key fails with did-you-mean; custom keys are kept', () => {
  it('config() in a model', async () => {
    const dir = writeProject({ 'models/m.sql': "select 1 as id\n{{ config(materializd='table') }}\n" });
    const r = await cli(dir, ['parse']);
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/^models\/m\.sql:2:\d+: error\[P006\]: unknown config key 'materializd'[\s\S]*did you mean `materialized`\?/m);
  });

  it('+key in project.yml and dbt_project.yml', async () => {
    for (const file of ['project.yml', 'dbt_project.yml']) {
      const dir = writeProject({ 'project.yml': '', [file]: `${DEFAULT_PROJECT}models:\n  shop:\n    +materialzed: table\n`, 'models/m.sql': 'select 1 as id\n' });
      const r = await cli(dir, ['parse']);
      expect(r.code, file).toBe(2);
      expect(r.output, file).toMatch(new RegExp(`^${file.replace('.', '\\.')}:7:5: error\\[C002\\]: unknown config key 'materialzed'[\\s\\S]*did you mean \`materialized\`\\?`, 'm'));
    }
  });

  it('config: in a property file', async () => {
    const dir = writeProject({ 'models/m.sql': 'select 1 as id\n', 'models/schema.yml': 'models:\n  - name: m\n    config:\n      materialised: table\n' });
    const r = await cli(dir, ['parse']);
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/^models\/schema\.yml:4:7: error\[C002\]: unknown config key 'materialised'[\s\S]*did you mean `materialized`\?/m);
  });

  it('custom keys far from any known key are accepted and kept in the manifest', async () => {
    const dir = writeProject({
      'project.yml': `${DEFAULT_PROJECT}models:\n  shop:\n    +owner_team: data\n`,
      'models/m.sql': "{{ config(materialized='table', pii_level='low') }}\nselect 1 as id\n",
      'models/schema.yml': 'models:\n  - name: m\n    config:\n      sla_hours: 4\n',
    });
    const r = await cli(dir, ['build']);
    expect(r.output).not.toContain('error[');
    expect(r.code).toBe(0);
    const m = JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8')).nodes['model.shop.m'];
    expect(m.config).toMatchObject({ owner_team: 'data', pii_level: 'low', sla_hours: 4, materialized: 'table' });
  });

  it('a models: folder path that matches no resource is a warning, not a failure', async () => {
    const dir = writeProject({
      'project.yml': `${DEFAULT_PROJECT}models:\n  shop:\n    stagin:\n      +materialized: table\n    staging:\n      +materialized: view\nseeds:\n  shop:\n    nothere:\n      +enabled: true\n`,
      'models/staging/m.sql': 'select 1 as id\n',
    });
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/Configuration paths exist in your project\.yml file which do not apply to any resources/);
    expect(r.output).toContain('models.shop.stagin');
    expect(r.output).toContain('seeds.shop.nothere');
    expect(r.output).not.toContain('models.shop.staging\n');
  });
});
