// dbt's console lines for a run: `1 of 12 START sql table model main.dim_date ..... [RUN]`, the result
// line, the summary, and the error list at the end.
import type { ManifestNode } from '../parser/types.js';
import type { NodeResult } from '../runner/types.js';
import { console as out } from './console.js';
import { formatError, TsdbtError } from '../errors/tsdbt-error.js';

const WIDTH = 80;

// the clock as HH:MM:SS, formatted once per second (thousands of lines share it)
let lastSecond = -1;
let lastText = '';
function ts(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(now).toTimeString().slice(0, 8);
  }
  return lastText;
}

/** Printed width of a string: colour codes take no room. */
function visibleLength(s: string): number {
  return s.replace(/\x1b\[[0-9;]*m/g, '').length;
}

function line(prefix: string, msg: string, status: string): string {
  const head = `${prefix} ${msg} `;
  const width = visibleLength(head);
  const dots = width < WIDTH ? '.'.repeat(WIDTH - width) : '';
  return `${ts()}  ${head}${dots} [${status}]`;
}

export function describeNode(node: ManifestNode): string {
  const rel = `${node.schema}.${node.alias}`;
  switch (node.resource_type) {
    case 'seed':
      return `seed file ${rel}`;
    case 'test':
    case 'unit_test':
      return `test ${node.name}`;
    case 'snapshot':
      return `snapshot ${rel}`;
    default:
      return `sql ${node.config.materialized} model ${rel}`;
  }
}

export function printStart(i: number, n: number, node: ManifestNode): void {
  out.info(line(`${i} of ${n}`, `START ${describeNode(node)}`, 'RUN'));
}

export function printResult(i: number, n: number, node: ManifestNode, r: NodeResult): void {
  const pc = out.colors;
  const t = `${r.execution_time.toFixed(2)}s`;
  const what = describeNode(node);
  const isTest = node.resource_type === 'test' || node.resource_type === 'unit_test';
  switch (r.status) {
    case 'success': {
      const verb = node.resource_type === 'seed' ? `loaded ${what}` : node.resource_type === 'snapshot' ? `snapshotted ${node.schema}.${node.alias}` : `created ${what}`;
      out.info(line(`${i} of ${n}`, `${pc.green('OK')} ${verb}`, `${pc.green(r.adapter_response.code ?? 'OK')} in ${t}`));
      break;
    }
    case 'pass':
      out.info(line(`${i} of ${n}`, `${pc.green('PASS')} ${node.name}`, `${pc.green('PASS')} in ${t}`));
      break;
    case 'warn':
      out.info(line(`${i} of ${n}`, `${pc.yellow(`WARN ${r.failures ?? ''}`.trim())} ${node.name}`, `${pc.yellow(`WARN ${r.failures ?? ''}`.trim())} in ${t}`));
      break;
    case 'fail':
      out.info(line(`${i} of ${n}`, `${pc.red(`FAIL ${r.failures ?? ''}`.trim())} ${node.name}`, `${pc.red(`FAIL ${r.failures ?? ''}`.trim())} in ${t}`));
      break;
    case 'skipped':
      out.info(line(`${i} of ${n}`, `${pc.yellow('SKIP')} ${isTest ? `test ${node.name}` : `relation ${node.schema}.${node.alias}`}`, pc.yellow('SKIP')));
      break;
    default:
      out.info(line(`${i} of ${n}`, `${pc.red('ERROR')} ${isTest ? `${node.name}` : `creating ${what}`}`, `${pc.red('ERROR')} in ${t}`));
  }
  if (r.preview && (r.status === 'fail' || r.status === 'warn')) out.info(r.preview);
}

export function summaryCounts(results: NodeResult[]) {
  const c = { PASS: 0, WARN: 0, ERROR: 0, SKIP: 0, TOTAL: results.length };
  for (const r of results) {
    if (r.status === 'success' || r.status === 'pass') c.PASS++;
    else if (r.status === 'warn') c.WARN++;
    else if (r.status === 'skipped') c.SKIP++;
    else c.ERROR++;
  }
  return c;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function printFinished(nodes: ManifestNode[], elapsed: number): void {
  const kinds = new Map<string, number>();
  for (const n of nodes) {
    const k = n.resource_type === 'model' ? `${n.config.materialized} model` : n.resource_type === 'test' ? 'data test' : n.resource_type === 'unit_test' ? 'unit test' : n.resource_type;
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  const parts = [...kinds].map(([k, v]) => plural(v, k));
  const m = Math.floor(elapsed / 60);
  out.info(`${ts()}  `);
  out.info(`${ts()}  Finished running ${parts.join(', ') || 'nothing'} in 0 hours ${m} minutes and ${(elapsed - m * 60).toFixed(2)} seconds (${elapsed.toFixed(2)}s).`);
}

export function printSummary(results: NodeResult[], nodes: Map<string, ManifestNode>, errors: Map<string, unknown>): void {
  const pc = out.colors;
  const c = summaryCounts(results);
  const bad = results.filter((r) => r.status === 'error' || r.status === 'fail' || r.status === 'runtime error');
  const warns = results.filter((r) => r.status === 'warn');
  out.info(`${ts()}  `);
  if (!bad.length && !warns.length) out.info(`${ts()}  ${pc.green('Completed successfully')}`);
  else out.info(`${ts()}  ${pc.red(`Completed with ${plural(bad.length, 'error')} and ${plural(warns.length, 'warning')}:`)}`);
  for (const r of [...bad, ...warns]) {
    const node = nodes.get(r.unique_id);
    const err = errors.get(r.unique_id);
    out.info(`${ts()}  `);
    const kind = node?.resource_type === 'test' || node?.resource_type === 'unit_test' ? (r.status === 'warn' ? 'Warning in test' : 'Failure in test') : `Runtime Error in ${node?.resource_type ?? 'node'}`;
    out.info(`${ts()}  ${kind} ${node?.name ?? r.unique_id} (${node?.original_file_path ?? ''})`);
    const detail = err instanceof TsdbtError ? formatError(err) : r.message ?? '';
    for (const l of detail.split('\n')) out.info(`${ts()}    ${l}`);
    if (node?.compiled_path && node.resource_type === 'test') out.info(`${ts()}    compiled code at ${node.compiled_path}`);
  }
  out.info(`${ts()}  `);
  out.info(`${ts()}  Done. PASS=${c.PASS} WARN=${c.WARN} ERROR=${c.ERROR} SKIP=${c.SKIP} TOTAL=${c.TOTAL}`);
}
