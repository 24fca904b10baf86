// on-run-start / on-run-end from project.yml: rendered with the project context (and `results` at the
// end), executed in order on one connection.
import type { ParsedProject } from '../parser/project-parser.js';
import type { Adapter } from '../adapters/adapter.js';
import type { NodeResult } from '../runner/types.js';
import { templateError } from '../templating/template-errors.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { renderAtRunTime } from '../compiler/compile-node.js';
import { RelationCache } from '../compiler/relation-cache.js';
import { operationNode } from '../operations/operation-node.js';
import { isScalar, Scalar } from 'yaml';
import { nodeAt, readYamlFile } from '../config/yaml-file.js';
import type { SourceLocation } from '../parser/types.js';

/**
 * Where, in the project file, line `line` / column `column` of hook `index` is written (the template
 * of a hook only knows positions inside its own text). Read again only when a hook fails.
 */
function hookLocation(project: ParsedProject, which: string, index: number, file: string, line?: number, column?: number): SourceLocation {
  let y;
  try {
    y = readYamlFile(project.config.project.file, file);
  } catch {
    return { file };
  }
  const list = nodeAt(y, [which]);
  const node = isScalar(list) ? list : nodeAt(y, [which, index]);
  if (!isScalar(node) || !node.range) return { file, line, column };
  const start = y.lines.linePos(node.range[0]);
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    // `- |` then the text on the lines below, indented: line 1 of the template is the next line
    const first = y.text.slice(node.range[0]).split('\n')[1] ?? '';
    const indent = first.length - first.trimStart().length;
    return { file, line: start.line + (line ?? 1), column: column === undefined ? undefined : column + indent };
  }
  // a plain or quoted scalar: one template line (YAML folds a multi-line flow scalar into one)
  const quote = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE ? 1 : 0;
  const oneLine = !y.text.slice(node.range[0], node.range[1]).includes('\n');
  return { file, line: start.line, column: column !== undefined && oneLine && (line ?? 1) === 1 ? start.col + quote + column - 1 : undefined };
}

/** An error of the hook's template, moved from `file:<template line>` to the hook's place in `file`. */
function atHook(e: unknown, project: ParsedProject, which: string, index: number, file: string): TsdbtError {
  const err = e instanceof TsdbtError ? e : templateError(e, file);
  if (err.location && err.location.file !== file) return err; // raised inside a macro: its own file
  const location = hookLocation(project, which, index, file, err.location?.line, err.location?.column);
  return new TsdbtError(err.code, err.message, { location, hint: err.hint, exitCode: err.exitCode, cause: err });
}

export async function runProjectHooks(project: ParsedProject, adapter: Adapter, which: 'on-run-start' | 'on-run-end', results: NodeResult[]): Promise<void> {
  const list = which === 'on-run-start' ? project.config.project.onRunStart : project.config.project.onRunEnd;
  if (!list.length) return;
  const file = project.config.project.file.slice(project.config.project.root.length + 1);
  const conn = await adapter.connect();
  try {
    // hooks get a run-time scope (run_query, adapter, ref) like dbt's, plus results/schemas
    const relations = await RelationCache.load(adapter, conn);
    const statusOf = (r: NodeResult) => ({ ...r, node: project.manifest.nodes[r.unique_id], status: r.status });
    const nodes = Object.values(project.manifest.nodes);
    const extra = {
      results: results.map(statusOf),
      schemas: [...new Set(nodes.map((n) => n.schema))],
      database_schemas: [...new Map(nodes.map((n) => [`${n.database}.${n.schema}`, [n.database, n.schema]])).values()],
    };
    for (const [i, hook] of list.entries()) {
      let sql: string;
      try {
        const t = project.engine.compile(hook, file);
        sql = (await renderAtRunTime(operationNode(project, `${which}-${i}`), { project, relations, conn }, (scope) => t.render(Object.assign(scope, extra)))).sql;
      } catch (e) {
        throw atHook(e, project, which, i, file);
      }
      if (!sql.trim()) continue;
      try {
        await conn.run(sql);
      } catch (e) {
        throw new TsdbtError('R001', `${which} hook ${i + 1} failed: ${(e as Error).message}`, { location: hookLocation(project, which, i, file), hint: `fix the SQL of the ${which} hook in ${file}` });
      }
    }
  } finally {
    conn.close();
  }
}
