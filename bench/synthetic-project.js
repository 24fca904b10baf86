// Writes a synthetic tsdbt project for the benchmarks: N models in a random layered ref() DAG, Jinja in
// every model, one project macro, and two generic tests (unique, not_null) per model in property YAML.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Small deterministic PRNG (mulberry32) so every run benchmarks the same project. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const modelName = (i) => `m${String(i).padStart(5, '0')}`;

/**
 * generateProject({ dir, models, layers?, seed?, materialized? }) -> { dir, models: string[], parents: Map }
 * Models of layer 0 select from a generated range; each later model refs 1-3 models of earlier layers.
 */
export function generateProject({ dir, models, layers = 10, seed = 7, materialized = 'table', rows = 100 }) {
  rmSync(dir, { recursive: true, force: true });
  const rand = rng(seed);
  const perLayer = Math.ceil(models / layers);
  const names = [];
  const parents = new Map();
  const files = {
    'project.yml': `name: bench\nprofile: bench\nversion: '1.0'\nconfig-version: 2\nvars:\n  scale: 3\nmodels:\n  bench:\n    +materialized: ${materialized}\n`,
    'profiles.yml': `bench:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: bench.duckdb\n      schema: main\n      threads: 1\n`,
    'macros/scaled.sql': `{% macro scaled(col, factor=2) -%}\n  ({{ col }} * {{ factor }} + {{ var('scale') }})\n{%- endmacro %}\n`,
  };
  const yamlByLayer = [];
  for (let i = 0; i < models; i++) {
    const layer = Math.floor(i / perLayer);
    const name = modelName(i);
    names.push(name);
    let sql;
    if (layer === 0) {
      parents.set(name, []);
      sql = `{{ config(tags=['layer0']) }}\nselect range as id, {{ scaled('range') }} as v\nfrom range({{ ${rows} }})\n`;
    } else {
      const lo = 0;
      const hi = layer * perLayer;
      const k = 1 + Math.floor(rand() * 3);
      const ps = new Set();
      while (ps.size < k) ps.add(modelName(lo + Math.floor(rand() * (hi - lo))));
      const list = [...ps];
      parents.set(name, list);
      const [first, ...rest] = list;
      sql = `-- layer ${layer}\n{% set cols = ['id', 'v'] %}\nselect p0.id, {{ scaled('p0.v', ${1 + (i % 5)}) }} as v{% for c in cols %}{% if c != 'id' %}, p0.{{ c }} as {{ c }}_prev{% endif %}{% endfor %}\nfrom {{ ref('${first}') }} as p0\n`;
      rest.forEach((p, j) => {
        sql += `left join {{ ref('${p}') }} as p${j + 1} using (id)\n`;
      });
      if (i % 7 === 0) sql += `{% if var('scale') > 1 %}where p0.id >= 0{% endif %}\n`;
    }
    files[`models/layer${layer}/${name}.sql`] = sql;
    (yamlByLayer[layer] ??= []).push(name);
  }
  yamlByLayer.forEach((list, layer) => {
    let y = 'version: 2\nmodels:\n';
    for (const name of list) {
      y += `  - name: ${name}\n    description: synthetic model ${name}\n    columns:\n      - name: id\n        data_tests:\n          - unique\n          - not_null\n`;
    }
    files[`models/layer${layer}/_layer${layer}.yml`] = y;
  });
  for (const [p, content] of Object.entries(files)) {
    const abs = join(dir, p);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, content);
  }
  return { dir, models: names, parents };
}
