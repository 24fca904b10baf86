// Filters and `is` tests come from the nunjucks Environment the template is compiled for (tsdbt's
// engine passes its own), so a filter or test added to it behaves the same on both render paths.
import nunjucks from 'nunjucks';
import { installJinjaFilters } from '../jinja-filters.js';

export interface FilterEnv {
  readonly filters: Record<string, unknown>;
  readonly tests: Record<string, unknown>;
  readonly asyncFilters: string[];
  readonly opts: object;
  getFilter(name: string): (...args: unknown[]) => unknown;
  getTest(name: string): (...args: unknown[]) => unknown;
}

let fallback: FilterEnv | null = null;

/** For compileFast without an environment: nunjucks' built-ins plus tsdbt's Jinja filters and tests. */
export function defaultEnv(): FilterEnv {
  if (fallback === null) {
    const env = new nunjucks.Environment(null, { autoescape: false });
    installJinjaFilters(env);
    fallback = env as unknown as FilterEnv;
  }
  return fallback;
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** a synchronous filter the environment has now (otherwise nunjucks renders the template) */
export function hasFilter(env: FilterEnv, name: string): boolean {
  return has(env.filters, name) && typeof env.filters[name] === 'function' && !env.asyncFilters.includes(name);
}

export function hasTest(env: FilterEnv, name: string): boolean {
  return has(env.tests, name) && typeof env.tests[name] === 'function';
}
