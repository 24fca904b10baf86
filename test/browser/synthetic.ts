// A synthetic 10,000-node project (sources -> staging -> intermediate -> marts) for responsiveness tests.
import type { ColumnInfo, Manifest, ManifestNode, SourceDefinition } from '../../src/parser/types.js';

const LAYERS: [string, number][] = [['staging', 3000], ['intermediate', 3000], ['marts', 3000]];

function columns(prefix: string): Record<string, ColumnInfo> {
  return Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`${prefix}_col_${i}`, { name: `${prefix}_col_${i}`, description: `Column ${i} of ${prefix}`, meta: {}, tags: [] }]));
}

export function syntheticManifest(sourceCount = 1000): Manifest {
  const sources: Record<string, SourceDefinition> = {};
  let previous: string[] = [];
  for (let i = 0; i < sourceCount; i++) {
    const name = `src_${String(i).padStart(4, '0')}`;
    const id = `source.big.raw.${name}`;
    sources[id] = {
      unique_id: id, resource_type: 'source', package_name: 'big', source_name: 'raw', name, identifier: name, schema: 'raw', database: 'big',
      path: 'models/sources.yml', original_file_path: 'models/sources.yml', fqn: ['big', 'raw', name], description: `Raw table ${name}`, source_description: '',
      loader: '', columns: columns(name), meta: {}, source_meta: {}, tags: [], config: { enabled: true }, loaded_at_field: null, freshness: null, relation_name: `"big"."raw"."${name}"`,
    };
    previous.push(id);
  }
  const nodes: Record<string, ManifestNode> = {};
  for (const [layer, count] of LAYERS) {
    const current: string[] = [];
    for (let i = 0; i < count; i++) {
      const name = `${layer.slice(0, 3)}_${String(i).padStart(4, '0')}`;
      const id = `model.big.${name}`;
      // Parents near the same position in the previous layer, as real projects fan in locally.
      const base = Math.floor((i / count) * previous.length);
      const parents = [...new Set([previous[base], previous[(base + 1) % previous.length], previous[(base * 7 + 3) % previous.length]])];
      nodes[id] = {
        unique_id: id, resource_type: 'model', package_name: 'big', name, path: `${layer}/${name}.sql`, original_file_path: `models/${layer}/${name}.sql`,
        fqn: ['big', layer, name], alias: name, schema: 'main', database: 'big', raw_code: `select * from {{ ref('x') }}`, language: 'sql',
        checksum: { name: 'sha256', checksum: name }, config: { enabled: true, materialized: layer === 'marts' ? 'table' : 'view', tags: [], meta: {}, pre_hook: [], post_hook: [] },
        tags: [layer], description: `Model ${name} in ${layer}`, columns: columns(name), meta: {}, refs: [], sources: [], depends_on: { nodes: parents, macros: [] },
        relation_name: `"big"."main"."${name}"`, patch_path: null,
      };
      current.push(id);
    }
    previous = current;
  }
  const parent_map: Record<string, string[]> = {};
  const child_map: Record<string, string[]> = {};
  for (const id of [...Object.keys(sources), ...Object.keys(nodes)]) {
    parent_map[id] = nodes[id]?.depends_on.nodes ?? [];
    child_map[id] = [];
  }
  for (const n of Object.values(nodes)) for (const p of n.depends_on.nodes) child_map[p].push(n.unique_id);
  return { project_name: 'big', nodes, sources, macros: {}, docs: {}, parent_map, child_map, disabled: {} };
}
