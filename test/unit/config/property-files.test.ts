import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { loadPropertyFiles, findPropertyFiles } from '../../../src/config/property-files.js';
import { catchError, writeProject } from './fixture.js';

const SCHEMA = `version: 2

models:
  - name: orders
    description: "All orders {{ doc('orders') }}"
    config:
      materialized: table
      schema: "{{ env_var('MART_SCHEMA', 'marts') }}"
    meta: {owner: finance}
    tags: nightly
    docs: {show: true}
    data_tests:
      - dbt_utils.expression_is_true:
          expression: "amount >= 0"
    columns:
      - name: order_id
        description: key
        data_type: integer
        quote: false
        tags: [pk]
        meta: {pii: false}
        tests: [unique, not_null]
      - name: status
        data_tests:
          - accepted_values:
              values: ['placed', 'shipped']

seeds:
  - name: countries
    config: {delimiter: ";"}

snapshots:
  - name: products_snapshot
    description: history

analyses:
  - name: adhoc
    description: an analysis

macros:
  - name: cents_to_dollars
    description: converts
    arguments:
      - name: column_name
        type: string
        description: the column

exposures:
  - name: dashboard
    type: dashboard
    owner: {email: a@b.c}
metrics: []
groups: []
semantic_models: []
`;

const SOURCES = `version: 2
sources:
  - name: raw
    database: lake
    loader: csv
    loaded_at_field: _loaded_at
    freshness:
      warn_after: {count: 12, period: hour}
    meta:
      external_location: "data/{name}.csv"
    tables:
      - name: orders
        columns:
          - name: id
            tests: [unique]
      - name: items
        identifier: order_items_v2
        freshness: null
      - name: events
        config:
          external_location: "s3://bucket/{identifier}.parquet"
  - name: web
    schema: analytics_web
    tables:
      - name: sessions
        meta: {external_location: "web/sessions.parquet"}

unit_tests:
  - name: test_orders_amount
    model: orders
    given:
      - input: ref('stg_orders')
        rows:
          - {id: 1, amount: 10}
      - input: source('raw', 'items')
        format: csv
        rows: |
          id,amount
          1,10
    expect:
      rows:
        - {id: 1, amount: 10}
    overrides:
      vars: {run_date: '2020-01-01'}
`;

