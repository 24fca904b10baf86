// Flattens manifest, catalog, run results, lineage and previews into the one object the page reads
// (embedded as a script so the site opens from file:// with no fetch and no database).
import type { Manifest, ManifestNode, SourceDefinition } from '../parser/types.js';
import type { CatalogArtifact, RunResultsArtifact } from './catalog-types.js';
import type { ModelColumnLineage } from './lineage/index.js';
import { renderDescription } from './markdown.js';
import { layoutOverview, type OverviewLayout } from './overview-layout.js';
import type { Preview } from './previews.js';

export interface SiteColumn { name: string; type: string | null; desc: string; html: string; tests: string[] }
export interface SiteRun { status: string; time: number | null; at: string | null; message: string | null; failures: number | null }

export interface SiteNode {
  id: string; type: string; name: string; pkg: string; path: string; layer: string; mat: string;
  relation: string | null; desc: string; html: string; tags: string[]; config: Record<string, unknown>;
  raw: string; compiled: string | null; columns: SiteColumn[]; parents: string[]; children: string[];
  built: boolean | null; stats: Record<string, { label: string; value: unknown }>; run: SiteRun | null;
  tests: string[]; test?: { name: string; attached: string | null; column: string | null; kwargs: Record<string, unknown> };
}

export interface SiteData {
  project: string; generatedAt: string; runAt: string | null;
  nodes: SiteNode[]; lineage: Record<string, ModelColumnLineage>; previews: Record<string, Preview>;
  overview: OverviewLayout;
  /** the project's `{% docs __overview__ %}` block as HTML (dbt's home page text), '' when there is none */
  overviewHtml: string;
}

export interface SiteInputs {
  manifest: Manifest; catalog: CatalogArtifact; runResults?: RunResultsArtifact;
  lineage: Record<string, ModelColumnLineage>; previews?: Record<string, Preview>;
}

const GRAPH_TYPES = new Set(['model', 'seed', 'snapshot', 'source']);

function layerOf(m: ManifestNode | SourceDefinition): string {
  if (m.resource_type === 'source' || m.resource_type === 'seed') return m.resource_type;
  // fqn is [project, ...folders, name]: the first folder is the layer (staging, intermediate, marts).
  return m.fqn.length > 2 ? m.fqn[1] : m.resource_type;
}

type RunResult = RunResultsArtifact['results'][number];

function runOf(id: string, byId: Map<string, RunResult>, rr?: RunResultsArtifact): SiteRun | null {
  const r = byId.get(id);
  if (!r) return null;
  const done = r.timing?.find((t) => t.name === 'execute')?.completed_at ?? r.timing?.at(-1)?.completed_at ?? null;
  return { status: r.status, time: r.execution_time ?? null, at: done ?? rr?.metadata?.generated_at ?? null, message: r.message ?? null, failures: r.failures ?? null };
}

function columnsOf(m: ManifestNode | SourceDefinition, inp: SiteInputs, testsByColumn: Map<string, string[]>): SiteColumn[] {
  const cat = inp.catalog.nodes[m.unique_id] ?? inp.catalog.sources[m.unique_id];
  const yaml = m.columns ?? {};
  const findYaml = (n: string) => Object.values(yaml).find((c) => c.name.toLowerCase() === n.toLowerCase());
  const names = cat ? Object.values(cat.columns).sort((a, b) => a.index - b.index).map((c) => c.name) : [];
  for (const c of Object.values(yaml)) if (!names.some((n) => n.toLowerCase() === c.name.toLowerCase())) names.push(c.name);
  return names.map((name) => {
    const y = findYaml(name);
    const type = (cat && Object.values(cat.columns).find((c) => c.name === name)?.type) ?? y?.data_type ?? null;
    const tests = testsByColumn.get(`${m.unique_id}\u0000${name.toLowerCase()}`) ?? [];
    return { name, type, desc: y?.description ?? '', html: renderDescription(y?.description, inp.manifest), tests };
  });
}

/** dbt's rule: the root project's `__overview__` doc block, else any package's. */
function overviewBlock(manifest: Manifest): string {
  const blocks = Object.values(manifest.docs ?? {}).filter((d) => d.name === '__overview__');
  const own = Object.entries(manifest.docs ?? {}).find(([id, d]) => d.name === '__overview__' && id === `doc.${manifest.project_name}.__overview__`);
  return (own?.[1] ?? blocks[0])?.block_contents ?? '';
}

