// dbt's qualified-name matching, used by `fqn:` and by bare selectors: a selector matches a node's
// name, or a dotted prefix of its fqn (`staging.stg_orders`, `my_project.marts`), with or without
// the package name; a wildcard matches the rest of the fqn from where it appears.
import { fnmatch } from './glob.js';

function isSelectedNode(fqn: readonly string[], selector: string): boolean {
  if (fqn.length === 0) return false;
  if (fqn[fqn.length - 1] === selector) return true;
  // Dots in names act as namespace separators.
  const flat = fqn.flatMap((s) => s.split('.'));
  const parts = selector.split('.');
  if (flat.length < parts.length) return false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (/[*?[\]]/.test(part)) {
      return fnmatch(flat.slice(i).join('.'), parts.slice(i).join('.'));
    }
    if (flat[i] !== part) return false;
  }
  return true;
}

/**
 * True when `selector` selects a node with this fqn. Note that as in dbt, `stg_*` is matched against
 * the fqn, so it only matches top-level models; `*stg_*` or `staging.stg_*` reaches into folders.
 */
export function fqnMatches(fqn: readonly string[], selector: string): boolean {
  return isSelectedNode(fqn, selector) || isSelectedNode(fqn.slice(1), selector);
}
