// Finds the line of a test entry or argument in a property file, for error messages: property entries
// only remember where their `name:` is, so this scans forward from there for the words it is given.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceLocation } from '../parser/types.js';

const cache = new Map<string, string[]>();
// one pattern per word: building a RegExp per test entry was a visible cost on 20,000 tests
const patterns = new Map<string, RegExp>();

function linesOf(abs: string): string[] {
  let lines = cache.get(abs);
  if (!lines) {
    try {
      lines = readFileSync(abs, 'utf8').split('\n');
    } catch {
      lines = [];
    }
    cache.set(abs, lines);
  }
  return lines;
}

/** The lines of a project file (cached). */
export function yamlLines(root: string, file: string): string[] {
  return linesOf(join(root, file));
}

/** Forget cached file text (a later parse may see edited files). */
export function clearYamlLines(): void {
  cache.clear();
}

function patternOf(w: string, global = false): RegExp {
  // `a|b` means either word
  const key = global ? `g:${w}` : w;
  let re = patterns.get(key);
  if (!re) {
    const esc = w.split('|').map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    patterns.set(key, (re = new RegExp(`(^|[\\s\\-{,[])(${esc})\\s*(:|$|,|}|])`, global ? 'g' : '')));
  }
  return re;
}

/**
 * The `nth` (0-based) occurrence of `word` as a YAML key or list item from `from` on, for a list that
 * names one test several times (two `relationships` under one column); undefined when there is none.
 */
export function locateNth(root: string, from: SourceLocation, word: string, nth: number): SourceLocation | undefined {
  const lines = linesOf(join(root, from.file));
  const re = patternOf(word, true);
  let left = nth;
  for (let i = (from.line ?? 1) - 1; i < lines.length; i++) {
    re.lastIndex = 0;
    for (let m = re.exec(lines[i]); m; m = re.exec(lines[i])) {
      const column = m.index + m[1].length + 1;
      // the match consumed the separator after the word: look again right after the word
      re.lastIndex = m.index + m[1].length + m[2].length;
      if (i === (from.line ?? 1) - 1 && from.column !== undefined && column < from.column) continue;
      if (left-- === 0) return { file: from.file, line: i + 1, column };
    }
  }
  return undefined;
}

/**
 * From `from` (the line of the owning entry), the location of each word in turn as a YAML key or list
 * item (`- unique`, `unique:`, `values:`); stops at the last word found.
 */
export function locateWords(root: string, from: SourceLocation, words: string[], sameIndent = false): SourceLocation {
  const lines = linesOf(join(root, from.file));
  let line = (from.line ?? 1) - 1;
  let column = from.column;
  words.forEach((w, wi) => {
    const re = patternOf(w);
    for (let i = line; i < lines.length; i++) {
      const m = re.exec(lines[i]);
      if (m && !(sameIndent && wi === 0 && from.column !== undefined && m.index + m[1].length + 1 !== from.column)) {
        line = i;
        column = m.index + m[1].length + 1;
        break;
      }
    }
  });
  return { file: from.file, line: line + 1, column };
}

/** Where project.yml / dbt_project.yml sets config `key` (`+key:` or `key:`), for config errors. */
export function locateProjectKey(root: string, projectFile: string, key: string): SourceLocation | undefined {
  const lines = linesOf(projectFile);
  const esc = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^(\\s*(?:-\\s+)?)\\+?${esc}\\s*:`);
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i]);
    if (m) return { file: relative(root, projectFile), line: i + 1, column: m[1].length + 1 };
  }
  return undefined;
}
