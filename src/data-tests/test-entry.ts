// Reads one entry of a `tests:` / `data_tests:` list as dbt accepts it (`- unique`, `- accepted_values:
// {values: [...], config: {...}}`, `- name: x \n test_name: y`, dbt 1.10's `arguments:`) into its parts.
import { TsdbtError } from '../errors/tsdbt-error.js';
import type { SourceLocation } from '../parser/types.js';

export interface TestEntry {
  name: string;
  namespace: string | null;
  args: Record<string, unknown>;
  config: Record<string, unknown>;
  /** `name:` given by the user instead of the synthesized one */
  customName?: string;
  /** description given on the test */
  description?: string;
}

/** Keys dbt reads as config when written next to the arguments. */
export const CONFIG_KEYS = [
  'severity', 'tags', 'enabled', 'where', 'limit', 'warn_if', 'error_if', 'fail_calc', 'store_failures',
  'store_failures_as', 'meta', 'database', 'schema', 'alias',
];

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function splitName(full: string): { name: string; namespace: string | null } {
  const dot = full.lastIndexOf('.');
  return dot === -1 ? { name: full, namespace: null } : { name: full.slice(dot + 1), namespace: full.slice(0, dot) };
}

export function readTestEntry(raw: unknown, where: SourceLocation): TestEntry {
  if (typeof raw === 'string') {
    const { name, namespace } = splitName(raw.trim());
    return { name, namespace, args: {}, config: {} };
  }
  if (!isObj(raw)) {
    throw new TsdbtError('T001', `a test must be a name (\`- unique\`) or a mapping (\`- accepted_values: {values: [...]}\`), got ${JSON.stringify(raw)}`, {
      location: where,
      hint: 'write each test as a list item under `data_tests:`',
    });
  }
  let body: Record<string, unknown>;
  let full: string;
  if (typeof raw.test_name === 'string') {
    full = raw.test_name;
    const { test_name: _t, ...rest } = raw;
    body = rest;
  } else {
    const keys = Object.keys(raw);
    if (keys.length !== 1) {
      throw new TsdbtError('T001', `a test entry must have exactly one key, the test's name; found ${keys.map((k) => `\`${k}\``).join(', ')}`, {
        location: where,
        hint: 'indent the arguments under the test name, e.g. `- accepted_values:\\n    values: [a, b]`',
      });
    }
    full = keys[0];
    const v = raw[full];
    if (v !== null && v !== undefined && !isObj(v)) {
      throw new TsdbtError('T001', `the arguments of test \`${full}\` must be a mapping, got ${JSON.stringify(v)}`, {
        location: where,
        hint: `write \`- ${full}:\` followed by indented \`argument: value\` lines`,
      });
    }
    body = { ...(v ?? {}) };
  }
  const config: Record<string, unknown> = isObj(body.config) ? { ...body.config } : {};
  const args: Record<string, unknown> = isObj(body.arguments) ? { ...body.arguments } : {};
  let customName: string | undefined;
  let description: string | undefined;
  for (const [k, v] of Object.entries(body)) {
    if (k === 'config' || k === 'arguments') continue;
    if (k === 'name') customName = String(v);
    else if (k === 'description') description = String(v);
    else if (CONFIG_KEYS.includes(k)) config[k] = v;
    else args[k] = v;
  }
  const { name, namespace } = splitName(full);
  return { name, namespace, args, config, customName, description };
}
