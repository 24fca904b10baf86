// manifest.json depends_on.macros: the project and package macros a node calls.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, writeProject } from '../helpers/project.js';

const SEED = { 'seeds/raw.csv': 'id,amount\n1,10\n2,20\n' };

describe('manifest depends_on.macros', () => {
  it('lists the project and package macros a model calls (directly)', async () => {
    const dir = writeProject({
      ...SEED,
      'macros/cents.sql': "{% macro to_cents(col) %}({{ col }} * 100)::bigint{% endmacro %}\n{% macro double_cents(col) %}{{ to_cents(col) }} * 2{% endmacro %}\n",
      'dbt_packages/mini_utils/dbt_project.yml': "name: mini_utils\nversion: '1.0.0'\nconfig-version: 2\n",
      'dbt_packages/mini_utils/macros/pct.sql': '{% macro pct(col) %}({{ col }} / 100.0){% endmacro %}\n',
      'models/a.sql': "select id, {{ to_cents('amount') }} as c from {{ ref('raw') }}\n",
      'models/b.sql': "select id, {{ double_cents('amount') }} as c, {{ mini_utils.pct('amount') }} as p, {{ pct('amount') }} as q from {{ ref('raw') }}\n",
      'models/c.sql': "select 1 as id\n",
    });
    for (const cmd of ['parse', 'parse']) {
      // the second parse reuses the partial-parse cache: the macros must survive it
      expect((await cli(dir, [cmd])).code).toBe(0);
      const nodes = JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8')).nodes;
      expect(nodes['model.shop.a'].depends_on.macros).toEqual(['macro.shop.to_cents']);
      expect(nodes['model.shop.b'].depends_on.macros).toEqual(['macro.shop.double_cents', 'macro.mini_utils.pct']);
      expect(nodes['model.shop.c'].depends_on.macros).toEqual([]);
    }
  });
});
