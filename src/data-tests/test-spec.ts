// What the executor needs to know about a generic test beyond the manifest node: the macro, the
// arguments as written, the tested relation and where the test is written.
import type { ManifestNode, SourceLocation } from '../parser/types.js';

export interface GenericTestSpec {
  testName: string;
  namespace: string | null;
  args: Record<string, unknown>;
  /** the tested node (model/seed/snapshot) or source */
  target: { kind: 'node'; name: string; id: string } | { kind: 'source'; source: string; table: string; id: string };
  columnName: string | null;
  location: SourceLocation;
  /** the config keys the test's own YAML entry sets: they win over the macro's `config()` calls */
  ownConfig?: readonly string[];
}

const specs = new WeakMap<ManifestNode, GenericTestSpec>();

export function setSpec(node: ManifestNode, spec: GenericTestSpec): void {
  specs.set(node, spec);
}

export function specOf(node: ManifestNode): GenericTestSpec | undefined {
  return specs.get(node);
}
