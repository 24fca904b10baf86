// Turns a `sources:` entry into a SourceEntry: schema defaults to the source name, tables inherit
// freshness / loaded_at_field, and dbt-duckdb's external_location is read from meta or config.
import { z } from 'zod';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { buildColumns, requireNamed, testsOf } from './property-entries.js';
import { SOURCE_KEYS, SOURCE_TABLE_KEYS, mapping, optText, tagsShape } from './property-schema.js';
import type { SourceEntry, SourceTableEntry } from './types.js';
import { checkKeys, parseShape } from './validate.js';
import type { Obj } from './validate.js';
import { locate } from './yaml-file.js';
import type { YamlFile, YamlPath } from './yaml-file.js';

const freshness = mapping.nullable().optional();
const sourceShape = z.object({
  name: z.string({ error: 'a source name' }),
  description: optText,
  schema: optText,
  database: optText,
  loader: optText,
  meta: mapping.nullable().optional(),
  tags: tagsShape.nullable().optional(),
  config: mapping.nullable().optional(),
  loaded_at_field: optText,
  freshness,
  tables: z.array(z.unknown(), { error: 'a list of {name: ...} tables' }).nullable().optional(),
});
const tableShape = z.object({
  name: z.union([z.string(), z.number()], { error: 'a table name' }),
  description: optText,
  identifier: optText,
  meta: mapping.nullable().optional(),
  tags: tagsShape.nullable().optional(),
  config: mapping.nullable().optional(),
  loaded_at_field: optText,
  freshness,
  columns: z.array(mapping, { error: 'a list of {name: ...} mappings' }).nullable().optional(),
});

function externalLocation(meta: Obj | null | undefined, config: Obj | null | undefined): string | undefined {
  const v = config?.external_location ?? meta?.external_location;
  return typeof v === 'string' ? v : undefined;
}

/** dbt-duckdb fills `{name}`, `{identifier}`, `{schema}` and `{database}` from the source table. */
function fillPlaceholders(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{(name|identifier|schema|database)\}/g, (m, k: string) => values[k] ?? m);
}

const tagList = (t: string | string[] | null | undefined): string[] | undefined =>
  t === null || t === undefined ? undefined : Array.isArray(t) ? t : [t];

export function buildSource(y: YamlFile, value: unknown, path: YamlPath): SourceEntry {
  const raw = requireNamed(y, value, path, 'source');
  const what = `source \`${String(raw.name)}\``;
  checkKeys(y, raw, path, SOURCE_KEYS, `${what} (${y.file})`);
  const s = parseShape(y, sourceShape, raw, path, what);
  const schema = s.schema ?? s.name;
  const sourceExternal = externalLocation(s.meta, s.config);
  const freshnessOf = (o: Obj, cfg: Obj | null | undefined): Record<string, unknown> | null | undefined =>
    cfg && 'freshness' in cfg ? (cfg.freshness as Record<string, unknown> | null) : 'freshness' in o ? (o.freshness as Record<string, unknown> | null) : undefined;
  const sourceFreshness = freshnessOf(raw, s.config);
  const seen = new Map<string, YamlPath>();
  const tables = (s.tables ?? []).map((t, i): SourceTableEntry => {
    const at = [...path, 'tables', i];
    const rawT = requireNamed(y, t, at, 'source table');
    const tWhat = `table \`${String(rawT.name)}\` of ${what}`;
    checkKeys(y, rawT, at, SOURCE_TABLE_KEYS, `${tWhat} (${y.file})`);
    const tb = parseShape(y, tableShape, rawT, at, tWhat);
    const name = String(tb.name);
    const first = seen.get(name);
    if (first) {
      throw new TsdbtError('P005', `${what} lists table \`${name}\` twice in ${y.file}`, {
        location: locate(y, [...at, 'name']),
        hint: `remove one of the entries (the other is at line ${locate(y, [...first, 'name']).line})`,
      });
    }
    seen.set(name, at);
    const identifier = tb.identifier ?? undefined;
    const template = externalLocation(tb.meta, tb.config) ?? sourceExternal;
    const ownFreshness = freshnessOf(rawT, tb.config);
    return {
      name,
      identifier,
      description: tb.description ?? undefined,
      meta: tb.meta ?? undefined,
      tags: tagList(tb.tags),
      config: tb.config ?? {},
      loaded_at_field: tb.loaded_at_field ?? s.loaded_at_field ?? undefined,
      freshness: ownFreshness !== undefined ? ownFreshness : sourceFreshness,
      external_location: template === undefined ? undefined
        : fillPlaceholders(template, { name, identifier: identifier ?? name, schema, database: s.database ?? undefined }),
      columns: buildColumns(y, tb.columns, [...at, 'columns'], tWhat),
      tests: testsOf(y, rawT, at, tWhat),
      location: locate(y, [...at, 'name']),
    };
  });
  return {
    name: s.name,
    description: s.description ?? undefined,
    schema,
    database: s.database ?? undefined,
    loader: s.loader ?? undefined,
    meta: s.meta ?? undefined,
    tags: tagList(s.tags),
    config: s.config ?? {},
    loaded_at_field: s.loaded_at_field ?? undefined,
    freshness: sourceFreshness,
    external_location: sourceExternal,
    tables,
    location: locate(y, [...path, 'name']),
  };
}