export async function buildSiteData(inp: SiteInputs): Promise<SiteData> {
  const { manifest } = inp;
  const members: (ManifestNode | SourceDefinition)[] = [...Object.values(manifest.nodes), ...Object.values(manifest.sources)];
  const runs = new Map((inp.runResults?.results ?? []).map((r) => [r.unique_id, r]));
  const testsOf = new Map<string, string[]>();
  const testsByColumn = new Map<string, string[]>();
  for (const n of Object.values(manifest.nodes)) {
    if (n.resource_type !== 'test') continue;
    const targets = n.attached_node ? [n.attached_node] : n.depends_on.nodes;
    for (const t of targets) testsOf.set(t, [...(testsOf.get(t) ?? []), n.unique_id]);
    if (n.attached_node && n.column_name) {
      const k = `${n.attached_node}\u0000${n.column_name.toLowerCase()}`;
      testsByColumn.set(k, [...(testsByColumn.get(k) ?? []), n.unique_id]);
    }
  }
  const nodes: SiteNode[] = members.map((m) => {
    const isSource = m.resource_type === 'source';
    const node = isSource ? undefined : (m as ManifestNode);
    const cat = inp.catalog.nodes[m.unique_id] ?? inp.catalog.sources[m.unique_id];
    const buildable = GRAPH_TYPES.has(m.resource_type) && node?.config.materialized !== 'ephemeral';
    return {
      id: m.unique_id, type: m.resource_type, name: isSource ? `${(m as SourceDefinition).source_name}.${m.name}` : m.name,
      pkg: m.package_name, path: m.original_file_path, layer: layerOf(m), mat: isSource ? 'source' : String(node!.config.materialized),
      relation: m.relation_name, desc: m.description ?? '', html: renderDescription(m.description, manifest), tags: m.tags ?? [],
      config: m.config as Record<string, unknown>, raw: node?.raw_code ?? '', compiled: node?.compiled_code ?? null,
      columns: columnsOf(m, inp, testsByColumn),
      parents: manifest.parent_map[m.unique_id] ?? node?.depends_on.nodes ?? [], children: manifest.child_map[m.unique_id] ?? [],
      built: buildable ? Boolean(cat) : null,
      stats: Object.fromEntries(Object.entries(cat?.stats ?? {}).filter(([, s]) => s.include).map(([k, s]) => [k, { label: s.label, value: s.value }])),
      run: runOf(m.unique_id, runs, inp.runResults), tests: testsOf.get(m.unique_id) ?? [],
      ...(node?.test_metadata || m.resource_type === 'test'
        ? { test: { name: node!.test_metadata?.name ?? m.name, attached: node!.attached_node ?? null, column: node!.column_name ?? null, kwargs: node!.test_metadata?.kwargs ?? {} } }
        : {}),
    };
  });
  for (const mac of Object.values(manifest.macros)) {
    nodes.push({
      id: mac.unique_id, type: 'macro', name: mac.name, pkg: mac.package_name, path: mac.original_file_path, layer: 'macro', mat: 'macro',
      relation: null, desc: mac.description ?? '', html: renderDescription(mac.description, manifest), tags: [], config: {},
      raw: mac.macro_sql, compiled: null, columns: [], parents: [], children: [], built: null, stats: {}, run: null, tests: [],
    });
  }
  const graphIds = nodes.filter((n) => GRAPH_TYPES.has(n.type)).map((n) => n.id);
  const inGraph = new Set(graphIds);
  const edges = nodes.flatMap((n) => (inGraph.has(n.id) ? n.parents.filter((p) => inGraph.has(p)).map((p) => [p, n.id] as [string, string]) : []));
  const overview = await layoutOverview(graphIds, edges);
  return {
    project: manifest.project_name, generatedAt: new Date().toISOString(), runAt: inp.runResults?.metadata?.generated_at ?? null,
    nodes, lineage: inp.lineage, previews: inp.previews ?? {}, overview,
    overviewHtml: renderDescription(overviewBlock(manifest), manifest),
  };
}
