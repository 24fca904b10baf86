// The fast YAML reader either declines a file or reads exactly what the `yaml` package reads (values
// and key positions): a corpus of edge cases, the repo's property files and seeded random files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { parseFastYaml } from '../../../src/config/yaml-fast.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** What `yaml` says: the value, and every mapping key's position by path. */
function reference(text: string) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const keys = new Map<string, { line: number; col: number }>();
  // keys inside one-line flow maps (`{a: 1}`) are not recorded by the fast reader: locate() falls back
  const walk = (n: unknown, path: (string | number)[]) => {
    if (isMap(n) && !n.flow) {
      for (const p of n.items) {
        if (!isPair(p) || !isScalar(p.key)) continue;
        const k = String(p.key.value);
        keys.set([...path, k].join('\0'), lines.linePos((p.key as Node).range![0]));
        walk(p.value, [...path, k]);
      }
    } else if (isSeq(n)) n.items.forEach((x, i) => walk(x, [...path, i]));
  };
  walk(doc.contents, []);
  return { ok: doc.errors.length === 0, value: doc.toJS(), keys };
}

function check(text: string): boolean {
  const fast = parseFastYaml(text);
  if (!fast) return false;
  const ref = reference(text);
  expect(ref.ok, `fast reader accepted invalid YAML:\n${text}`).toBe(true);
  expect(fast.value, text).toEqual(ref.value);
  expect(Object.fromEntries(fast.keys), text).toEqual(Object.fromEntries(ref.keys));
  return true;
}

const CASES = [
  'version: 2\nmodels:\n  - name: a\n    description: plain text, with commas\n    columns:\n      - name: id\n        data_tests:\n          - unique\n          - not_null\n',
  "models:\n- name: a\n  config: {materialized: table, tags: 'x'}\n  tags: [a, 'b c', \"d\"]\n",
  'a: 1\nb: -2.5\nc: 1e3\nd: .inf\ne: ~\nf: null\ng: True\nh: 0x1F\ni: 0o17\nj: 010\nk: 1_000\nl: yes\nm: 2024-01-01\n',
  "a: 'it''s'\nb: \"tab\\tquote\\\"\"\nc: 'has # hash'\nd: x # comment\ne: #only comment\n",
  'a: |\n  line one\n    indented\n\n  after blank\nb: >\n  folded\n  text\n\n  para\nc: |-\n  stripped\nd: >-\n  x\n  y\n',
  'list:\n- a\n-\n  - nested\n- k: v\n  k2: v2\n- b\n',
  'a:\n  b:\n    c: 1\n  d: 2\ne: 3\n',
  '# only a comment\n',
  '',
  'a: b: c\n',
  'a: 1\na: 2\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  "a: 'unterminated\n",
  'a: multi\n  line plain\n',
  'a: [1, [2]]\n',
  'description: "{{ doc(\'x\') }}"\n',
  '---\na: 1\n',
  'key with spaces: 1\n"quoted key": 2\n',
  'a: "\\u00e9"\n',
  '- top\n- level\n',
  'a: -\n',
  'a: [x, y,]\n',
  'a:   spaced   \nb: "x" \n',
  'x:\n  - a: 1\n    b:\n      - c\n  - d: 2\n',
];

function* yamlFiles(dir: string): Generator<string> {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (f === 'node_modules' || f.startsWith('.') || f === 'target' || f === 'dist') continue;
    if (statSync(p).isDirectory()) yield* yamlFiles(p);
    else if (/\.ya?ml$/.test(f)) yield p;
  }
}

function rng(seed: number) {
  let a = seed;
  return () => ((a = (a * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

describe('fast YAML reader', () => {
  it('reads the edge cases like `yaml`, or declines them', () => {
    const accepted = CASES.filter(check).length;
    expect(accepted).toBeGreaterThan(12);
    for (const bad of ['a: b: c\n', 'a: 1\na: 2\n', 'a: &x 1\nb: *x\n', "a: 'unterminated\n", 'a: multi\n  line plain\n']) expect(parseFastYaml(bad)).toBeUndefined();
  });

  it('reads the property files of the benchmark project (and of this repo) like `yaml`', async () => {
    const { generateProject } = (await import('../../../bench/synthetic-project.js')) as { generateProject: (o: { dir: string; models: number }) => unknown };
    const dir = tempDir('tsdbt-yaml-');
    generateProject({ dir, models: 50 });
    const files = [...yamlFiles(dir)].filter((f) => !f.endsWith('project.yml') && !f.endsWith('profiles.yml'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(check(readFileSync(f, 'utf8')), f).toBe(true);
    for (const f of yamlFiles(join(__dirname, '../../..'))) check(readFileSync(f, 'utf8'));
  });

  it('reads seeded random property files like `yaml`', () => {
    const r = rng(42);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const scalars = ['x', '1', '-3', '2.50', 'true', 'False', '~', 'null', "'q''s'", '"d\\"q"', 'a b c', 'x # c', '[a, b]', '{k: v, n: 1}', '0x1A', '.nan', 'y-m', 'some_thing', '"" ', "''"];
    for (let n = 0; n < 300; n++) {
      let y = 'version: 2\nmodels:\n';
      const models = 1 + Math.floor(r() * 4);
      for (let m = 0; m < models; m++) {
        y += `  - name: m${m}\n    description: ${pick(scalars)}\n`;
        if (r() < 0.5) y += `    config:\n      materialized: ${pick(['table', 'view'])}\n      tags: ${pick(scalars)}\n`;
        if (r() < 0.3) y += '    meta:\n      owner: |\n        someone\n        else\n';
        y += '    columns:\n';
        for (let c = 0; c < 1 + Math.floor(r() * 3); c++) {
          y += `      - name: c${c}\n        data_tests:\n          - unique\n          - accepted_values:\n              values: ${pick(['[a, b]', "['x', 'y']", '[1, 2]'])}\n`;
          if (r() < 0.3) y += `        description: ${pick(scalars)}\n`;
        }
      }
      check(y);
    }
  });
});
