// The stand-in node a macro or project hook renders as when no model is involved (run-operation,
// on-run-start/end): `this`, schema and database are the target's.
import type { ManifestNode, MacroDefinition } from '../parser/types.js';
import type { ParsedProject } from '../parser/project-parser.js';

export function operationNode(project: ParsedProject, name: string, def?: MacroDefinition): ManifestNode {
  const { config } = project;
  return {
    unique_id: `operation.${config.project.name}.${name}`,
    resource_type: 'operation',
    package_name: def?.package_name ?? config.project.name,
    name,
    path: def?.path ?? '',
    original_file_path: def?.original_file_path ?? config.project.file.slice(config.project.root.length + 1),
    fqn: [config.project.name, name],
    alias: name,
    schema: config.target.schema,
    database: config.target.database,
    raw_code: '',
    language: 'sql',
    checksum: { name: 'sha256', checksum: '' },
    config: { enabled: true, materialized: 'view', tags: [], meta: {}, pre_hook: [], post_hook: [] },
    tags: [],
    description: '',
    columns: {},
    meta: {},
    refs: [],
    sources: [],
    depends_on: { nodes: [], macros: def ? [def.unique_id] : [] },
    relation_name: null,
    patch_path: null,
  };
}
