// Filters and tests dbt's Jinja has and nunjucks lacks (`is none`, `tojson`, `as_bool` ...).
import type nunjucks from 'nunjucks';
import YAML from 'yaml';

function asBool(v: unknown): boolean {
  if (typeof v === 'string') return ['true', '1', 'yes', 'on'].includes(v.trim().toLowerCase());
  return Boolean(v);
}

function asNumber(v: unknown): number {
  return typeof v === 'number' ? v : Number(String(v).trim());
}

function asNative(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  try {
    return JSON.parse(t);
  } catch {
    if (t === 'True') return true;
    if (t === 'False') return false;
    if (t === 'None') return null;
    return v;
  }
}

export function installJinjaFilters(nenv: nunjucks.Environment): void {
  const env = nenv as unknown as { addTest(n: string, f: (v: unknown) => boolean): void; addFilter(n: string, f: (...a: never[]) => unknown): void };
  env.addTest('none', (v: unknown) => v === null || v === undefined);
  env.addTest('string', (v: unknown) => typeof v === 'string' || (typeof v === 'object' && v !== null && v.constructor?.name === 'SafeString'));
  env.addTest('number', (v: unknown) => typeof v === 'number');
  env.addTest('mapping', (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v));
  env.addTest('sequence', (v: unknown) => Array.isArray(v) || typeof v === 'string');
  env.addTest('iterable', (v: unknown) => Array.isArray(v) || typeof v === 'string' || (typeof v === 'object' && v !== null));
  env.addTest('boolean', (v: unknown) => typeof v === 'boolean');
  env.addTest('true', (v: unknown) => v === true);
  env.addTest('false', (v: unknown) => v === false);
  env.addFilter('tojson', (v: unknown) => JSON.stringify(v));
  env.addFilter('fromjson', (v: unknown) => JSON.parse(String(v)));
  env.addFilter('toyaml', (v: unknown) => YAML.stringify(v));
  env.addFilter('fromyaml', (v: unknown) => YAML.parse(String(v)));
  env.addFilter('as_bool', asBool);
  env.addFilter('as_number', asNumber);
  env.addFilter('as_native', asNative);
  env.addFilter('as_text', (v: unknown) => (v === null || v === undefined ? '' : String(v)));
  env.addFilter('unique', (v: unknown[]) => [...new Set(v)]);
  env.addFilter('map_attr', (v: Record<string, unknown>[], attr: string) => v.map((x) => x[attr]));
}
