// `tsdbt source freshness` (warn / error by age, sources.json, models with a freshness config) and
// `row_count_anomaly` flagging a row count far from its history over several runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeProject } from '../../helpers/project.js';
import { statuses } from './helpers.js';

const loaded = (ago: string) => `select 1 as id, cast(current_timestamp as timestamp) - interval '${ago}' as loaded_at\n`;

describe('source freshness', () => {
  it('passes, warns and errors by the age of loaded_at_field and writes sources.json', async () => {
    const dir = writeProject({
      'models/fresh_t.sql': loaded('1 minute'),
      'models/warn_t.sql': loaded('2 hours'),
      'models/error_t.sql': loaded('3 days'),
      'models/events.sql': "{{ config(loaded_at_field='loaded_at', freshness={'warn_after': {'count': 1, 'period': 'hour'} }) }}\n" + loaded('5 hours'),
      'models/sources.yml': `version: 2
sources:
  - name: raw
    schema: main
    loaded_at_field: loaded_at
    freshness:
      warn_after: {count: 1, period: hour}
      error_after: {count: 1, period: day}
    tables:
      - {name: fresh, identifier: fresh_t}
      - {name: warned, identifier: warn_t}
      - {name: errored, identifier: error_t}
      - {name: unchecked, identifier: fresh_t, freshness: null}
`,
    });
    expect((await cli(dir, ['build'])).code).toBe(0);
    const r = await cli(dir, ['source', 'freshness']);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/PASS freshness of raw\.fresh/);
    expect(r.output).toMatch(/WARN freshness of raw\.warned/);
    expect(r.output).toMatch(/ERROR STALE freshness of raw\.errored/);
    const out = JSON.parse(readFileSync(join(dir, 'target/sources.json'), 'utf8'));
    expect(out.metadata.dbt_schema_version).toContain('sources/v3');
    // the same versions as the other artifacts: dbt's version it mirrors, tsdbt's own separately
    const manifestMeta = JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8')).metadata;
    const runMeta = JSON.parse(readFileSync(join(dir, 'target/run_results.json'), 'utf8')).metadata;
    expect(manifestMeta.dbt_version).toBe('1.8.0');
    expect(out.metadata).toMatchObject({ dbt_version: manifestMeta.dbt_version, tsdbt_version: manifestMeta.tsdbt_version, env: {} });
    expect(runMeta.dbt_version).toBe(out.metadata.dbt_version);
    expect(out.metadata.tsdbt_version).toMatch(/^\d+\.\d+\.\d+/);
    expect(out.metadata.invocation_id).toMatch(/^[0-9a-f-]{36}$/);
    const got = Object.fromEntries(out.results.map((x: { unique_id: string; status: string }) => [x.unique_id, x.status]));
    expect(got).toEqual({ 'source.shop.raw.fresh': 'pass', 'source.shop.raw.warned': 'warn', 'source.shop.raw.errored': 'error', 'model.shop.events': 'warn' });
    const warned = out.results.find((x: { unique_id: string }) => x.unique_id === 'source.shop.raw.warned');
    expect(warned.max_loaded_at_time_ago_in_s).toBeGreaterThan(7190);
    expect(warned.max_loaded_at_time_ago_in_s).toBeLessThan(7300);
    expect(warned.criteria.error_after).toEqual({ count: 1, period: 'day' });
    // a selection narrows the check; warnings alone exit 0
    expect((await cli(dir, ['source', 'freshness', '-s', 'source:raw.warned'])).code).toBe(0);
  });

  it('rejects a bad period naming the file', async () => {
    const dir = writeProject({
      'models/t.sql': loaded('1 minute'),
      'models/sources.yml': 'sources:\n  - name: raw\n    schema: main\n    loaded_at_field: loaded_at\n    freshness: {warn_after: {count: 1, period: hours}, error_after: {count: 1, period: fortnight}}\n    tables: [{name: t}]\n',
    });
    const r = await cli(dir, ['source', 'freshness']);
    expect(r.code).toBe(2);
    expect(r.output).toContain('models/sources.yml: error[T001]: freshness of source raw.t: `error_after.period` must be minute, hour or day, got "fortnight"');
  });
});

describe('row_count_anomaly', () => {
  it('keeps a row count per run and fails when the count is far from its history', async () => {
    const dir = writeProject({
      'models/events.sql': "{{ config(materialized='table') }}\nselect * from range({{ var('n') }})\n",
      'models/schema.yml': 'models:\n  - name: events\n    data_tests:\n      - row_count_anomaly: {threshold: 3, min_history: 3}\n',
    });
    const run = async (n: number) => {
      const r = await cli(dir, ['build', '--vars', `{n: ${n}}`]);
      return statuses(dir)['test.shop.row_count_anomaly_events_3__3'] + (r.code === 0 ? '' : '!');
    };
    // too little history to judge, then a normal count, a spike, and a normal count again
    expect([await run(100), await run(102), await run(98), await run(101), await run(500), await run(99)]).toEqual(['pass', 'pass', 'pass', 'pass', 'fail!', 'pass']);
    const history = await queryDb(dir, "select row_count from tsdbt_meta.row_count_history where model_id = 'model.shop.events' order by run_started_at");
    expect(history.map((h) => Number(h.row_count))).toEqual([100, 102, 98, 101, 500, 99]);
  });
});
