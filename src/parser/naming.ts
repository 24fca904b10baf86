// Where a node lands: dbt's generate_schema_name / generate_alias_name rules, overridable by a project
// macro of the same name, and the quoted relation name ref() renders.
import type { TemplateEngine } from '../templating/environment.js';
import type { ManifestNode } from './types.js';
import { Relation } from '../templating/relation.js';

export interface Namer {
  schema(custom: string | null | undefined, node: ManifestNode): string;
  alias(custom: string | null | undefined, node: ManifestNode): string;
}

export function makeNamer(engine: TemplateEngine, base: Record<string, unknown>, targetSchema: string): Namer {
  const call = (macro: string, args: unknown[], fallback: () => string): string => {
    const fn = engine.macros.get(macro);
    if (typeof fn !== 'function') return fallback();
    const value = engine.renderWith(base, () => (fn as (...a: unknown[]) => unknown)(...args));
    return String(value ?? '').trim();
  };
  return {
    schema: (custom, node) =>
      call('generate_schema_name', [custom ?? null, node], () => (custom ? `${targetSchema}_${custom.trim()}` : targetSchema)),
    alias: (custom, node) => call('generate_alias_name', [custom ?? null, node], () => (custom ? custom.trim() : node.name)),
  };
}

export function relationFor(node: Pick<ManifestNode, 'database' | 'schema' | 'alias'>, type: 'table' | 'view' | null = null): Relation {
  return new Relation(node.database, node.schema, node.alias, type);
}
