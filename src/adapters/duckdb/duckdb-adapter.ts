// The DuckDB adapter: one database instance per run, one connection per runner thread, extensions and
// settings from the profile, and DuckDB's errors turned into messages a user can act on.
import { sqlString } from '../sql-literal.js';
import { DuckDBInstance, ResultReturnType, type DuckDBConnection } from './duckdb-api.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Adapter, AdapterConnection, ColumnMeta, QueryResult, RelationInfo } from '../adapter.js';
import type { TargetConfig } from '../../config/types.js';
import { TsdbtError } from '../../errors/tsdbt-error.js';
import { plainValue, toQueryResult } from './duckdb-values.js';
import { connectionId, logged } from '../../reliability/statement-log.js';

export function quoteIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

class DuckDBConn implements AdapterConnection {
  private readonly id = connectionId();
  constructor(private readonly conn: DuckDBConnection) {}
  async run(sql: string): Promise<number> {
    // INSERT / MERGE / DELETE report their count as changed rows; CREATE TABLE AS only in its one-row
    // `Count` result, read from memory (the result is materialized: no round trip to DuckDB's thread)
    const r = await logged(this.id, sql, () => this.conn.run(sql));
    if (r.returnType === ResultReturnType.CHANGED_ROWS) return Number(r.rowsChanged);
    if (r.columnCount === 1 && r.columnName(0) === 'Count' && r.chunkCount > 0) {
      const chunk = r.getChunk(0);
      if (chunk.rowCount === 1) return Number(chunk.getColumnValues(0)[0]);
    }
    return 0;
  }
  async query(sql: string): Promise<QueryResult> {
    return toQueryResult(await logged(this.id, sql, () => this.conn.run(sql)));
  }
  async firstRow(sql: string): Promise<unknown[] | undefined> {
    const r = await logged(this.id, sql, () => this.conn.run(sql));
    if (r.chunkCount === 0) return undefined;
    const chunk = r.getChunk(0);
    return chunk.rowCount === 0 ? undefined : chunk.getRowValues(0).map(plainValue);
  }
  interrupt(): void {
    this.conn.interrupt();
  }
  close(): void {
    this.conn.closeSync();
  }
}

export class DuckDBAdapter implements Adapter {
  readonly type = 'duckdb';
  readonly capabilities = { supportsTransactionalDdl: true, supportsMerge: true, supportsCreateOrReplace: true };
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly database: string,
  ) {}

  static async open(target: TargetConfig, opts: { readOnly?: boolean } = {}): Promise<DuckDBAdapter> {
    const options: Record<string, string> = {};
    for (const [k, v] of Object.entries(target.settings)) options[k] = String(v);
    if (opts.readOnly) options.access_mode = 'READ_ONLY';
    let instance: DuckDBInstance;
    try {
      if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
      instance = await DuckDBInstance.create(target.path, options);
    } catch (e) {
      throw openError(e, target);
    }
    const adapter = new DuckDBAdapter(instance, target.database);
    if (target.extensions.length) {
      const conn = await adapter.connect();
      try {
        for (const ext of target.extensions) await conn.run(`LOAD ${quoteIdent(ext)}`);
      } catch (e) {
        throw new TsdbtError('R002', `could not load DuckDB extension: ${(e as Error).message}`, {
          location: { file: target.profilesFile },
          hint: 'extensions must be installed already (no network here): remove it from `extensions:` or install it once with INSTALL',
        });
      } finally {
        conn.close();
      }
    }
    return adapter;
  }

  async connect(): Promise<AdapterConnection> {
    return new DuckDBConn(await this.instance.connect());
  }

  /** A raw DuckDB connection, for DuckDB-specific stages (docs catalog and lineage). */
  rawConnect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  async listRelations(conn: AdapterConnection): Promise<RelationInfo[]> {
    const r = await conn.query(
      `select table_catalog, table_schema, table_name, table_type from information_schema.tables where table_catalog = ${sqlString(this.database)}`,
    );
    return r.rows.map(([db, schema, name, type]) => ({
      database: String(db),
      schema: String(schema),
      name: String(name),
      type: type === 'VIEW' ? 'view' : 'table',
    }));
  }

  async getColumns(conn: AdapterConnection, schema: string, name: string): Promise<ColumnMeta[]> {
    const r = await conn.query(
      `select column_name, data_type from information_schema.columns where table_catalog = ${sqlString(this.database)} and table_schema = ${sqlString(schema)} and table_name = ${sqlString(name)} order by ordinal_position`,
    );
    return r.rows.map(([n, t]) => ({ name: String(n), type: String(t) }));
  }

  quote(identifier: string): string {
    return quoteIdent(identifier);
  }

  async checkpoint(): Promise<void> {
    let conn: DuckDBConnection | undefined;
    try {
      conn = await this.instance.connect();
      await conn.run('CHECKPOINT');
    } catch {
      // a read-only database, or another write still open: nothing to write, or close() checkpoints it
    } finally {
      conn?.closeSync();
    }
  }

  close(): void {
    this.instance.closeSync();
  }
}

function openError(e: unknown, target: TargetConfig): TsdbtError {
  const msg = (e as Error).message ?? String(e);
  const lock = /Conflicting lock is held in (.*?) \(PID (\d+)\)/.exec(msg);
  if (lock) {
    return new TsdbtError('R002', `the database ${target.path} is in use by another process (${lock[1]}, PID ${lock[2]})`, {
      hint: 'wait for that run to finish, or stop it; two runs cannot write one DuckDB file at once',
      exitCode: 2,
    });
  }
  return new TsdbtError('R003', `cannot open the database ${target.path}: ${msg}`, {
    location: { file: target.profilesFile },
    hint: 'check the `path:` of the target in profiles.yml points to a writable folder',
    exitCode: 2,
  });
}
