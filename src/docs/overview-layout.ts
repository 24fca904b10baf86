// Positions for the whole-project lineage view, laid out once at generate time by ELK's layered (Sugiyama)
// algorithm and cached in the site data, so the page never lays out the full graph itself.
// Measured on 2 cores: dagre needs ~23 s at 2,000 nodes and grows quadratically; ELK with the fast settings
// below lays out 10,000 nodes / 27,000 edges in ~17 s of CPU (570 MB), so it is used at every size.
import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';

export const NODE_W = 180;
export const NODE_H = 28;
/** Up to this many nodes ELK runs with its default (thorough) settings; beyond it the fast settings. */
export const THOROUGH_LIMIT = 300;

export interface OverviewLayout {
  engine: 'elk';
  /** `thorough` for small projects, `fast` above THOROUGH_LIMIT nodes */
  mode: 'thorough' | 'fast';
  /** x, y of each node's centre */
  positions: Record<string, [number, number]>;
  width: number;
  height: number;
}

const COMMON: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '8',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.padding': '[top=20,left=20,bottom=20,right=20]',
  // the canvas draws straight lines between node sides, so the cheapest routing is enough
  'elk.edgeRouting': 'POLYLINE',
};

// Each choice drops work that costs superlinear time at scale while keeping the layering and one
// layer-sweep pass of crossing minimisation, which is what keeps the picture readable.
const FAST: LayoutOptions = {
  ...COMMON,
  'elk.layered.layering.strategy': 'LONGEST_PATH',
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.layered.thoroughness': '1',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.compaction.postCompaction.strategy': 'NONE',
  'elk.separateConnectedComponents': 'false',
};

// elkjs is CommonJS: depending on the loader the constructor arrives as the default export or inside it.
const ElkCtor = ((ElkModule as unknown as { default?: unknown }).default ?? ElkModule) as new () => ElkApi;

export async function layoutOverview(ids: string[], edges: [string, string][]): Promise<OverviewLayout> {
  const mode = ids.length <= THOROUGH_LIMIT ? 'thorough' : 'fast';
  if (ids.length === 0) return { engine: 'elk', mode, positions: {}, width: 0, height: 0 };
  const known = new Set(ids);
  const seen = new Set<string>();
  const elkEdges: ElkNode['edges'] = [];
  for (const [a, b] of edges) {
    const key = `${a}\u0000${b}`;
    // ELK rejects edges to unknown nodes; self loops and duplicates add nothing to the overview
    if (a === b || !known.has(a) || !known.has(b) || seen.has(key)) continue;
    seen.add(key);
    elkEdges.push({ id: `e${elkEdges.length}`, sources: [a], targets: [b] });
  }
  const graph: ElkNode = {
    id: '\u0000root',
    layoutOptions: mode === 'fast' ? FAST : COMMON,
    children: ids.map((id) => ({ id, width: NODE_W, height: NODE_H })),
    edges: elkEdges,
  };
  const out = await new ElkCtor().layout(graph);
  const positions: Record<string, [number, number]> = {};
  for (const c of out.children ?? []) positions[c.id] = [Math.round((c.x ?? 0) + NODE_W / 2), Math.round((c.y ?? 0) + NODE_H / 2)];
  return { engine: 'elk', mode, positions, width: Math.ceil(out.width ?? 0), height: Math.ceil(out.height ?? 0) };
}