describe('loadPropertyFiles', () => {
  test('models, seeds, snapshots, analyses, macros with columns, tests and locations', () => {
    const root = writeProject({ 'models/marts/schema.yml': SCHEMA, 'models/notes.txt': 'x', 'models/.hidden/x.yml': 'bad: [' });
    const pf = loadPropertyFiles(root, ['models'], { render: { env: {}, vars: {} } });
    expect(pf.files).toEqual(['models/marts/schema.yml']);
    const orders = pf.entries.find((e) => e.name === 'orders')!;
    expect(orders).toMatchObject({
      kind: 'models',
      description: "All orders {{ doc('orders') }}",
      config: { materialized: 'table', schema: 'marts' },
      meta: { owner: 'finance' },
      tags: ['nightly'],
      docs: { show: true },
      tests: [{ 'dbt_utils.expression_is_true': { expression: 'amount >= 0' } }],
      location: { file: 'models/marts/schema.yml', line: 4, column: 5 },
    });
    expect(orders.columns[0]).toEqual({
      name: 'order_id', description: 'key', data_type: 'integer', quote: false, tags: ['pk'], meta: { pii: false },
      tests: ['unique', 'not_null'], location: { file: 'models/marts/schema.yml', line: 16, column: 9 },
    });
    expect(orders.columns[1]!.tests).toEqual([{ accepted_values: { values: ['placed', 'shipped'] } }]);
    expect(pf.entries.map((e) => `${e.kind}:${e.name}`)).toEqual([
      'models:orders', 'seeds:countries', 'snapshots:products_snapshot', 'analyses:adhoc', 'macros:cents_to_dollars',
    ]);
    expect(pf.entries.find((e) => e.kind === 'seeds')!.config).toEqual({ delimiter: ';' });
    expect(pf.entries.find((e) => e.kind === 'macros')!.arguments).toEqual([{ name: 'column_name', type: 'string', description: 'the column' }]);
  });

  test('sources: schema defaults to the name, freshness and loaded_at_field inherit, external_location', () => {
    const root = writeProject({ 'models/staging/_sources.yml': SOURCES });
    const pf = loadPropertyFiles(root, ['models']);
    const [raw, web] = pf.sources;
    expect(raw).toMatchObject({ name: 'raw', schema: 'raw', database: 'lake', loader: 'csv', external_location: 'data/{name}.csv' });
    expect(raw!.location).toEqual({ file: 'models/staging/_sources.yml', line: 3, column: 5 });
    const [orders, items, events] = raw!.tables;
    expect(orders).toMatchObject({ name: 'orders', external_location: 'data/orders.csv', loaded_at_field: '_loaded_at', freshness: { warn_after: { count: 12, period: 'hour' } } });
    expect(orders!.columns[0]!.tests).toEqual(['unique']);
    expect(items).toMatchObject({ identifier: 'order_items_v2', external_location: 'data/items.csv', freshness: null });
    expect(events!.external_location).toBe('s3://bucket/events.parquet');
    expect(web).toMatchObject({ schema: 'analytics_web' });
    expect(web!.tables[0]!.external_location).toBe('web/sessions.parquet');
    expect(pf.unitTests[0]).toMatchObject({
      name: 'test_orders_amount', model: 'orders',
      given: [{ input: "ref('stg_orders')", rows: [{ id: 1, amount: 10 }] }, { input: "source('raw', 'items')", format: 'csv', rows: 'id,amount\n1,10\n' }],
      expect: { rows: [{ id: 1, amount: 10 }] },
      overrides: { vars: { run_date: '2020-01-01' } },
    });
  });

  test('finds .yml and .yaml files under several folders, sorted', () => {
    const root = writeProject({ 'models/a.yaml': 'version: 2\n', 'seeds/b/c.yml': 'version: 2\n', 'snapshots/d.yml': '' });
    expect(findPropertyFiles(root, ['models', 'seeds', 'snapshots', 'missing'])).toEqual(['models/a.yaml', 'seeds/b/c.yml', 'snapshots/d.yml']);
    expect(loadPropertyFiles(root, ['models', 'seeds', 'snapshots']).entries).toEqual([]);
  });
});

