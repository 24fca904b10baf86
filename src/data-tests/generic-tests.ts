// Parse hook for generic tests: every `tests:` / `data_tests:` entry under a model, seed, snapshot,
// source table or one of their columns becomes a test node whose template calls the test macro.
import type { ParseHookArgs } from '../parser/parse-hooks.js';
import type { ManifestNode, SourceLocation } from '../parser/types.js';
import type { PropertyColumn } from '../config/types.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { didYouMean } from '../errors/suggest.js';
import { TestMacros, type TestMacro } from './test-macros.js';
import { readTestEntry } from './test-entry.js';
import { locateNth, locateWords } from './yaml-lines.js';
import { collectParseError } from './parse-errors.js';
import { checkArgs } from './validate-test.js';
import { makeGenericNode, type TestTarget } from './generic-node.js';

export function addGenericTests(a: ParseHookArgs): void {
  const { ctx, manifest, properties, root, errors } = a;
  const macros = new TestMacros(ctx.engine, manifest);
  const byKindName = new Map<string, ManifestNode>();
  for (const n of Object.values(manifest.nodes)) byKindName.set(`${n.resource_type}s:${n.name}`, n);
  const usedNames = new Map<string, SourceLocation>();
  // the `data_tests:` key of a column or entry is found once for all of its tests
  const listAt = new Map<SourceLocation, SourceLocation>();
  const found = new Map<string, TestMacro | undefined>();
  const mentions = new Map<string, number>();

  const one = (target: TestTarget, column: PropertyColumn | null, raw: unknown, owner: SourceLocation) => {
    const from = column?.location ?? owner;
    let entryAt = listAt.get(from);
    if (!entryAt) listAt.set(from, (entryAt = locateWords(root, from, ['tests|data_tests'], true)));
    const rawName = typeof raw === 'string' ? raw : raw && typeof raw === 'object' ? String((raw as Record<string, unknown>).test_name ?? Object.keys(raw)[0]) : '';
    // the n-th entry of one test name in this list is its n-th mention after the list's key
    const nthKey = `${entryAt.file}:${entryAt.line}:${entryAt.column}:${rawName}`;
    const nth = mentions.get(nthKey) ?? 0;
    mentions.set(nthKey, nth + 1);
    const where = (nth > 0 && locateNth(root, entryAt, rawName, nth)) || locateWords(root, entryAt, [rawName]);
    const entry = readTestEntry(raw, where);
    const label = `test \`${entry.namespace ? entry.namespace + '.' : ''}${entry.name}\` on ${target.label}${column ? ` column \`${column.name}\`` : ''} (${where.file})`;
    const key = `${entry.namespace ?? ''}.${entry.name}`;
    let macro = found.get(key);
    if (macro === undefined && !found.has(key)) found.set(key, (macro = macros.find(entry.name, entry.namespace)));
    if (!macro) {
      throw new TsdbtError('T001', `unknown test \`${rawName}\` on ${target.label}${column ? ` column \`${column.name}\`` : ''}`, {
        location: where,
        hint: didYouMean(rawName, macros.names()) ?? 'define it with `{% test name(model, column_name) %}` in macros/ or tests/generic/',
      });
    }
    const at = (word: string) => locateWords(root, where, [word]);
    const args: Record<string, unknown> = {};
    for (const k in entry.args) args[k] = entry.args[k];
    if (column && args.column_name === undefined) args.column_name = column.quote ? `"${column.name.replace(/"/g, '""')}"` : column.name;
    checkArgs({ label, name: entry.name, builtin: macros.isBuiltin(macro), macro, args, hasColumn: column !== null, at });
    const claimId = (id: string): string => {
      const prev = usedNames.get(id);
      if (prev && entry.customName) {
        throw new TsdbtError('P005', `two tests are named \`${entry.customName}\` (${prev.file}:${prev.line} and ${where.file}:${where.line})`, { location: where, hint: 'give one of them another `name:`' });
      }
      let out = id;
      for (let n = 2; usedNames.has(out); n++) out = `${id}.${n}`;
      usedNames.set(out, where);
      return out;
    };
    const node = makeGenericNode(a, { target, entry, macro, args, where, at, label, claimId });
    if (!node.config.enabled) (manifest.disabled[node.name] ??= []).push(node);
    else manifest.nodes[node.unique_id] = node;
  };

  const guard = (fn: () => void) => collectParseError(errors, fn);

  for (const e of properties.entries) {
    if (e.kind !== 'models' && e.kind !== 'seeds' && e.kind !== 'snapshots') continue;
    const node = byKindName.get(`${e.kind.replace(/s$/, '')}s:${e.name}`);
    if (!node) continue; // disabled or described without a file: dbt ignores its tests too
    const target: TestTarget = { kind: 'node', node, label: `${node.resource_type} \`${node.name}\``, nameInTest: node.name, yml: e.location };
    e.tests.forEach((t) => guard(() => one(target, null, t, e.location)));
    for (const c of e.columns) c.tests.forEach((t) => guard(() => one(target, c, t, c.location)));
  }
  for (const s of properties.sources) {
    for (const t of s.tables) {
      const src = manifest.sources[`source.${manifest.project_name}.${s.name}.${t.name}`];
      if (!src) continue;
      const target: TestTarget = { kind: 'source', source: src, label: `source \`${s.name}.${t.name}\``, nameInTest: `${s.name}_${t.name}`, yml: t.location };
      t.tests.forEach((x) => guard(() => one(target, null, x, t.location)));
      for (const c of t.columns) c.tests.forEach((x) => guard(() => one(target, c, x, c.location)));
    }
  }
}
