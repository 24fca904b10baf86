// Turns one `models:` / `seeds:` / `snapshots:` / `analyses:` / `macros:` entry of a property file,
// and its columns, into typed entries that remember where their `name:` is written.
import { TsdbtError } from '../errors/tsdbt-error.js';
import { COLUMN_KEYS, ENTRY_KEYS, columnShape, entryShape } from './property-schema.js';
import type { EntryKind } from './property-schema.js';
import type { PropertyColumn, PropertyEntry } from './types.js';
import { checkKeys, isObj, parseShape } from './validate.js';
import type { Obj } from './validate.js';
import { locate } from './yaml-file.js';
import type { YamlFile, YamlPath } from './yaml-file.js';
import { checkConfigKey, normalizeConfigKey } from './folder-config.js';
import type { ConfigOwner } from './config-keys.js';

const CONFIG_OWNER: Partial<Record<EntryKind, ConfigOwner>> = { models: 'model', seeds: 'seed', snapshots: 'snapshot', analyses: 'analysis' };

export const KIND_LABEL: Record<EntryKind | 'sources' | 'unit_tests', string> = {
  models: 'model', seeds: 'seed', snapshots: 'snapshot', analyses: 'analysis', macros: 'macro', sources: 'source', unit_tests: 'unit test',
};

/** C002 unless `value` is a mapping with a `name:`. Returns the mapping. */
export function requireNamed(y: YamlFile, value: unknown, path: YamlPath, label: string): Obj {
  if (!isObj(value)) {
    throw new TsdbtError('C002', `each ${label} entry in ${y.file} must be a mapping starting with \`name:\``, {
      location: locate(y, path),
      hint: `write it as \`- name: my_${label.replace(/ /g, '_')}\``,
    });
  }
  if (value.name === undefined || value.name === null || value.name === '') {
    throw new TsdbtError('C002', `a ${label} entry in ${y.file} has no \`name:\``, { location: locate(y, path), hint: 'add `name: <the resource name>`' });
  }
  return value;
}

/** `tests:` and `data_tests:` are the same list; dbt refuses both on one entry. */
export function testsOf(y: YamlFile, raw: Obj, path: YamlPath, what: string): unknown[] {
  if (raw.tests != null && raw.data_tests != null) {
    throw new TsdbtError('C002', `${what} has both \`tests:\` and \`data_tests:\``, {
      location: locate(y, [...path, 'tests']),
      hint: 'keep one list; `data_tests:` is the current name',
    });
  }
  return ((raw.data_tests ?? raw.tests) as unknown[] | null | undefined) ?? [];
}

function tagList(t: string | string[] | null | undefined): string[] | undefined {
  return t === null || t === undefined ? undefined : Array.isArray(t) ? t : [t];
}

export function buildColumns(y: YamlFile, columns: unknown, path: YamlPath, owner: string): PropertyColumn[] {
  if (!Array.isArray(columns)) return [];
  return columns.map((c, i) => {
    const at = [...path, i];
    const raw = requireNamed(y, c, at, 'column');
    const what = `column \`${String(raw.name)}\` of ${owner}`;
    checkKeys(y, raw, at, COLUMN_KEYS, what);
    const col = parseShape(y, columnShape, raw, at, what);
    return {
      name: String(col.name),
      description: col.description ?? undefined,
      data_type: col.data_type ?? undefined,
      meta: col.meta ?? undefined,
      tags: tagList(col.tags),
      quote: col.quote ?? undefined,
      tests: testsOf(y, raw, at, what),
      location: locate(y, [...at, 'name']),
    };
  });
}

export function buildEntry(y: YamlFile, kind: EntryKind, value: unknown, path: YamlPath): PropertyEntry {
  const label = KIND_LABEL[kind];
  const raw = requireNamed(y, value, path, label);
  const what = `${label} \`${String(raw.name)}\``;
  checkKeys(y, raw, path, ENTRY_KEYS[kind], `${what} (${y.file})`);
  const e = parseShape(y, entryShape, raw, path, what);
  const owner = CONFIG_OWNER[kind];
  if (owner && e.config) for (const key of Object.keys(e.config)) checkConfigKey(y, normalizeConfigKey(key), [...path, 'config', key], `the config of ${what}`, owner);
  const entry: PropertyEntry = {
    kind,
    name: String(e.name),
    description: e.description ?? undefined,
    config: e.config ?? {},
    meta: e.meta ?? undefined,
    tags: tagList(e.tags),
    docs: e.docs ?? undefined,
    columns: buildColumns(y, e.columns, [...path, 'columns'], what),
    tests: testsOf(y, raw, path, what),
    raw,
    location: locate(y, [...path, 'name']),
  };
  if (kind === 'macros' && e.arguments) {
    entry.arguments = e.arguments.map((a) => ({ name: a.name, type: a.type ?? undefined, description: a.description ?? undefined }));
  }
  return entry;
}
