// Turns a `unit_tests:` entry (dbt 1.8+) into a UnitTestEntry: the model under test, its mocked
// inputs (`given`) and the expected rows (`expect`).
import { z } from 'zod';
import { requireNamed } from './property-entries.js';
import { UNIT_TEST_KEYS, mapping, optText } from './property-schema.js';
import type { UnitTestEntry } from './types.js';
import { checkKeys, parseShape } from './validate.js';
import { locate } from './yaml-file.js';
import type { YamlFile, YamlPath } from './yaml-file.js';

const FORMAT = z.enum(['dict', 'csv', 'sql'], { error: 'one of dict, csv, sql' }).optional();
const rowsShape = z.union([z.array(z.unknown()), z.string()], { error: 'a list of rows or a CSV/SQL string' }).nullable().optional();

const unitTestShape = z.object({
  name: z.string({ error: 'a name' }),
  model: z.string({ error: 'the name of the model under test' }),
  description: optText,
  given: z.array(z.strictObject({
    input: z.string({ error: "ref('model') or source('src', 'table')" }),
    rows: rowsShape,
    format: FORMAT,
    fixture: z.string({ error: 'a fixture file name' }).optional(),
  }, { error: 'a mapping {input, rows, format, fixture}' }), { error: 'a list of inputs' }).nullable().optional(),
  expect: z.strictObject({
    rows: rowsShape,
    format: FORMAT,
    fixture: z.string({ error: 'a fixture file name' }).optional(),
  }, { error: 'a mapping {rows, format, fixture}' }),
  overrides: z.strictObject({
    vars: mapping.optional(),
    macros: mapping.optional(),
    env_vars: mapping.optional(),
  }, { error: 'a mapping with vars / macros / env_vars' }).nullable().optional(),
  config: mapping.nullable().optional(),
});

export function buildUnitTest(y: YamlFile, value: unknown, path: YamlPath): UnitTestEntry {
  const raw = requireNamed(y, value, path, 'unit test');
  const what = `unit test \`${String(raw.name)}\``;
  checkKeys(y, raw, path, UNIT_TEST_KEYS, `${what} (${y.file})`);
  const u = parseShape(y, unitTestShape, raw, path, what);
  return {
    name: u.name,
    model: u.model,
    description: u.description ?? undefined,
    given: (u.given ?? []).map((g) => ({ input: g.input, rows: g.rows ?? undefined, format: g.format, fixture: g.fixture })),
    expect: { rows: u.expect.rows ?? undefined, format: u.expect.format, fixture: u.expect.fixture },
    overrides: u.overrides ?? undefined,
    config: u.config ?? {},
    location: locate(y, [...path, 'name']),
  };
}
