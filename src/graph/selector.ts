// Node selection (`--select`, `--exclude`, `--resource-type`, `--indirect-selection`) with dbt's
// semantics: methods, then graph operators, then set operators, with tests pulled in indirectly.
import type { Manifest } from '../parser/types.js';
import type { ProjectGraph } from './dag.js';
import { searchMethod, type MethodContext } from './selector-methods.js';
import { parseSelection, type IndirectSelection, type SelectionCriteria, type SelectionSet, type SelectionSpec } from './selector-spec.js';
import { unmatchedHint } from './selector-suggest.js';
import { ancestors, childrensParents, descendants } from './traverse.js';

export interface SelectOptions {
  /** each argument may hold several space-separated selectors */
  select?: string[];
  exclude?: string[];
  /** keep only these resource types (`tsdbt run` passes ['model']) */
  resourceTypes?: string[];
  indirectSelection?: IndirectSelection;
  /** the manifest of an earlier run, for `state:` */
  state?: { manifest: Manifest };
  /** unique_id -> status from an earlier run_results.json, for `result:` */
  previousResults?: Record<string, string>;
}

export interface UnmatchedSelector {
  /** the space-separated word of --select / --exclude that selected nothing */
  selector: string;
  /** dbt's warning text */
  message: string;
  /** a did-you-mean, when something close exists */
  hint?: string;
}

/** Selected unique_ids in topological order, plus the selectors that matched nothing. */
export type Selection = string[] & { unmatchedSelectors: UnmatchedSelector[] };

interface Bundle {
  direct: Set<string>;
  indirect: Set<string>;
}

const union = (sets: Set<string>[]): Set<string> => {
  const out = new Set<string>();
  for (const s of sets) for (const x of s) out.add(x);
  return out;
};

function combine(kind: SelectionSet['kind'], sets: Set<string>[]): Set<string> {
  if (sets.length === 0) return new Set();
  if (kind === 'union') return union(sets);
  const [first, ...rest] = sets as [Set<string>, ...Set<string>[]];
  if (kind === 'intersection') return new Set([...first].filter((x) => rest.every((s) => s.has(x))));
  const minus = union(rest);
  return new Set([...first].filter((x) => !minus.has(x)));
}

class Selector {
  readonly unmatched: SelectionSet[] = [];
  /** how many members each criterion's method matched, for did-you-mean hints */
  readonly matchedByMethod = new Map<SelectionCriteria, number>();

  constructor(private readonly ctx: MethodContext, private readonly mode: IndirectSelection) {}

  private get graph(): ProjectGraph {
    return this.ctx.graph;
  }

  select(spec: SelectionSpec): Bundle {
    if (spec.kind === 'criteria') return this.criteria(spec);
    const bundles = spec.components.map((c) => this.select(c));
    const initial = combine(spec.kind, bundles.map((b) => b.direct));
    const indirect = combine(spec.kind, bundles.map((b) => union([b.direct, b.indirect])));
    const direct = this.incorporate(initial, indirect);
    if (spec.expectExists && direct.size === 0) this.unmatched.push(spec);
    return { direct, indirect };
  }

  private criteria(c: SelectionCriteria): Bundle {
    const collected = searchMethod(this.ctx, c);
    this.matchedByMethod.set(c, collected.size);
    const selected = new Set(collected);
    const add = (s: Set<string>): void => s.forEach((x) => selected.add(x));
    if (c.childrensParents) add(childrensParents(this.graph, collected));
    if (c.parents) add(ancestors(this.graph, collected, c.parentsDepth));
    if (c.children) add(descendants(this.graph, collected, c.childrenDepth));
    if (this.mode === 'empty') return { direct: selected, indirect: new Set() };
    return this.expand(selected);
  }

  private isTest(id: string): boolean {
    const t = this.graph.members.get(id)?.resource_type;
    return t === 'test' || t === 'unit_test';
  }

  private buildableBase(selected: Set<string>): Set<string> {
    const base = union([selected, ancestors(this.graph, selected)]);
    for (const [id, m] of this.graph.members) if (m.resource_type === 'source') base.add(id);
    return base;
  }

  /** Tests on selected nodes: eager takes a test if any parent is selected, cautious only if all are. */
  private expand(selected: Set<string>): Bundle {
    const direct = new Set(selected);
    const indirect = new Set<string>();
    let base: Set<string> | undefined;
    for (const id of selected) {
      for (const child of this.graph.children(id)) {
        if (!this.isTest(child) || direct.has(child)) continue;
        const parents = this.graph.parents(child);
        if (this.mode === 'eager' || parents.every((p) => selected.has(p))) direct.add(child);
        else if (this.mode === 'buildable' && parents.every((p) => (base ??= this.buildableBase(selected)).has(p))) direct.add(child);
        else indirect.add(child);
      }
    }
    return { direct, indirect };
  }

  /** After a set operation, cautious/buildable tests held back may now have all their parents. */
  private incorporate(direct: Set<string>, indirect: Set<string>): Set<string> {
    if (this.mode !== 'cautious' && this.mode !== 'buildable') return direct;
    const selected = new Set(direct);
    const base = this.mode === 'buildable' ? this.buildableBase(direct) : direct;
    for (const id of indirect) {
      if (selected.has(id) || !this.isTest(id)) continue;
      if (this.graph.parents(id).every((p) => base.has(p))) selected.add(id);
    }
    return selected;
  }
}

/**
 * Selects graph members the way `dbt <command> --select ... --exclude ...` does.
 * Without `select`, every enabled node (not sources) is selected.
 *
 * @example
 *   selectNodes(graph, { select: ['+orders', 'tag:nightly,config.materialized:table'], exclude: ['stg_legacy'], resourceTypes: ['model'] })
 */
export function selectNodes(graph: ProjectGraph, opts: SelectOptions = {}): Selection {
  const spec = parseSelection(opts.select, opts.exclude);
  const ctx: MethodContext = { graph, state: opts.state, previousResults: opts.previousResults };
  const selector = new Selector(ctx, opts.indirectSelection ?? 'eager');
  const { direct } = selector.select(spec);
  const types = opts.resourceTypes ? new Set(opts.resourceTypes) : undefined;
  const ids = graph.sortTopologically(
    [...direct].filter((id) => {
      const m = graph.members.get(id);
      return m !== undefined && m.config?.enabled !== false && (!types || types.has(m.resource_type));
    }),
  );
  const unmatchedSelectors = selector.unmatched.map((s) => ({
    selector: s.raw,
    message: `The selection criterion '${s.raw}' does not match any enabled nodes`,
    hint: unmatchedHint(graph, s, selector.matchedByMethod),
  }));
  return Object.assign(ids, { unmatchedSelectors });
}
