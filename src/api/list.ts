// `tsdbt ls`: what a selection picks, as dbt prints it (selector, name, path or json per line).
import type { CommonOptions, SelectionOptions } from './options.js';
import { loadProject, select } from './session.js';
import type { GraphMember } from '../parser/types.js';

export type ListOutput = 'selector' | 'name' | 'path' | 'json';

export function describeMember(m: GraphMember, output: ListOutput, keys?: string[]): string {
  switch (output) {
    case 'name':
      return m.resource_type === 'source' ? `${(m as { source_name: string }).source_name}.${m.name}` : m.name;
    case 'path':
      return m.original_file_path;
    case 'json': {
      const full: Record<string, unknown> = {
        name: m.name,
        resource_type: m.resource_type,
        package_name: m.package_name,
        original_file_path: m.original_file_path,
        unique_id: m.unique_id,
        alias: (m as { alias?: string }).alias ?? m.name,
        config: m.config,
        tags: m.tags,
        depends_on: (m as { depends_on?: unknown }).depends_on ?? { nodes: [] },
      };
      if (!keys?.length) return JSON.stringify(full);
      return JSON.stringify(Object.fromEntries(keys.map((k) => [k, full[k] ?? (m as Record<string, unknown>)[k]])));
    }
    default:
      return m.resource_type === 'source' ? `source:${m.fqn.join('.')}` : m.fqn.join('.');
  }
}

export function list(o: CommonOptions & SelectionOptions & { resourceTypes?: string[]; output?: ListOutput; outputKeys?: string[] }): string[] {
  const project = loadProject(o);
  const ids = select(project, o, o.resourceTypes);
  return ids.map((id) => describeMember(project.graph.members.get(id)!, o.output ?? 'selector', o.outputKeys));
}