describe('property file errors', () => {
  const load = (text: string) => {
    const root = writeProject({ 'models/schema.yml': text });
    return catchError(() => loadPropertyFiles(root, ['models']));
  };

  test('unknown key in a model, with did-you-mean and position', () => {
    const { err, text } = load('version: 2\nmodels:\n  - name: orders\n    descripton: x\n');
    expect(err.code).toBe('C002');
    expect(text).toContain('models/schema.yml:4:5: error[C002]: unknown key `descripton` in model `orders` (models/schema.yml)');
    expect(text).toContain('did you mean `description`');
  });

  test('unknown key in a column and in a source table', () => {
    let r = load('models:\n  - name: orders\n    columns:\n      - name: id\n        test: [unique]\n');
    expect(r.text).toContain('models/schema.yml:5:9: error[C002]: unknown key `test` in column `id` of model `orders`');
    expect(r.text).toContain('`tests`');
    r = load('sources:\n  - name: raw\n    tables:\n      - name: t\n        identifer: x\n');
    expect(r.text).toContain('models/schema.yml:5:9');
    expect(r.text).toContain('did you mean `identifier`');
  });

  test('unknown top-level key, wrong version, wrong types', () => {
    let r = load('version: 2\nmodel:\n  - name: x\n');
    expect(r.text).toContain('models/schema.yml:2:1: error[C002]: unknown key `model`');
    expect(r.text).toContain('did you mean `models`');
    r = load('version: 1\n');
    expect(r.text).toContain('models/schema.yml:1:10');
    expect(r.err.message).toContain('`version` must be 2');
    r = load('models:\n  name: x\n');
    expect(r.err.message).toContain('`models` must be a list of entries, got a mapping');
    r = load('models:\n  - name: x\n    tags: {a: 1}\n');
    expect(r.text).toContain('models/schema.yml:3:11');
    expect(r.err.message).toContain('`models[0].tags` must be a string or a list of strings, got a mapping');
    r = load('models:\n  - description: no name\n');
    expect(r.err.message).toContain('has no `name:`');
    r = load('models:\n  - name: x\n    tests: [a]\n    data_tests: [b]\n');
    expect(r.err.message).toContain('both `tests:` and `data_tests:`');
  });

  test('the same model in two files is P005 naming both files', () => {
    const root = writeProject({
      'models/a.yml': 'version: 2\nmodels:\n  - name: orders\n',
      'models/b.yml': 'version: 2\nmodels:\n\n  - name: customers\n  - name: orders\n',
    });
    const { err, text } = catchError(() => loadPropertyFiles(root, ['models']));
    expect(err.code).toBe('P005');
    expect(text).toContain('models/b.yml:5:5: error[P005]: model `orders` is described twice: in models/a.yml:3:5 and in models/b.yml:5:5');
  });

  test('the same source twice and a source table listed twice are P005', () => {
    const root = writeProject({ 'models/a.yml': 'sources:\n  - name: raw\n', 'models/b.yml': 'sources:\n  - name: raw\n' });
    expect(catchError(() => loadPropertyFiles(root, ['models'])).err.message).toContain('source `raw` is described twice');
    const r = load('sources:\n  - name: raw\n    tables:\n      - name: t\n      - name: t\n');
    expect(r.err.code).toBe('P005');
    expect(r.text).toContain('models/schema.yml:5:9');
  });

  test('a missing env var in a property file names the file and var; descriptions are not rendered', () => {
    const r = load("models:\n  - name: x\n    description: \"{{ env_var('NOT_RENDERED') }}\"\n    config:\n      schema: \"{{ env_var('MISSING_SCHEMA') }}\"\n");
    expect(r.err.message).toBe('env var `MISSING_SCHEMA` is not set and has no default (used in models/schema.yml)');
    expect(r.text).toContain('models/schema.yml:5:15');
  });
});

describe('property cache', () => {
  test('an unchanged file is read from the cache file; a changed file is parsed again', () => {
    const root = writeProject({ 'models/a.yml': 'models:\n  - name: one\n' });
    const cacheFile = path.join(root, 'target/partial_parse_yaml.json');
    expect(loadPropertyFiles(root, ['models'], { cacheFile }).entries.map((e) => e.name)).toEqual(['one']);
    expect(fs.existsSync(cacheFile)).toBe(true);
    const second = loadPropertyFiles(root, ['models'], { cacheFile });
    second.entries[0]!.name = 'mutated';
    expect(loadPropertyFiles(root, ['models'], { cacheFile }).entries.map((e) => e.name)).toEqual(['one']);
    fs.writeFileSync(path.join(root, 'models/a.yml'), 'models:\n  - name: two\n');
    expect(loadPropertyFiles(root, ['models'], { cacheFile }).entries.map((e) => e.name)).toEqual(['two']);
  });

  test('rendered values are re-rendered when the environment changes', () => {
    const root = writeProject({ 'models/a.yml': "models:\n  - name: one\n    config: {schema: \"{{ env_var('S') }}\"}\n" });
    const cacheFile = path.join(root, 'target/c.json');
    const schema = (S: string) => loadPropertyFiles(root, ['models'], { cacheFile, render: { env: { S }, vars: {} } }).entries[0]!.config.schema;
    expect(schema('a')).toBe('a');
    expect(schema('b')).toBe('b');
  });
});
