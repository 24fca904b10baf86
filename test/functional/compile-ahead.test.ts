// Compile-ahead: while one node's statements run, the runner renders the next nodes early. A render
// that looks at the database, the clock or prints must still happen on its node's turn and see what
// the nodes before it built; these models read what `a` (run just before them) left.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT, cli, queryDb, writeProject } from '../helpers/project.js';

// `a` takes a moment, so the models after it are rendered ahead while it runs
const A = 'select range as id from range(300000)\n';
const TABLES = `${DEFAULT_PROJECT}models:\n  +materialized: table\n`;

describe('compile-ahead (--threads 1)', () => {
  it('a model that queries, inspects relations or logs renders on its turn and sees the nodes built before it', async () => {
    const dir = writeProject({
      'project.yml': TABLES,
      'models/a.sql': A,
      'models/b_query.sql': "{% set r = run_query(\"select count(*) from information_schema.tables where table_name = 'a'\") %}\nselect {{ r.rows[0][0] if execute else -1 }} as a_tables\n",
      'models/c_relation.sql': "{% set rel = adapter.get_relation(database=this.database, schema=this.schema, identifier='a') %}\nselect {{ 1 if rel is not none else 0 }} as a_exists\n",
      'models/d_log.sql': "{{ log('rendering d_log', info=True) }}\nselect 1 as x\n",
      'models/e_plain.sql': "select count(*) as n from {{ ref('a') }}\n",
      'models/schema.yml': 'version: 2\nmodels:\n  - name: a\n    columns:\n      - name: id\n        data_tests: [not_null, unique]\n',
    });
    const r = await cli(dir, ['build', '--threads', '1']);
    expect(r.code, r.output).toBe(0);
    expect(await queryDb(dir, 'select a_tables::int as v from b_query')).toEqual([{ v: 1 }]);
    expect(await queryDb(dir, 'select a_exists::int as v from c_relation')).toEqual([{ v: 1 }]);
    expect(await queryDb(dir, 'select n::int as n from e_plain')).toEqual([{ n: 300000 }]);
    // at run time the log line is printed once, inside its own node's START ... OK (parsing printed it too)
    const lines = r.output.split('\n').slice(r.output.split('\n').findIndex((l) => l.includes('Concurrency')));
    const start = lines.findIndex((l) => /START sql table model main\.d_log/.test(l));
    const logged = lines.flatMap((l, i) => (l.includes('rendering d_log') ? [i] : []));
    const done = lines.findIndex((l) => /OK created sql table model main\.d_log/.test(l));
    expect(logged.length, r.output).toBe(1);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(logged[0]).toBeGreaterThan(start);
    expect(done).toBeGreaterThan(logged[0]);
  });

  it('a render that fails ahead of time fails on its turn with the usual error, after the nodes before it ran', async () => {
    const dir = writeProject({
      'project.yml': TABLES,
      'models/a.sql': A,
      'models/b_broken.sql': "{% if execute %}{{ exceptions.raise_compiler_error('boom at run time') }}{% endif %}\nselect 1 as x\n",
    });
    const r = await cli(dir, ['build', '--threads', '1']);
    expect(r.code, r.output).toBe(1);
    expect(r.output).toMatch(/OK created sql table model main\.a/);
    expect(r.output).toMatch(/b_broken/);
    expect(r.output).toMatch(/boom at run time/);
    expect(await queryDb(dir, 'select count(*)::int as n from a')).toEqual([{ n: 300000 }]);
  });
});
