// dbt's names for generic tests: `not_null_orders_order_id`, `accepted_values_orders_status__a__b`,
// cut to 30 characters plus an md5 of the full name when the full name is 64 characters or longer.
import { createHash } from 'node:crypto';

/** Python's str(): dbt names come from the YAML values as Python prints them. */
function py(x: unknown): string {
  if (x === true) return 'True';
  if (x === false) return 'False';
  if (x === null || x === undefined) return 'None';
  return typeof x === 'object' ? JSON.stringify(x) : String(x);
}

function flatten(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(py);
  if (typeof v === 'object' && v !== null) return Object.values(v).map(py);
  return [py(v)];
}

/**
 * @param testType the test macro name, with the namespace prefixed (`dbt_utils_expression_is_true`)
 * @param target `orders`, or `source_<source>_<table>` for sources
 * @example synthesizeTestName('not_null', 'orders', { column_name: 'order_id' }) // 'not_null_orders_order_id'
 */
export function synthesizeTestName(testType: string, target: string, args: Record<string, unknown>): string {
  const flat: string[] = [];
  for (const key of Object.keys(args).sort()) {
    if (key === 'model') continue;
    flat.push(...flatten(args[key]));
  }
  const unique = flat.map((a) => a.replace(/[^0-9a-zA-Z_]+/g, '_')).join('__');
  const identifier = `${testType}_${target}`;
  const full = unique ? `${identifier}_${unique}` : identifier;
  if (full.length < 64) return full;
  return `${identifier.slice(0, 30)}_${createHash('md5').update(full).digest('hex')}`;
}
