// What run_query() and load_result() give a template: dbt's agate Table shape. Rows and columns are
// addressable by index and by name (`row['id']`, `table.columns['id'].values()`), iterable, and
// `| length` counts their items; print_table() prints like agate.
import type { QueryResult } from '../adapters/adapter.js';
import { console as out } from '../console/console.js';

/** agate's MappedSequence: a tuple whose items are also reachable by key. */
export class MappedSequence {
  readonly length: number;
  [key: string | number]: unknown;

  constructor(items: unknown[], keys: string[]) {
    items.forEach((v, i) => (this[i] = v));
    this.length = items.length;
    Object.defineProperty(this, 'length', { enumerable: false });
    Object.defineProperty(this, '__keys', { value: keys, enumerable: false });
    keys.forEach((k, i) => {
      if (!/^\d+$/.test(k) && !(k in this)) Object.defineProperty(this, k, { value: items[i], enumerable: false });
    });
  }

  private get names(): string[] {
    return (this as unknown as { __keys: string[] }).__keys;
  }
  values(): unknown[] {
    return Array.from({ length: this.length }, (_, i) => this[i]);
  }
  keys(): string[] {
    return [...this.names];
  }
  items(): [string, unknown][] {
    return this.names.map((k, i) => [k, this[i]]);
  }
  get(key: unknown, dflt: unknown = null): unknown {
    const i = typeof key === 'number' ? key : this.names.indexOf(String(key));
    return i >= 0 && i < this.length ? this[i] : dflt;
  }
  dict(): Record<string, unknown> {
    return Object.fromEntries(this.items());
  }
  [Symbol.iterator](): Iterator<unknown> {
    return this.values()[Symbol.iterator]();
  }
}

export interface AgateColumn {
  name: string;
  data_type: string;
  values(): unknown[];
  values_distinct(): unknown[];
  values_without_nulls(): unknown[];
}

export interface AgateTable {
  column_names: string[];
  column_types: string[];
  columns: MappedSequence;
  rows: MappedSequence[];
  length: number;
  print_table(...args: unknown[]): string;
  [Symbol.iterator](): Iterator<unknown>;
}

function printable(r: QueryResult, maxRows: number): string {
  const names = r.columns.map((c) => c.name);
  const cells = r.rows.slice(0, maxRows).map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v))));
  const widths = names.map((n, i) => Math.max(n.length, ...cells.map((c) => c[i].length)));
  const line = (vals: string[]) => `| ${vals.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  const more = r.rows.length > maxRows ? ['| ... |'] : [];
  return [line(names), rule, ...cells.map(line), ...more].join('\n');
}

export function toAgate(r: QueryResult): AgateTable {
  const names = r.columns.map((c) => c.name);
  const rows = r.rows.map((row) => new MappedSequence(row, names));
  const columns = new MappedSequence(
    names.map((name, i): AgateColumn => {
      const values = () => r.rows.map((row) => row[i]);
      return {
        name,
        data_type: r.columns[i].type,
        values,
        values_distinct: () => [...new Set(values())],
        values_without_nulls: () => values().filter((v) => v !== null && v !== undefined),
      };
    }),
    names,
  );
  return {
    column_names: names,
    column_types: r.columns.map((c) => c.type),
    columns,
    rows,
    length: rows.length,
    print_table: (...args: unknown[]) => {
      const kw = args.find((a) => typeof a === 'object' && a !== null) as Record<string, unknown> | undefined;
      const max = typeof args[0] === 'number' ? args[0] : Number(kw?.max_rows ?? 20);
      out.info(printable(r, max));
      return '';
    },
    [Symbol.iterator]: () => rows[Symbol.iterator](),
  };
}
