// The bad-input corpus: at least 100 cases made by mutating the valid BASE project (truncated and
// mistyped YAML, wrong config types, unclosed Jinja, unknown macros, cycles, broken CSV seeds, SQL).
import YAML from 'yaml';
import { BASE, lineOf } from './corpus-base.js';

export interface BadCase {
  name: string;
  /** files to overwrite (string / bytes) or delete (null) */
  files: Record<string, string | Uint8Array | null>;
  /** the file the message must name */
  file: string;
  /** the line the message must name; 'any' when the parser reports where it noticed, not where it began */
  line?: number | 'any';
}

const YAML_FILES = ['project.yml', 'profiles.yml', 'models/marts/schema.yml'];
const MODELS = ['models/staging/stg_orders.sql', 'models/staging/stg_customers.sql', 'models/marts/customer_totals.sql'];

function yamlBroken(text: string): boolean {
  return YAML.parseAllDocuments(text).some((d) => 'errors' in d && d.errors.length > 0) || (YAML.parseDocument(text).errors.length > 0);
}

/** Truncations that leave invalid YAML: cut just inside each quoted string and flow collection. */
function truncations(): BadCase[] {
  const out: BadCase[] = [];
  for (const file of YAML_FILES) {
    const text = BASE[file];
    const seen = new Set<string>();
    for (let i = 0; i < text.length; i++) {
      if (!'"[{'.includes(text[i])) continue;
      const cut = text.slice(0, i + 2);
      if (seen.has(cut) || !yamlBroken(cut)) continue;
      seen.add(cut);
      out.push({ name: `truncated ${file} after ${JSON.stringify(text.slice(i - 8, i + 2))}`, files: { [file]: cut }, file });
    }
  }
  return out;
}

