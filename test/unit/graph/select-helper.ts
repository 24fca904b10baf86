// Runs a selection on the shop project and returns the ids sorted, for set comparisons.
import { buildGraph, type ProjectGraph } from '../../../src/graph/dag.js';
import { selectNodes, type SelectOptions } from '../../../src/graph/selector.js';
import { shop } from './project.js';

export const shopGraph = (): ProjectGraph => buildGraph(shop());

export function sel(select: string | string[] | undefined, opts: Omit<SelectOptions, 'select'> = {}, graph = shopGraph()): string[] {
  const args = select === undefined ? undefined : Array.isArray(select) ? select : [select];
  return [...selectNodes(graph, { ...opts, select: args })].sort();
}

/** Short names: `model.p.orders` -> `orders`, tests and sources kept recognisable. */
export function names(ids: string[]): string[] {
  return ids.map((i) => (i.startsWith('source.') ? i : i.split('.').pop() as string)).sort();
}
