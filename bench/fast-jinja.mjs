// Benchmark: prepare + render of 10,000 distinct typical dbt model templates with nunjucks (jinja-compat)
// and with the fast interpreter. Run `npx tsc -p tsconfig.json` first (imports dist/).
// Usage: node bench/fast-jinja.mjs [count]
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const nunjucks = require('nunjucks');
nunjucks.installJinjaCompat();
const { compileFast } = await import(new URL('../dist/templating/fast/index.js', import.meta.url).href);

const N = Number(process.argv[2] ?? 10000);
const WARM = 1000;

function model(i) {
  return `{{ config(materialized='${i % 3 === 0 ? 'table' : 'view'}', tags=['daily', 'm${i}']) }}
{%- set payment_methods = ['credit_card', 'coupon', 'bank_transfer', 'gift_card_${i}'] %}

with orders as (
    select * from {{ ref('stg_orders_${i}') }}
),
payments as (
    select * from {{ ref('stg_payments_${i % 97}') }}
)
select
    order_id,
    {% for method in payment_methods -%}
    sum(case when payment_method = '{{ method }}' then amount else 0 end) as {{ method }}_amount
    {%- if not loop.last %},{% endif %}
    {% endfor %}
from payments
where created_at >= '{{ var("start_date", "2020-01-01") }}' -- model ${i}
group by 1
`;
}

const globals = {
  config: () => '',
  ref: (name) => `"analytics"."main"."${name}"`,
  var: (name, dflt) => dflt,
};
const lookup = (name) => globals[name];
const env = new nunjucks.Environment(null, { autoescape: false });
for (const [k, v] of Object.entries(globals)) env.addGlobal(k, v);

function runNunjucks(from, to) {
  let bytes = 0;
  for (let i = from; i < to; i++) bytes += new nunjucks.Template(model(i), env, `m${i}.sql`, true).render({}).length;
  return bytes;
}
function runFast(from, to) {
  let bytes = 0;
  for (let i = from; i < to; i++) bytes += compileFast(model(i), `m${i}.sql`).render(lookup).length;
  return bytes;
}
function time(label, fn, from, to) {
  const t0 = performance.now();
  const bytes = fn(from, to);
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(30)} ${(to - from).toString().padStart(6)} templates  ${ms.toFixed(1).padStart(8)} ms  ${((ms * 1000) / (to - from)).toFixed(1).padStart(7)} µs/template  (${bytes} bytes out)`);
  return ms;
}

// identical output first
for (let i = 0; i < 50; i++) {
  const a = compileFast(model(i), 'x').render(lookup);
  const b = new nunjucks.Template(model(i), env, 'x', true).render({});
  if (a !== b) throw new Error(`output differs for template ${i}:\n${a}\n---\n${b}`);
}
let fast = 0;
const fastCold = time('fast: first 1000 (cold-ish)', runFast, 100, 100 + WARM);
fast = time('fast: warm', runFast, 100 + WARM, 100 + WARM + N);
time('nunjucks: first 1000', runNunjucks, 100, 100 + WARM);
const nj = time('nunjucks: warm', runNunjucks, 100 + WARM, 100 + WARM + N);
console.log(`speed-up (warm): ${(nj / fast).toFixed(1)}x; fast cold-ish ${((fastCold * 1000) / WARM).toFixed(1)} µs/template`);
