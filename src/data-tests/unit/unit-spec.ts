// What the unit test executor needs beyond the manifest node: the model under test, each mocked
// input (which ref/source/this it replaces and its rows) and the expected rows.
import type { ManifestNode, SourceLocation } from '../../parser/types.js';
import type { UnitTestEntry } from '../../config/types.js';
import type { Fixture } from './fixtures.js';

export type InputKey = { kind: 'ref'; name: string } | { kind: 'source'; source: string; table: string } | { kind: 'this' };

export interface UnitInput {
  key: InputKey;
  /** the upstream node or source it replaces (for column types) */
  upstreamId: string | null;
  fixture: Fixture;
  /** where `input:` is written, for errors about its rows */
  where: SourceLocation;
}

export interface UnitSpec {
  entry: UnitTestEntry;
  modelId: string;
  inputs: UnitInput[];
  expect: Fixture;
  location: SourceLocation;
}

const specs = new WeakMap<ManifestNode, UnitSpec>();

export function setUnitSpec(node: ManifestNode, spec: UnitSpec): void {
  specs.set(node, spec);
}

export function unitSpecOf(node: ManifestNode): UnitSpec | undefined {
  return specs.get(node);
}

/** `ref('orders')`, `ref("shop", "orders")`, `source('raw', 'orders')`, `this` -> InputKey, or null. */
export function parseInput(text: string): InputKey | null {
  const t = text.trim();
  if (t === 'this') return { kind: 'this' };
  const args = (body: string) => [...body.matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]);
  const ref = /^ref\s*\((.*)\)$/s.exec(t);
  if (ref) {
    const a = args(ref[1]);
    return a.length ? { kind: 'ref', name: a[a.length - 1] } : null;
  }
  const src = /^source\s*\((.*)\)$/s.exec(t);
  if (src) {
    const a = args(src[1]);
    return a.length === 2 ? { kind: 'source', source: a[0], table: a[1] } : null;
  }
  return null;
}

export function describeInput(k: InputKey): string {
  return k.kind === 'this' ? 'this' : k.kind === 'ref' ? `ref('${k.name}')` : `source('${k.source}', '${k.table}')`;
}
