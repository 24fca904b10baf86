// A relation (database.schema.identifier) as dbt's Jinja sees it: renders quoted, exposes attributes,
// and supports `include()` / `incorporate()` like dbt's BaseRelation.

export type RelationType = 'table' | 'view' | 'cte' | 'external' | null;

function quoteIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export class Relation {
  constructor(
    readonly database: string | null,
    readonly schema: string | null,
    readonly identifier: string,
    readonly type: RelationType = null,
    private readonly parts: { database: boolean; schema: boolean; identifier: boolean } = { database: true, schema: true, identifier: true },
  ) {}

  get name(): string {
    return this.identifier;
  }
  get table(): string {
    return this.identifier;
  }
  get is_table(): boolean {
    return this.type === 'table';
  }
  get is_view(): boolean {
    return this.type === 'view';
  }
  get is_cte(): boolean {
    return this.type === 'cte';
  }
  get is_materialized_view(): boolean {
    return false;
  }
  get path(): { database: string | null; schema: string | null; identifier: string } {
    return { database: this.database, schema: this.schema, identifier: this.identifier };
  }

  /** dbt relations are mappings with `metadata.type` (dbt_utils._is_relation checks exactly that) */
  get metadata(): { type: string } {
    return { type: 'DuckDBRelation' };
  }
  get __mapping(): boolean {
    return true;
  }
  get(key: unknown, dflt: unknown = null): unknown {
    const k = String(key);
    if (k === 'metadata') return this.metadata;
    if (k === 'path') return this.path;
    if (k === 'type') return this.type;
    return dflt;
  }

  /** dbt's `api.Relation.create(database=, schema=, identifier=, type=)` */
  static create(opts: Record<string, unknown> = {}): Relation {
    const s = (v: unknown) => (v === undefined || v === null ? null : String(v));
    return new Relation(s(opts.database), s(opts.schema), String(opts.identifier ?? opts.name ?? ''), (s(opts.type) as RelationType) ?? null);
  }

  without_identifier(): Relation {
    return this.include({ identifier: false });
  }

  replace_path(opts: Record<string, unknown> = {}): Relation {
    return this.incorporate({ path: opts });
  }

  quote(_opts: Record<string, unknown> = {}): Relation {
    return this;
  }

  render(): string {
    if (this.type === 'cte') return this.identifier;
    const out: string[] = [];
    if (this.parts.database && this.database) out.push(quoteIdent(this.database));
    if (this.parts.schema && this.schema) out.push(quoteIdent(this.schema));
    if (this.parts.identifier && this.identifier) out.push(quoteIdent(this.identifier));
    return out.join('.');
  }

  toString(): string {
    return this.render();
  }

  include(opts: Record<string, unknown> = {}): Relation {
    const { __keywords: _k, ...o } = opts;
    const p = { ...this.parts };
    for (const k of ['database', 'schema', 'identifier'] as const) if (k in o) p[k] = Boolean(o[k]);
    return new Relation(this.database, this.schema, this.identifier, this.type, p);
  }

  incorporate(opts: Record<string, unknown> = {}): Relation {
    const path = (opts.path ?? {}) as Record<string, string>;
    const type = (opts.type as RelationType | undefined) ?? this.type;
    return new Relation(path.database ?? this.database, path.schema ?? this.schema, path.identifier ?? this.identifier, type, this.parts);
  }
}
