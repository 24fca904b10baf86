// Validates one `outputs:` entry of profiles.yml (dbt-duckdb's keys) and resolves it to a TargetConfig.
import path from 'node:path';
import { z } from 'zod';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { closest } from '../errors/suggest.js';
import { expandHome } from './profiles-file.js';
import type { CliOverrides, ProjectConfig, TargetConfig } from './types.js';
import { parseShape } from './validate.js';
import type { Obj } from './validate.js';
import { locate, locateValue } from './yaml-file.js';
import type { YamlFile, YamlPath } from './yaml-file.js';

/** dbt-duckdb's credential fields plus dbt's own; others are kept in `raw` unless they look like a typo. */
const KNOWN_OUTPUT_KEYS = [
  'type', 'path', 'database', 'schema', 'threads', 'extensions', 'settings', 'attach', 'plugins', 'filesystems',
  'secrets', 'external_root', 'use_credential_provider', 'module_paths', 'disable_transactions', 'keep_open',
  'retries', 'config_options', 'remote', 'motherduck_token', 'is_ducklake',
];

// threads: "{{ env_var('THREADS') }}" renders to a string; dbt accepts that, so coerce.
const intLike = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
  z.number({ error: 'a whole number of at least 1' }).int({ error: 'a whole number of at least 1' }).min(1, { error: 'a whole number of at least 1' }),
);
const outputShape = z.object({
  type: z.string({ error: 'the adapter name (duckdb)' }),
  path: z.string({ error: 'a file path or :memory:' }).optional(),
  database: z.string({ error: 'a string' }).optional(),
  schema: z.string({ error: 'a schema name' }).optional(),
  threads: intLike.optional(),
  extensions: z.array(z.union([z.string(), z.object({ name: z.string() })]), { error: 'a list of extension names' })
    .optional(),
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]), {
    error: 'a mapping of DuckDB setting names to string / number / boolean values',
  }).optional(),
});

export interface OutputContext {
  project: ProjectConfig;
  cli: CliOverrides;
  env: Record<string, string | undefined>;
  profileName: string;
  targetName: string;
}

export function outputToTarget(y: YamlFile, output: Obj, at: YamlPath, ctx: OutputContext): TargetConfig {
  const what = `target \`${ctx.targetName}\` of profile \`${ctx.profileName}\``;
  for (const key of Object.keys(output)) {
    if (KNOWN_OUTPUT_KEYS.includes(key)) continue;
    const near = closest(key, KNOWN_OUTPUT_KEYS, 1);
    if (near.length) {
      throw new TsdbtError('C002', `unknown key \`${key}\` in ${what}`, { location: locate(y, [...at, key]), hint: `did you mean \`${near[0]}\`?` });
    }
  }
  if (output.type === undefined) {
    throw new TsdbtError('C002', `${what} has no \`type\``, { location: locate(y, at), hint: 'add `type: duckdb`' });
  }
  const o = parseShape(y, outputShape, output, at, what);
  if (o.type !== 'duckdb') {
    throw new TsdbtError('C003', `adapter type \`${o.type}\` is not supported (${what})`, {
      location: locateValue(y, [...at, 'type']),
      hint: 'tsdbt runs on DuckDB only: use `type: duckdb` with a `path:`',
    });
  }
  const resolved = resolveDbPath(o.path, ctx);
  if (o.database !== undefined && o.database !== resolved.database) {
    throw new TsdbtError('C002', `${what}: \`database: ${o.database}\` does not match the file name of \`path\` (${resolved.database})`, {
      location: locateValue(y, [...at, 'database']),
      hint: 'DuckDB names the database after its file: remove `database:` or rename the file',
    });
  }
  return {
    profileName: ctx.profileName,
    name: ctx.targetName,
    type: 'duckdb',
    path: resolved.path,
    database: resolved.database,
    schema: o.schema ?? 'main',
    threads: ctx.cli.threads ?? o.threads ?? 4,
    extensions: (o.extensions ?? []).map((e) => (typeof e === 'string' ? e : e.name)),
    settings: o.settings ?? {},
    raw: output,
    profilesFile: y.abs,
  };
}

/** `path` relative to the project folder; `:memory:` and `md:` connection strings kept as they are. */
function resolveDbPath(p: string | undefined, ctx: OutputContext): { path: string; database: string } {
  if (p === ':memory:' || p === '') return { path: ':memory:', database: 'memory' };
  if (p !== undefined && /^(md|motherduck):/.test(p)) return { path: p, database: p.replace(/^\w+:/, '').split('?')[0] || 'my_db' };
  const abs = p === undefined ? path.join(ctx.project.root, 'tsdbt.duckdb') : path.resolve(ctx.project.root, expandHome(p, ctx.env));
  return { path: abs, database: path.basename(abs, path.extname(abs)) };
}
