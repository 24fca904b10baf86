// @duckdb/node-api loaded through require(): it is a CommonJS package of ~40 files, and importing it
// from ESM makes Node scan every one of them for its export names (~115 ms against ~55 ms per process
// that touches the database). The types still come from the package itself.
import { createRequire } from 'node:module';

type DuckDBApi = typeof import('@duckdb/node-api');

const api = createRequire(import.meta.url)('@duckdb/node-api') as DuckDBApi;

export const { DuckDBInstance, ResultReturnType, JsonDuckDBValueConverter } = api;
export type DuckDBInstance = import('@duckdb/node-api').DuckDBInstance;
export type ResultReturnType = import('@duckdb/node-api').ResultReturnType;
export type { DuckDBConnection, DuckDBMaterializedResult } from '@duckdb/node-api';
