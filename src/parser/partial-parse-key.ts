// What a node's parse-time render can depend on, as hashes: the project-wide inputs (tsdbt version,
// vars, target, project config) and, per node, the macros its code can reach by name (transitively).
import * as crypto from 'node:crypto';
import type { ResolvedConfig } from '../config/types.js';
import type { MacroDefinition } from './types.js';
import { stableJson } from '../graph/selector-state.js';

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/g;

const oneShot = (crypto as { hash?: (alg: string, data: string, enc: 'base64') => string }).hash;

export function hashOf(...parts: string[]): string {
  // one-shot hashing of the joined parts is ~3x cheaper than a Hash object per file (same digest)
  if (oneShot) return oneShot('sha1', parts.join('\0') + '\0', 'base64');
  const h = crypto.createHash('sha1');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('base64');
}

/** The inputs every node shares: a change to any of them re-renders everything. */
export function globalKey(config: ResolvedConfig, version: string): string {
  const { root: _root, ...project } = config.project as unknown as Record<string, unknown>;
  return hashOf('tsdbt-partial-parse-1', version, stableJson(config.vars), stableJson(config.target), stableJson(project));
}

/**
 * Hashes of the macros reachable from a piece of code. Reachability is by identifier: any word of the
 * code (or of a reached macro file) that names a macro, or a package whose macros are called as
 * `pkg.name`, reaches it. `dispatch` resolves names built at run time, so it reaches every macro.
 */
export class MacroReach {
  private readonly byName = new Map<string, MacroDefinition[]>();
  private readonly byPackage = new Map<string, MacroDefinition[]>();
  private readonly fileHash = new Map<string, string>();
  private readonly closure = new Map<string, { ids: Set<string>; dispatches: boolean }>();
  private allKey?: string;
  private names?: string[];

  constructor(private readonly macros: Record<string, MacroDefinition>) {
    for (const m of Object.values(macros)) {
      (this.byName.get(m.name) ?? this.byName.set(m.name, []).get(m.name)!).push(m);
      (this.byPackage.get(m.package_name) ?? this.byPackage.set(m.package_name, []).get(m.package_name)!).push(m);
    }
  }

  /** A hash of every macro the code can reach (empty string when it reaches none). */
  keyFor(code: string): string {
    const reached = new Set<string>();
    if (this.reach(code, reached)) return this.everything();
    if (reached.size === 0) return '';
    return hashOf(...[...reached].sort().map((id) => `${id}=${this.hashOfMacro(id)}`));
  }

  /** Adds reachable macro ids to `out`; true when the code dispatches (reaches everything). */
  private reach(code: string, out: Set<string>): boolean {
    const pending: MacroDefinition[] = [];
    for (const w of this.wordsIn(code)) {
      if (w === 'dispatch') return true;
      for (const m of this.byName.get(w) ?? []) pending.push(m);
      for (const m of this.byPackage.get(w) ?? []) pending.push(m);
    }
    while (pending.length) {
      const m = pending.pop()!;
      if (out.has(m.unique_id)) continue;
      out.add(m.unique_id);
      const fileKey = m.original_file_path + '\0' + m.package_name;
      let inner = this.closure.get(fileKey);
      if (!inner) {
        inner = { ids: new Set(), dispatches: false };
        for (const w of new Set(m.macro_sql.match(IDENT) ?? [])) {
          if (w === 'dispatch') inner.dispatches = true;
          for (const d of [...(this.byName.get(w) ?? []), ...(this.byPackage.get(w) ?? [])]) inner.ids.add(d.unique_id);
        }
        this.closure.set(fileKey, inner);
      }
      if (inner.dispatches) return true;
      for (const id of inner.ids) if (!out.has(id)) pending.push(this.macros[id]!);
    }
    return false;
  }

  /**
   * The macro and package names (and `dispatch`) that occur in `code` as whole words. With few names,
   * a substring search per name is cheaper than splitting 10,000 files into words.
   */
  private wordsIn(code: string): Iterable<string> {
    const names = (this.names ??= ['dispatch', ...new Set([...this.byName.keys(), ...this.byPackage.keys()])]);
    if (names.length > 200) return new Set(code.match(IDENT) ?? []);
    const out: string[] = [];
    for (const n of names) {
      for (let i = code.indexOf(n); i !== -1; i = code.indexOf(n, i + 1)) {
        if (!isWordChar(code.charCodeAt(i - 1)) && !isWordChar(code.charCodeAt(i + n.length))) {
          out.push(n);
          break;
        }
      }
    }
    return out;
  }

  private hashOfMacro(id: string): string {
    let h = this.fileHash.get(id);
    if (h === undefined) {
      const m = this.macros[id]!;
      h = hashOf(m.package_name, m.original_file_path, m.macro_sql);
      this.fileHash.set(id, h);
    }
    return h;
  }

  private everything(): string {
    return (this.allKey ??= hashOf('all', ...Object.keys(this.macros).sort().map((id) => `${id}=${this.hashOfMacro(id)}`)));
  }
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
