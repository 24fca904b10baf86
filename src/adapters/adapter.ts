// The database seam: what materializations and the runner may ask of a warehouse. The DuckDB adapter
// implements it; connect-once / close-once lifecycle lives in the runner, not here.

export interface ColumnMeta {
  name: string;
  type: string;
}

export interface QueryResult {
  columns: ColumnMeta[];
  /** JSON-safe values (big integers that fit become numbers) */
  rows: unknown[][];
}

export interface RelationInfo {
  database: string;
  schema: string;
  name: string;
  type: 'table' | 'view';
}

export interface AdapterConnection {
  /** Run one or more statements; returns rows changed by the last one when DuckDB reports it. */
  run(sql: string): Promise<number>;
  query(sql: string): Promise<QueryResult>;
  /**
   * The first row of a query's result, values as plain numbers, booleans and strings (undefined: no
   * row): what a data test reads, without the column names and types `query` builds.
   */
  firstRow?(sql: string): Promise<unknown[] | undefined>;
  /** Interrupt the statement running on this connection (Ctrl-C). */
  interrupt(): void;
  close(): void;
}

export interface AdapterCapabilities {
  supportsTransactionalDdl: boolean;
  supportsMerge: boolean;
  supportsCreateOrReplace: boolean;
}

export interface Adapter {
  readonly type: string;
  readonly capabilities: AdapterCapabilities;
  /** the catalog name of the target database (what `ref()` renders as the first part) */
  readonly database: string;
  connect(): Promise<AdapterConnection>;
  listRelations(conn: AdapterConnection): Promise<RelationInfo[]>;
  getColumns(conn: AdapterConnection, schema: string, name: string): Promise<ColumnMeta[]>;
  quote(identifier: string): string;
  /**
   * Write what this run changed into the database file now, on the database's own threads, so the
   * caller can do other work (artifacts) meanwhile instead of waiting for it in close(). Never fails:
   * close() still checkpoints whatever is left.
   */
  checkpoint(): Promise<void>;
  close(): void;
}
