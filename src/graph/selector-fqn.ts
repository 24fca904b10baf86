// dbt's qualified-name matching, used by `fqn:` and by bare selectors: a selector matches a node's
// name, or a dotted prefix of its fqn (`staging.stg_orders`, `my_project.marts`), with or without
// the package name; a wildcard matches the rest of the fqn from where it appears.
import { fnmatch } from './glob.js';

/**
 * A matcher for one selector. As in dbt, `stg_*` is matched against the fqn, so it only matches
 * top-level models; `*stg_*` or `staging.stg_*` reaches into folders.
 */
export function fqnMatcher(selector: string): (fqn: readonly string[]) => boolean {
  const parts = selector.split('.');
  const wild = parts.findIndex((p) => /[*?[\]]/.test(p));
  const fixed = wild < 0 ? parts : parts.slice(0, wild);
  const rest = wild < 0 ? '' : parts.slice(wild).join('.');

  const matchFrom = (fqn: readonly string[], start: number): boolean => {
    const n = fqn.length - start;
    if (n <= 0) return false;
    if (fqn[fqn.length - 1] === selector) return true;
    // Dots inside fqn segments act as namespace separators too (rare, so flatten only then).
    let flat: readonly string[] = fqn;
    let from = start;
    for (let i = start; i < fqn.length; i++) {
      if ((fqn[i] as string).includes('.')) {
        flat = fqn.slice(start).flatMap((s) => s.split('.'));
        from = 0;
        break;
      }
    }
    if (flat.length - from < parts.length) return false;
    for (let i = 0; i < fixed.length; i++) if (flat[from + i] !== fixed[i]) return false;
    return wild < 0 || fnmatch(flat.slice(from + wild).join('.'), rest);
  };
  return (fqn) => matchFrom(fqn, 0) || matchFrom(fqn, 1);
}
