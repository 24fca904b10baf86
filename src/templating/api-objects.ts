// dbt's `api` context object (api.Relation, api.Column) and the Column objects
// adapter.get_columns_in_relation() returns, with dbt's type predicates (is_string(), is_number() ...).
import { Relation } from './relation.js';
import { bindArgs } from './jinja-args.js';

export class Column {
  readonly char_size: number | null;
  readonly numeric_precision: number | null;
  readonly numeric_scale: number | null;

  constructor(
    readonly name: string,
    readonly dtype: string,
  ) {
    const m = /\((\d+)(?:\s*,\s*(\d+))?\)/.exec(dtype);
    const isText = this.is_string();
    this.char_size = isText && m ? Number(m[1]) : null;
    this.numeric_precision = !isText && m ? Number(m[1]) : null;
    this.numeric_scale = !isText && m && m[2] !== undefined ? Number(m[2]) : null;
  }

  get column(): string {
    return this.name;
  }
  get data_type(): string {
    return this.dtype;
  }
  get quoted(): string {
    return `"${this.name.replace(/"/g, '""')}"`;
  }
  private get base(): string {
    return this.dtype.toLowerCase().replace(/\(.*$/, '').trim();
  }
  is_string(): boolean {
    return ['varchar', 'text', 'string', 'char', 'character varying', 'bpchar', 'character'].includes(this.base);
  }
  is_integer(): boolean {
    return ['integer', 'int', 'bigint', 'smallint', 'tinyint', 'hugeint', 'ubigint', 'uinteger', 'usmallint', 'utinyint', 'int4', 'int8', 'int2', 'long'].includes(this.base);
  }
  is_float(): boolean {
    return ['double', 'float', 'real', 'float4', 'float8', 'double precision'].includes(this.base);
  }
  is_numeric(): boolean {
    return ['decimal', 'numeric'].includes(this.base);
  }
  is_number(): boolean {
    return this.is_integer() || this.is_float() || this.is_numeric();
  }
  string_size(): number {
    if (!this.is_string()) throw new Error(`Called string_size() on non-string field ${this.name}`);
    return this.char_size ?? 256;
  }
  can_expand_to(other: Column): boolean {
    return this.is_string() && other.is_string() && this.string_size() < other.string_size();
  }
  literal(value: unknown): string {
    return `${String(value)}::${this.dtype}`;
  }
  toString(): string {
    return `<Column ${this.name} (${this.dtype})>`;
  }

  static create(...args: unknown[]): Column {
    const a = bindArgs(['name', 'label_or_dtype'], args);
    return new Column(String(a.name), String(a.label_or_dtype ?? a.dtype ?? 'varchar'));
  }
  /** dbt's Column.TYPE_LABELS translation (what type_string() & co. return) */
  static translate_type(dtype: unknown): string {
    const labels: Record<string, string> = { STRING: 'TEXT', TIMESTAMP: 'TIMESTAMP', FLOAT: 'FLOAT', INTEGER: 'INT', BOOLEAN: 'BOOLEAN' };
    return labels[String(dtype).toUpperCase()] ?? String(dtype);
  }
  static string_type(size: unknown): string {
    return size ? `varchar(${String(size)})` : 'varchar';
  }
  static numeric_type(dtype: unknown, precision: unknown, scale: unknown): string {
    return precision === null || precision === undefined ? String(dtype) : `${String(dtype)}(${String(precision)},${String(scale)})`;
  }
}

export function apiObject() {
  return {
    Relation: {
      create: (...args: unknown[]) => Relation.create(bindArgs(['database', 'schema', 'identifier', 'type'], args)),
    },
    Column,
  };
}
