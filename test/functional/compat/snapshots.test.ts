// Snapshots end to end: `{% snapshot %}` blocks and YAML snapshots build dbt's SCD2 history across
// runs (changed, new, deleted source rows), take part in `build`, and bad configs fail clearly.
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeFiles, writeProject } from '../../helpers/project.js';

const CSV1 = 'id,status,updated_at\n1,new,2024-01-01 00:00:00\n2,new,2024-01-01 00:00:00\n3,new,2024-01-01 00:00:00\n';
const CSV2 = 'id,status,updated_at\n1,shipped,2024-01-05 00:00:00\n2,new,2024-01-01 00:00:00\n4,new,2024-01-06 00:00:00\n';
const CSV3 = 'id,status,updated_at\n1,returned,2024-01-09 00:00:00\n2,new,2024-01-01 00:00:00\n4,new,2024-01-06 00:00:00\n';

const FILES = {
  'seeds/raw_orders.csv': CSV1,
  'snapshots/orders.sql': `-- history of orders
{% snapshot orders_snapshot %}
{{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', hard_deletes='invalidate', target_schema='snapshots') }}
select * from {{ ref('raw_orders') }}
{% endsnapshot %}
`,
  'snapshots/status.yml': `snapshots:
  - name: status_snapshot
    relation: ref('raw_orders')
    config:
      unique_key: id
      strategy: check
      check_cols: [status]
`,
  'models/current_orders.sql': "select id, status from {{ ref('orders_snapshot') }} where dbt_valid_to is null\n",
};

describe('snapshots', () => {
  it('record history across runs and feed downstream models in build', async () => {
    const dir = writeProject(FILES);
    const first = await cli(dir, ['build']);
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/OK snapshotted snapshots\.orders_snapshot/);
    expect(first.output).toContain('PASS=4');
    writeFiles(dir, { 'seeds/raw_orders.csv': CSV2 });
    expect((await cli(dir, ['build'])).code).toBe(0);
    writeFiles(dir, { 'seeds/raw_orders.csv': CSV3 });
    expect((await cli(dir, ['seed'])).code).toBe(0);
    const snap = await cli(dir, ['snapshot']);
    expect(snap.code).toBe(0);
    expect(snap.output).toContain('PASS=2');
    const history = await queryDb(dir, `select id::int as id, status, dbt_valid_from::varchar as f, dbt_valid_to::varchar as t, dbt_updated_at::varchar as u,
      dbt_scd_id = md5(id::varchar || '|' || updated_at::varchar) as scd_ok
      from snapshots.orders_snapshot order by id, dbt_valid_from`);
    expect(history.map(({ t, ...r }) => ({ ...r, closed: t !== null }))).toEqual([
      { id: 1, status: 'new', f: '2024-01-01 00:00:00', u: '2024-01-01 00:00:00', scd_ok: true, closed: true },
      { id: 1, status: 'shipped', f: '2024-01-05 00:00:00', u: '2024-01-05 00:00:00', scd_ok: true, closed: true },
      { id: 1, status: 'returned', f: '2024-01-09 00:00:00', u: '2024-01-09 00:00:00', scd_ok: true, closed: false },
      { id: 2, status: 'new', f: '2024-01-01 00:00:00', u: '2024-01-01 00:00:00', scd_ok: true, closed: false },
      { id: 3, status: 'new', f: '2024-01-01 00:00:00', u: '2024-01-01 00:00:00', scd_ok: true, closed: true },
      { id: 4, status: 'new', f: '2024-01-06 00:00:00', u: '2024-01-06 00:00:00', scd_ok: true, closed: false },
    ]);
    // a changed row is closed at the new version's updated_at
    expect(history[0].t).toBe('2024-01-05 00:00:00');
    expect(history[1].t).toBe('2024-01-09 00:00:00');
    // the check-strategy YAML snapshot: one version per status change, valid_from is the snapshot time
    const checked = await queryDb(dir, 'select id::int as id, status, dbt_valid_to is null as current from main.status_snapshot order by id, dbt_valid_from');
    expect(checked).toEqual([
      { id: 1, status: 'new', current: false },
      { id: 1, status: 'shipped', current: false },
      { id: 1, status: 'returned', current: true },
      { id: 2, status: 'new', current: true },
      { id: 3, status: 'new', current: true },
      { id: 4, status: 'new', current: true },
    ]);
    expect(await queryDb(dir, 'select id::int as id, status from current_orders order by id')).toEqual([
      { id: 1, status: 'returned' }, { id: 2, status: 'new' }, { id: 4, status: 'new' },
    ]);
  });

  it('a failing snapshot keeps the previous history', async () => {
    const dir = writeProject(FILES);
    expect((await cli(dir, ['build'])).code).toBe(0);
    writeFiles(dir, { 'snapshots/orders.sql': FILES['snapshots/orders.sql'].replace('select *', 'select *, 1 / (id - id) as boom, no_such_col') });
    const r = await cli(dir, ['snapshot', '-s', 'orders_snapshot']);
    expect(r.code).toBe(1);
    expect(r.output).toContain('no_such_col');
    expect(await queryDb(dir, 'select count(*)::int as n from snapshots.orders_snapshot')).toEqual([{ n: 3 }]);
  });

  it('check_cols all picks up every column', async () => {
    const dir = writeProject({
      'seeds/raw_orders.csv': CSV1,
      'snapshots/all.sql': "{% snapshot all_snap %}\n{{ config(unique_key='id', strategy='check', check_cols='all') }}\nselect id, status from {{ ref('raw_orders') }}\n{% endsnapshot %}\n",
    });
    expect((await cli(dir, ['build'])).code).toBe(0);
    writeFiles(dir, { 'seeds/raw_orders.csv': CSV1.replace('2,new', '2,paid') });
    expect((await cli(dir, ['build'])).code).toBe(0);
    expect(await queryDb(dir, 'select id::int as id, status, dbt_valid_to is null as cur from all_snap order by id, dbt_valid_from')).toEqual([
      { id: 1, status: 'new', cur: true },
      { id: 2, status: 'new', cur: false },
      { id: 2, status: 'paid', cur: true },
      { id: 3, status: 'new', cur: true },
    ]);
  });

  it('rejects a snapshot without strategy or unique_key with file, line and a fix', async () => {
    const dir = writeProject({
      'seeds/raw_orders.csv': CSV1,
      'snapshots/bad.sql': "\n\n{% snapshot no_strategy %}\n{{ config(unique_key='id') }}\nselect 1 as id\n{% endsnapshot %}\n{% snapshot no_key %}\n{{ config(strategy='timestamp', updated_at='u') }}\nselect 1 as id\n{% endsnapshot %}\n",
      'snapshots/bad.yml': "snapshots:\n  - name: yaml_no_key\n    relation: ref('raw_orders')\n    config:\n      strategy: check\n      check_cols: all\n",
    });
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(2);
    expect(r.output).toContain("snapshots/bad.sql:3: error[P006]: snapshot 'no_strategy' has no strategy");
    expect(r.output).toMatch(/hint: add strategy='timestamp' with updated_at=/);
    expect(r.output).toContain("snapshots/bad.sql:7: error[P006]: snapshot 'no_key' has no unique_key");
    expect(r.output).toContain("snapshots/bad.yml:2");
    expect(r.output).toContain("snapshot 'yaml_no_key' has no unique_key");
  });
});
