// The lines dbt prints before a run: version, what was found, concurrency.
import type { ParsedProject } from '../parser/project-parser.js';
import { console as out } from '../console/console.js';
import { TSDBT_VERSION } from '../artifacts/write-artifacts.js';

function ts(): string {
  return new Date().toTimeString().slice(0, 8);
}

export function printHeader(project: ParsedProject, threads: number): void {
  const counts = new Map<string, number>();
  for (const n of Object.values(project.manifest.nodes)) {
    const k = n.resource_type === 'test' ? 'data test' : n.resource_type.replace('_', ' ');
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const parts = [...counts].map(([k, v]) => `${v} ${k}${v === 1 ? '' : 's'}`);
  parts.push(`${Object.keys(project.manifest.sources).length} sources`);
  parts.push(`${Object.keys(project.manifest.macros).length} macros`);
  out.info(`${ts()}  Running with tsdbt=${TSDBT_VERSION}`);
  out.info(`${ts()}  Registered adapter: duckdb=${TSDBT_VERSION}`);
  out.info(`${ts()}  Found ${parts.join(', ')}`);
  out.info(`${ts()}  `);
  out.info(`${ts()}  Concurrency: ${threads} threads (target='${project.config.target.name}')`);
  out.info(`${ts()}  `);
}
