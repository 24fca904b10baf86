// Positions for the whole-project lineage view, computed once at generate time and cached in the site data.
// dagre lays out projects up to DAGRE_LIMIT nodes; beyond that dagre takes minutes (measured ~60 s at
// 10,000), so the overview falls back to ranks from graphlib's topological sort with barycentric ordering.
import dagre from '@dagrejs/dagre';
import type { Graph } from '@dagrejs/graphlib';

export const DAGRE_LIMIT = 1000;
export const NODE_W = 180;
export const NODE_H = 28;

export interface OverviewLayout {
  engine: 'dagre' | 'ranked';
  /** x, y of each node's centre, in the order of `ids` */
  positions: Record<string, [number, number]>;
  width: number;
  height: number;
}

export function layoutOverview(ids: string[], edges: [string, string][]): OverviewLayout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 8, ranksep: 80, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) g.setNode(id, { width: NODE_W, height: NODE_H });
  for (const [a, b] of edges) if (g.hasNode(a) && g.hasNode(b)) g.setEdge(a, b);
  if (ids.length <= DAGRE_LIMIT) {
    dagre.layout(g);
    const positions: Record<string, [number, number]> = {};
    for (const id of ids) {
      const n = g.node(id);
      positions[id] = [Math.round(n.x), Math.round(n.y)];
    }
    const gg = g.graph();
    return { engine: 'dagre', positions, width: gg.width ?? 0, height: gg.height ?? 0 };
  }
  return ranked(g, ids);
}

function ranked(g: Graph, ids: string[]): OverviewLayout {
  let order: string[];
  try {
    order = dagre.graphlib.alg.topsort(g);
  } catch {
    order = ids; // a cycle: the graph stage reports it; the overview still shows every node
  }
  const rank = new Map<string, number>();
  for (const id of order) {
    const preds = (g.predecessors(id) ?? []) as string[];
    rank.set(id, preds.length ? Math.max(...preds.map((p) => (rank.get(p) ?? 0) + 1)) : 0);
  }
  const columns: string[][] = [];
  for (const id of order) (columns[rank.get(id)!] ??= []).push(id);
  const slot = new Map<string, number>();
  const positions: Record<string, [number, number]> = {};
  let height = 0;
  columns.forEach((col, r) => {
    // Barycentric ordering: place each node near the average slot of its parents to shorten edges.
    const bary = (id: string) => {
      const ps = ((g.predecessors(id) ?? []) as string[]).map((p) => slot.get(p) ?? 0);
      return ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : Number.MAX_SAFE_INTEGER;
    };
    const sorted = r === 0 ? [...col].sort() : [...col].sort((a, b) => bary(a) - bary(b) || a.localeCompare(b));
    sorted.forEach((id, i) => {
      slot.set(id, i);
      positions[id] = [20 + NODE_W / 2 + r * (NODE_W + 80), 20 + NODE_H / 2 + i * (NODE_H + 8)];
    });
    height = Math.max(height, 40 + sorted.length * (NODE_H + 8));
  });
  return { engine: 'ranked', positions, width: 40 + columns.length * (NODE_W + 80), height };
}
