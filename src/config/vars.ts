// dbt's var scoping: project vars may be global or nested under a package name
// (`vars: { shop: { start: '2020-01-01' } }`); `--vars` always wins.
import { isObj } from './validate.js';

/**
 * The vars one package sees: global vars, then the block scoped to `packageName`, then `cliVars`.
 * `packageNames` lists every known package (blocks for other packages are not global vars).
 * @example varsFor({ a: 1, shop: { a: 2 } }, 'shop', { a: 3 })  // { a: 3 }
 */
export function varsFor(
  projectVars: Record<string, unknown>,
  packageName: string,
  cliVars: Record<string, unknown> = {},
  packageNames: Iterable<string> = [packageName],
): Record<string, unknown> {
  const scopes = new Set(packageNames);
  scopes.add(packageName);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(projectVars)) {
    if (scopes.has(k) && isObj(v)) continue;
    out[k] = v;
  }
  const scoped = projectVars[packageName];
  if (isObj(scoped)) Object.assign(out, scoped);
  return Object.assign(out, cliVars);
}
