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
// wall time, and CPU time of the whole process (includes V8's background JIT and GC threads)
function time(label, fn, from, to) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const bytes = fn(from, to);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1000;
  const per = (x) => ((x * 1000) / (to - from)).toFixed(1).padStart(7);
  console.log(`${label.padEnd(22)} ${(to - from).toString().padStart(6)} templates  wall ${ms.toFixed(0).padStart(6)} ms = ${per(ms)} µs/template   cpu ${cpu.toFixed(0).padStart(6)} ms  (${bytes} bytes out)`);
  return ms;
}

// cold: the first N templates after start-up (what a compile of a fresh project pays), then warm
const fastCold = time('fast: cold, first N', runFast, 0, N);
const fastWarm = time('fast: warm, next N', runFast, N, 2 * N);
const njCold = time('nunjucks: first N', runNunjucks, 0, N);
const njWarm = time('nunjucks: next N', runNunjucks, N, 2 * N);
console.log(`speed-up: cold ${(njCold / fastCold).toFixed(1)}x, warm ${(njWarm / fastWarm).toFixed(1)}x`);

// and the outputs are identical
for (let i = 0; i < 200; i++) {
  const a = compileFast(model(i), 'x').render(lookup);
  const b = new nunjucks.Template(model(i), env, 'x', true).render({});
  if (a !== b) throw new Error(`output differs for template ${i}:\n${a}\n---\n${b}`);
}
console.log('outputs identical for 200 templates');