/** Typing mistakes in YAML: a tab indent, an unclosed bracket, a duplicated key, a missing colon in a flow map. */
function mistypedYaml(): BadCase[] {
  const out: BadCase[] = [];
  for (const file of YAML_FILES) {
    const lines = BASE[file].split('\n');
    const variants: [string, (l: string) => string | null][] = [
      ['tab indentation', (l) => (/^ {2,}\S/.test(l) ? l.replace(/^ +/, '\t') : null)],
      ['unclosed bracket', (l) => (/: \S/.test(l) && !/[[{]/.test(l) ? l.replace(/: (\S.*)$/, ': [$1') : null)],
      ['duplicated key', (l) => (/^\s*[a-z_+-]+: \S/.test(l) ? `${l}\n${l}` : null)],
    ];
    for (const [what, f] of variants) {
      let made = 0;
      for (let n = 0; n < lines.length && made < 2; n++) {
        const changed = f(lines[n]);
        if (changed === null) continue;
        const text = [...lines.slice(0, n), changed, ...lines.slice(n + 1)].join('\n');
        if (!yamlBroken(text)) continue;
        made++;
        out.push({ name: `${what} in ${file} line ${n + 1}`, files: { [file]: text }, file });
      }
    }
  }
  return out;
}

function replaceIn(file: string, from: string, to: string): string {
  const text = BASE[file];
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  return text.replace(from, to);
}

/** Config values of the wrong type, in project.yml, profiles.yml, property files and config(). */
function wrongTypes(): BadCase[] {
  const P = 'project.yml';
  const F = 'profiles.yml';
  const S = 'models/marts/schema.yml';
  const M = 'models/marts/customer_totals.sql';
  const c = (name: string, file: string, from: string, to: string, lineNeedle?: string): BadCase => {
    const text = replaceIn(file, from, to);
    return { name, files: { [file]: text }, file, line: lineNeedle ? lineOf(text, lineNeedle) : undefined };
  };
  return [
    c('project name is a list', P, 'name: shop', 'name: [shop]', 'name:'),
    c('config-version is text', P, 'config-version: 2', 'config-version: two', 'config-version'),
    c('vars is a list', P, 'vars:\n  start_id: 0\n  regions: ["north", "south"]', 'vars: [1, 2]', 'vars:'),
    c('materialized is a number', P, '+materialized: table', '+materialized: 5', '+materialized'),
    c('tags is a mapping', P, '+tags: ["mart", "daily"]', '+tags: {a: 1}', '+tags'),
    c('enabled is not a boolean', P, '+materialized: table', '+materialized: table\n    +enabled: maybe', '+enabled'),
    c('column_types is a list', P, '+column_types: {id: integer, amount: double}', '+column_types: [integer]', '+column_types'),
    c('profile is a mapping', P, 'profile: shop', 'profile: {name: shop}', 'profile:'),
    c('threads is text', F, 'threads: 2', 'threads: many', 'threads:'),
    c('path is a list', F, 'path: shop.duckdb', 'path: [shop.duckdb]', 'path:'),
    c('settings is a list', F, 'settings: {memory_limit: "1GB"}', 'settings: [1GB]', 'settings:'),
    c('unknown adapter type', F, 'type: duckdb', 'type: postgress', 'type:'),
    c('target names a missing output', F, 'target: dev', 'target: prod'),
    c('models is a mapping', S, 'models:\n  - name: customer_totals', 'models:\n  customer_totals:\n    name: customer_totals', 'customer_totals:'),
    c('columns is text', S, 'columns:\n      - name: customer\n        description: "the customer\'s name"\n        data_tests: [not_null, unique]\n      - name: orders\n        data_tests:\n          - accepted_values: {values: [1, 2, 3], quote: false}', 'columns: "customer, orders"', 'columns:'),
    c('column name is a list', S, '- name: customer\n', '- name: [customer]\n', 'name: [customer]'),
    c('description is a mapping', S, 'description: "Totals per customer, in cents"', 'description: {text: totals}', 'description:'),
    c('data_tests is a number', S, 'data_tests: [not_null, unique]', 'data_tests: 5', 'data_tests: 5'),
    c('unknown generic test', S, 'data_tests: [not_null, unique]', 'data_tests: [not_nul, unique]', 'not_nul'),
    c('accepted_values without values', S, 'accepted_values: {values: [1, 2, 3], quote: false}', 'accepted_values: {quote: false}', 'accepted_values'),
    // values given to config() are reported by file: the parser does not keep the line of the call
    c('unknown materialization in config()', M, '{% set regions', "{{ config(materialized='tabel') }}\n{% set regions"),
    c('materialized=5 in config()', M, '{% set regions', '{{ config(materialized=5) }}\n{% set regions'),
    c('incremental_strategy unknown', M, '{% set regions', "{{ config(materialized='incremental', incremental_strategy='upsert', unique_key='customer') }}\n{% set regions"),
  ];
}

/** Unclosed or broken Jinja at a known line of each model and of the macro file. */
function brokenJinja(): BadCase[] {
  const out: BadCase[] = [];
  const breaks: [string, string][] = [
    ['unclosed {{', "{{ ref('stg_orders')\n"],
    ['if without endif', '{% if true %}\n'],
    ['for without endfor', '{% for x in [1, 2] %}\n'],
    ['unclosed comment', '{# a comment that never ends\n'],
    ['stray endif', '{% endif %}\n'],
    ['set without a value', '{% set x = %}\n'],
    ['unterminated string in an expression', "{{ 'abc }}\n"],
  ];
  for (const file of MODELS) {
    const lines = BASE[file].split('\n');
    const at = Math.min(2, lines.length - 1);
    for (const [what, text] of breaks) {
      const body = [...lines.slice(0, at), text.trimEnd(), ...lines.slice(at)].join('\n');
      // an expression left open is reported where the parser noticed (the next token), not where it began
      const exact = what === 'stray endif' || what === 'set without a value';
      const noticed = what === 'unclosed {{' || what === 'unterminated string in an expression';
      // known gap: a string left open on the last line is reported without a line (see the report)
      const atEnd = what === 'unterminated string in an expression' && at === lines.length - 1;
      out.push({ name: `${what} in ${file}`, files: { [file]: body }, file, line: exact ? at + 1 : noticed && !atEnd ? 'any' : undefined });
    }
  }
  const mac = 'macros/cents.sql';
  out.push({ name: 'macro without endmacro', files: { [mac]: BASE[mac].replace('{%- endmacro %}', '') }, file: mac });
  out.push({ name: 'macro with an unclosed expression', files: { [mac]: BASE[mac].replace('({{ col }}', '({{ col ') }, file: mac });
  return out;
}

/** Unknown macros, refs, sources, vars and env vars. */
function unknownNames(): BadCase[] {
  const M = 'models/staging/stg_orders.sql';
  const c = (name: string, from: string, to: string, needle: string): BadCase => {
    const text = replaceIn(M, from, to);
    return { name, files: { [M]: text }, file: M, line: lineOf(text, needle) };
  };
  return [
    c('unknown macro', "{{ to_cents('amount') }}", '{{ no_such_macro() }}', 'no_such_macro'),
    c('misspelled macro', "{{ to_cents('amount') }}", "{{ to_cent('amount') }}", 'to_cent('),
    c('macro of an unknown package', "{{ to_cents('amount') }}", "{{ dbt_utils.star(ref('raw_orders')) }}", 'dbt_utils'),
    c('unknown ref', "{{ ref('raw_orders') }}", "{{ ref('raw_order') }}", 'raw_order'),
    c('unknown source', "{{ ref('raw_orders') }}", "{{ source('raw', 'orders') }}", 'source('),
    c('undefined var', "{{ var('start_id') }}", "{{ var('start_idx') }}", 'start_idx'),
    c('unset env var', "{{ var('start_id') }}", "{{ env_var('TSDBT_CORPUS_NOT_SET') }}", 'env_var'),
    c('calling a string', "{{ var('start_id') }}", "{{ 'abc'() }}", "'abc'()"),
    c('exceptions.raise_compiler_error', "{{ var('start_id') }}", "{{ exceptions.raise_compiler_error('stop here') }}", 'raise_compiler_error'),
    c('ref with too many arguments', "{{ ref('raw_orders') }}", "{{ ref('a', 'b', 'c') }}", "ref('a'"),
  ];
}

/** Models that reference themselves or each other in a loop. */
function cycles(): BadCase[] {
  const O = 'models/staging/stg_orders.sql';
  const C = 'models/staging/stg_customers.sql';
  const T = 'models/marts/customer_totals.sql';
  return [
    { name: 'a model refs itself', files: { [O]: replaceIn(O, "ref('raw_orders')", "ref('stg_orders')") }, file: O },
    { name: 'two models ref each other', files: { [C]: replaceIn(C, "ref('raw_customers')", "ref('customer_totals')") }, file: C },
    { name: 'a three-model loop', files: { [O]: replaceIn(O, "ref('raw_orders')", "ref('customer_totals')") }, file: T },
    { name: 'duplicate model name in two folders', files: { 'models/marts/stg_orders.sql': 'select 1 as id\n' }, file: 'stg_orders.sql' },
  ];
}

/** Seeds a CSV reader must refuse: ragged rows, bad bytes, wrong types, unclosed quotes. */
function badSeeds(): BadCase[] {
  const S = 'seeds/raw_orders.csv';
  const bytes = (s: string, ...extra: number[]) => new Uint8Array([...Buffer.from(s), ...extra]);
  return [
    { name: 'ragged row with an extra field', files: { [S]: 'id,customer,amount,region\n1,ann,10.5,north\n2,bob,20,south,extra,more\n3,ann,30,north\n' }, file: S },
    { name: 'ragged row with a missing field', files: { [S]: 'id,customer,amount,region\n1,ann,10.5,north\n2,bob\n3,ann,30,north\n' }, file: S },
    { name: 'text in an integer column', files: { [S]: 'id,customer,amount,region\n1,ann,10.5,north\nabc,bob,20,south\n' }, file: S },
    { name: 'text in a double column', files: { [S]: 'id,customer,amount,region\n1,ann,10.5,north\n2,bob,twenty,south\n' }, file: S },
    { name: 'invalid UTF-8 bytes (latin-1 mixed in)', files: { [S]: bytes('id,customer,amount,region\n1,ann,10.5,north\n2,b', 0xe9, 0xe8, ...Buffer.from('b,20,south\n')) }, file: S, line: 3 },
    { name: 'UTF-16 file', files: { [S]: new Uint8Array([0xff, 0xfe, ...Buffer.from('id,customer,amount,region\n1,ann,10.5,north\n', 'utf16le')]) }, file: S },
    { name: 'empty file', files: { [S]: '' }, file: S },
    { name: 'column_types names an unknown type', files: { 'project.yml': replaceIn('project.yml', '{id: integer, amount: double}', '{id: integr, amount: double}') }, file: S },
    { name: 'header only, then a ragged row', files: { [S]: 'id,customer,amount,region\n1,ann\n' }, file: S },
  ];
}

/** SQL DuckDB refuses: syntax, unknown column, runtime cast. */
function badSql(): BadCase[] {
  const T = 'models/marts/customer_totals.sql';
  const C = 'models/staging/stg_customers.sql';
  return [
    { name: 'SQL syntax error', files: { [C]: 'selec name as customer from {{ ref(\'raw_customers\') }}\n' }, file: C },
    { name: 'unknown column', files: { [C]: "select nme as customer, joined from {{ ref('raw_customers') }}\n" }, file: C },
    { name: 'runtime cast error', files: { [C]: "select name as customer, 'x'::date as joined from {{ ref('raw_customers') }}\n" }, file: C },
    { name: 'unknown table outside ref()', files: { [T]: BASE[T].replace("{{ ref('stg_customers') }}", 'no_such_table') }, file: T },
    { name: 'division by a string', files: { [C]: "select name as customer, joined, 1 / 'a' as x from {{ ref('raw_customers') }}\n" }, file: C },
  ];
}

/** Project-level mistakes: missing files and names. */
function projectMistakes(): BadCase[] {
  return [
    { name: 'profiles.yml missing', files: { 'profiles.yml': null }, file: 'profiles.yml' },
    { name: 'profile name not in profiles.yml', files: { 'project.yml': replaceIn('project.yml', 'profile: shop', 'profile: shopp') }, file: 'profiles.yml' },
    { name: 'project.yml empty', files: { 'project.yml': '' }, file: 'project.yml' },
    { name: 'profiles.yml empty', files: { 'profiles.yml': '' }, file: 'profiles.yml' },
    { name: 'model-paths is a number', files: { 'project.yml': `${BASE['project.yml']}model-paths: 5\n` }, file: 'project.yml' },
  ];
}

/** A ref chain of `n` models c0 <- c1 <- ... <- c(n-1), each a table over the one before. */
function chain(n: number, last: string): Record<string, string> {
  const files: Record<string, string> = { 'models/chain/c0.sql': "select 1 as n from {{ ref('stg_orders') }}\n" };
  for (let i = 1; i < n - 1; i++) files[`models/chain/c${i}.sql`] = `select n + 1 as n from {{ ref('c${i - 1}') }}\n`;
  files[`models/chain/c${n - 1}.sql`] = last;
  return files;
}

const BOM = '\ufeff';

/**
 * The extreme inputs of valid-input.test.ts, each made invalid: a 5,000-model chain broken at its end or
 * closed into a loop, files that start with a byte-order mark, reserved words and unicode in names, a
 * 1 MB single-line model.
 */
function extremeInputs(): BadCase[] {
  const O = 'models/staging/stg_orders.sql';
  const S = 'models/marts/schema.yml';
  const longLine = `select ${Array.from({ length: 60_000 }, (_, i) => `${i} as c${i}`).join(', ')}, {{ ref('no_such_model') }}.x`;
  return [
    { name: 'a 5,000-model ref chain whose last model refs a missing model', files: chain(5000, "select n from {{ ref('c5000') }}\n"), file: 'models/chain/c4999.sql', line: 1 },
    {
      name: 'a 5,000-model ref chain closed into a loop',
      files: { ...chain(5000, "select n from {{ ref('c4998') }}\n"), 'models/chain/c0.sql': "select 1 as n from {{ ref('c4999') }}\n" },
      file: 'models/chain/c',
    },
    { name: 'a model with a byte-order mark and an unknown ref', files: { [O]: BOM + replaceIn(O, "ref('raw_orders')", "ref('raw_ordrs')") }, file: O, line: lineOf(BASE[O], "ref('raw_orders')") },
    { name: 'a property file with a byte-order mark and a tab indent', files: { [S]: BOM + BASE[S].replace(/^ {4}(\S)/m, '\t$1') }, file: S },
    { name: 'a seed with a byte-order mark and a ragged row', files: { 'seeds/raw_orders.csv': `${BOM}id,customer,amount,region\n1,ann,10.5,north\n2,bob\n` }, file: 'seeds/raw_orders.csv' },
    { name: 'a model named after a reserved word with an SQL error', files: { 'models/select.sql': "select nope from {{ ref('stg_orders') }}\n" }, file: 'models/select.sql' },
    { name: 'a unicode-named model refs a missing unicode name', files: { 'models/kundenübersicht.sql': "select 1 as n from {{ ref('bestellungen_ä') }}\n" }, file: 'models/kundenübersicht.sql', line: 1 },
    { name: 'a unicode column name that does not exist', files: { 'models/größe.sql': "select \"größe\" from {{ ref('stg_orders') }}\n" }, file: 'models/größe.sql' },
    { name: 'a 1 MB single-line model with an unknown ref at its end', files: { 'models/wide.sql': longLine }, file: 'models/wide.sql', line: 1 },
  ];
}

export function corpus(): BadCase[] {
  return [...truncations(), ...mistypedYaml(), ...wrongTypes(), ...brokenJinja(), ...unknownNames(), ...cycles(), ...badSeeds(), ...badSql(), ...projectMistakes(), ...extremeInputs()];
}
