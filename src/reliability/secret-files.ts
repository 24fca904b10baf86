// Masks secret values (TSDBT_ENV_SECRET_* / DBT_ENV_SECRET_*) in files tsdbt writes itself after the
// fact (compiled SQL, run SQL, the docs site): the raw value and its JSON-escaped form both become `*****`.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { console as out } from '../console/console.js';

/** Mask `text` for a file: the console's masking plus the JSON-escaped spelling of each secret. */
export function maskForFile(text: string): string {
  let t = out.mask(text);
  for (const s of out.secretList()) {
    const escaped = JSON.stringify(s).slice(1, -1);
    if (escaped !== s) t = t.split(escaped).join('*****');
  }
  return t;
}

/** Rewrite each file that contains a secret, masked. Missing files are ignored. */
export function maskFiles(paths: Iterable<string>): void {
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const text = readFileSync(p, 'utf8');
    const masked = maskForFile(text);
    if (masked !== text) writeFileSync(p, masked);
  }
}

/**
 * Mask every file under `dir` (the target folder) once a command has written it. Costs nothing when
 * no secret is set; a catch-all for writers that do not mask themselves.
 */
export function maskTree(dir: string): void {
  if (!out.secretList().length || !existsSync(dir)) return;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && statSync(p).size < 64 * 1024 * 1024) maskFiles([p]);
    }
  };
  walk(dir);
}
