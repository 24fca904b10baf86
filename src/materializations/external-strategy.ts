// `external` (as in dbt-duckdb): write the model's rows to a CSV or Parquet file with COPY, then create a
// view over that file, so BI tools read the file and downstream models still ref() the model.
import { mkdirSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import type { Strategy, MaterializeContext } from './types.js';
import { lit, viewSql } from './sql-builders.js';
import { exec, inTransaction } from './transaction.js';
import { registerStrategy } from './registry.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import type { ManifestNode } from '../parser/types.js';

export const EXTERNAL_FORMATS = ['parquet', 'csv'] as const;
export type ExternalFormat = (typeof EXTERNAL_FORMATS)[number];
export const DEFAULT_EXPORT_DIR = 'target/exports';

/** The project root, recovered from where the model file is and its project-relative path. */
function projectRoot(node: ManifestNode): string {
  const abs = node.abs_path;
  if (abs && abs.endsWith(node.original_file_path)) return abs.slice(0, abs.length - node.original_file_path.length);
  return process.cwd();
}

function formatOf(node: ManifestNode, location: string | undefined): ExternalFormat {
  const given = node.config.format ?? (location ? extname(location).slice(1) : 'parquet');
  const f = String(given || 'parquet').toLowerCase();
  if ((EXTERNAL_FORMATS as readonly string[]).includes(f)) return f as ExternalFormat;
  throw new TsdbtError('P006', `external model ${node.name} has format '${f}'`, {
    location: { file: node.original_file_path },
    hint: `set config(format=...) to one of ${EXTERNAL_FORMATS.join(', ')} (or give location a .csv/.parquet extension)`,
  });
}

/** Absolute file path and format an external node writes to: `location` (with `{name}`) or target/exports/<alias>.<format>. */
export function externalTarget(node: ManifestNode): { path: string; format: ExternalFormat } {
  const raw = node.config.location;
  const location = typeof raw === 'string' && raw.trim() ? raw.replace(/\{name\}/g, node.alias) : undefined;
  const format = formatOf(node, location);
  const rel = location ?? `${DEFAULT_EXPORT_DIR}/${node.alias}.${format}`;
  return { path: isAbsolute(rel) ? rel : resolve(projectRoot(node), rel), format };
}

export function copySql(selectSql: string, path: string, format: ExternalFormat, delimiter?: string | null): string {
  const opts = format === 'csv' ? `FORMAT csv, HEADER true${delimiter ? `, DELIMITER ${lit(delimiter)}` : ''}` : 'FORMAT parquet';
  return `copy (\n${selectSql}\n) to ${lit(path)} (${opts})`;
}

export const externalStrategy: Strategy = {
  name: 'external',
  async run(ctx: MaterializeContext) {
    const { node } = ctx;
    const { path, format } = externalTarget(node);
    mkdirSync(dirname(path), { recursive: true });
    const existing = ctx.relations.get(node.schema, node.alias)?.type ?? null;
    const target = { database: node.database, schema: node.schema, name: node.alias };
    const reader = format === 'csv' ? `read_csv(${lit(path)}, header = true, auto_detect = true)` : `read_parquet(${lit(path)})`;
    let rows = 0;
    await inTransaction(ctx, async () => {
      rows = await exec(ctx, copySql(ctx.sql, path, format, node.config.delimiter));
      for (const s of viewSql(target, `select * from ${reader}`, existing)) await exec(ctx, s);
    });
    ctx.relations.set({ ...target, type: 'view' });
    return { code: 'OK', rowsAffected: rows, message: `created sql external model (${format}: ${path})` };
  },
};

let registered = false;

export function registerExternal(): void {
  if (registered) return;
  registered = true;
  registerStrategy(externalStrategy);
}
