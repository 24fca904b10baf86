// The valid project every bad-input case is mutated from: YAML with flow collections and quoted
// strings (so truncations break it), Jinja with blocks, a macro, seeds, property files and tests.
export const BASE: Record<string, string> = {
  'project.yml': `name: shop
profile: shop
version: '1.0'
config-version: 2
vars:
  start_id: 0
  regions: ["north", "south"]
models:
  shop:
    +materialized: table
    marts:
      +tags: ["mart", "daily"]
seeds:
  shop:
    raw_orders:
      +column_types: {id: integer, amount: double}
`,
  'profiles.yml': `shop:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: shop.duckdb
      schema: main
      threads: 2
      settings: {memory_limit: "1GB"}
`,
  'macros/cents.sql': `{% macro to_cents(col) -%}
  ({{ col }} * 100)::bigint
{%- endmacro %}
`,
  'seeds/raw_orders.csv': 'id,customer,amount,region\n1,ann,10.5,north\n2,bob,20,south\n3,ann,30,north\n',
  'seeds/raw_customers.csv': 'name,joined\nann,2024-01-01\nbob,2024-02-03\n',
  'models/staging/stg_orders.sql': `{{ config(materialized='view') }}
select
  id,
  customer,
  {{ to_cents('amount') }} as cents,
  region
from {{ ref('raw_orders') }}
where id > {{ var('start_id') }}
`,
  'models/staging/stg_customers.sql': `select name as customer, joined from {{ ref('raw_customers') }}
`,
  'models/marts/customer_totals.sql': `{% set regions = var('regions') %}
select
  c.customer,
  {% for r in regions %}
  sum(case when o.region = '{{ r }}' then o.cents else 0 end) as {{ r }}_cents,
  {% endfor %}
  count(*) as orders
from {{ ref('stg_customers') }} c
join {{ ref('stg_orders') }} o using (customer)
group by 1
`,
  'models/marts/schema.yml': `version: 2
models:
  - name: customer_totals
    description: "Totals per customer, in cents"
    columns:
      - name: customer
        description: "the customer's name"
        data_tests: [not_null, unique]
      - name: orders
        data_tests:
          - accepted_values: {values: [1, 2, 3], quote: false}
`,
};

/** The line (1-based) of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not in text`);
  return text.slice(0, i).split('\n').length;
}
