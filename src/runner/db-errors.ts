// A DuckDB error raised while running a node -> a TsdbtError naming the model file and the compiled
// SQL, with DuckDB's own message (and its LINE pointer) kept.
import type { ManifestNode } from '../parser/types.js';
import { TsdbtError } from '../errors/tsdbt-error.js';

export function duckdbError(e: unknown, node: ManifestNode): TsdbtError {
  const msg = e instanceof Error ? e.message : String(e);
  const interrupted = /INTERRUPT/i.test(msg);
  const where = node.compiled_path ? ` (compiled SQL: ${node.compiled_path})` : '';
  const text = interrupted ? `cancelled (interrupted): the query was stopped; the previous version of ${node.relation_name ?? node.name} is untouched` : `${msg.trim()}${where}`;
  // DuckDB's CSV reader names the line of a bad seed row: point the user at it
  const csvLine = node.resource_type === 'seed' ? /CSV Error on Line: (\d+)/.exec(msg) : null;
  const fix = node.resource_type === 'seed' ? `fix the CSV file ${node.original_file_path}${csvLine ? ` at line ${csvLine[1]}` : ''}` : `fix the SQL of ${node.original_file_path}`;
  return new TsdbtError(interrupted ? 'R004' : 'R001', text, {
    location: { file: node.original_file_path, line: csvLine ? Number(csvLine[1]) : undefined },
    hint: interrupted ? undefined : `${fix}; the previous version of ${node.relation_name ?? node.name} is untouched`,
  });
}
