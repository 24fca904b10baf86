// Custom generic tests from `{% test %}` blocks (macros/ and tests/generic/), a project override of a
// built-in, singular tests with ref() and source(), and selecting tests by type, model and name.
import { describe, expect, it } from 'vitest';
import { cli, writeProject } from '../../helpers/project.js';
import { statuses } from './helpers.js';

const FILES = {
  'seeds/raw_customers.csv': 'id,name\n1,ann\n2,bob\n',
  'models/orders.sql': "select * from (values (1, 1, 10), (2, 2, 25), (3, 7, 31)) t(id, customer_id, amount)\n",
  'models/customers.sql': "select * from {{ source('raw', 'customers') }}\n",
  'macros/tests.sql': '{% test is_multiple_of(model, column_name, factor=5) %}\nselect * from {{ model }} where {{ column_name }} % {{ factor }} != 0\n{% endtest %}\n',
  'tests/generic/positive.sql': '{% test positive(model, column_name) %}\nselect * from {{ model }} where {{ column_name }} <= 0\n{% endtest %}\n',
  // a project macro named like a built-in replaces it everywhere
  'macros/override.sql': "{% test not_null(model, column_name) %}\nselect 1 as overridden where '{{ column_name }}' = 'id'\n{% endtest %}\n",
  'tests/assert_orders_have_customers.sql': "select o.* from {{ ref('orders') }} o left join {{ ref('customers') }} c on o.customer_id = c.id where c.id is null\n",
  'tests/assert_source_not_empty.sql': "select 1 as empty where (select count(*) from {{ source('raw', 'customers') }}) = 0\n",
  'models/schema.yml': `version: 2
sources:
  - name: raw
    schema: main
    tables:
      - name: customers
        identifier: raw_customers
        columns:
          - name: id
            data_tests: [unique]
models:
  - name: orders
    columns:
      - name: id
        data_tests: [not_null, positive]
      - name: amount
        data_tests:
          - is_multiple_of
          - is_multiple_of: {factor: 1, name: amount_is_whole}
  - name: customers
    columns:
      - name: id
        data_tests: [not_null]
`,
};

describe('custom generic and singular tests', () => {
  it('run from YAML like the built-ins and from tests/*.sql', async () => {
    const dir = writeProject(FILES);
    // the source reads the seed's table: load it first, as sources are not built by tsdbt
    expect((await cli(dir, ['seed'])).code).toBe(0);
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(1);
    expect(statuses(dir)).toMatchObject({
      'test.shop.is_multiple_of_orders_amount': 'fail',
      'test.shop.amount_is_whole': 'pass',
      'test.shop.positive_orders_id': 'pass',
      'test.shop.not_null_orders_id': 'fail', // the project's not_null returns a row for `id`
      'test.shop.not_null_customers_id': 'fail', // ... for every model
      'test.shop.source_unique_raw_customers_id': 'pass',
      'test.shop.assert_orders_have_customers': 'fail',
      'test.shop.assert_source_not_empty': 'pass',
    });
    expect(r.output).toMatch(/FAIL 1 assert_orders_have_customers/);
    expect(r.output).toMatch(/\| id \| customer_id \| amount \|\n\s+\|-+\|-+\|-+\|\n\s+\| 3\s+\| 7\s+\| 31\s+\|/);
  });

  it('selects tests by type, by the model they test and by name', async () => {
    const dir = writeProject(FILES);
    await cli(dir, ['seed']);
    expect((await cli(dir, ['build'])).code).toBe(1);
    const ids = async (args: string[]) => {
      await cli(dir, ['test', ...args]);
      return Object.keys(statuses(dir)).sort();
    };
    expect(await ids(['-s', 'test_type:singular'])).toEqual(['test.shop.assert_orders_have_customers', 'test.shop.assert_source_not_empty']);
    expect(await ids(['-s', 'customers'])).toEqual(['test.shop.assert_orders_have_customers', 'test.shop.not_null_customers_id']);
    expect(await ids(['-s', 'not_null_orders_id'])).toEqual(['test.shop.not_null_orders_id']);
    // a union: the six generic tests, and the singular test reading the source
    expect(await ids(['-s', 'test_type:generic', '-s', 'source:raw'])).toHaveLength(7);
    expect(await ids(['-s', 'test_name:is_multiple_of'])).toEqual(['test.shop.amount_is_whole', 'test.shop.is_multiple_of_orders_amount']);
  });
});
