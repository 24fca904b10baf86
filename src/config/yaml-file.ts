// Reads one YAML file into a Document that remembers where every value came from, so each
// config error can name `file:line:col`. YAML syntax errors become C001.
import fs from 'node:fs';
import { LineCounter, parseDocument, isMap, isPair, isScalar, isNode } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import { TsdbtError } from '../errors/tsdbt-error.js';
import type { SourceLocation } from '../parser/types.js';
import { parseFastYaml, type FastYaml } from './yaml-fast.js';

export type YamlPath = readonly (string | number)[];

export interface YamlFile {
  /** path shown in messages (project-relative where possible) */
  file: string;
  /** absolute path on disk */
  abs: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** set when the fast reader parsed the file: its value and key positions (`doc` is then built on first use) */
  fast?: FastYaml;
}

/**
 * Like parseYamlText, but plain files are read by the fast reader (src/config/yaml-fast.ts) and the
 * positioned Document is only built if something asks for it (an error message, mostly).
 */
export function parseYamlTextFast(text: string, abs: string, display: string): YamlFile {
  const fast = parseFastYaml(text);
  if (!fast) return parseYamlText(text, abs, display);
  let full: YamlFile | undefined;
  const load = (): YamlFile => (full ??= parseYamlText(text, abs, display));
  return {
    file: display,
    abs,
    text,
    fast,
    get doc() {
      return load().doc;
    },
    get lines() {
      return load().lines;
    },
  };
}

export function readYamlFile(abs: string, display: string): YamlFile {
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (cause) {
    throw new TsdbtError('C001', `cannot read ${display}: ${(cause as Error).message}`, { location: { file: display }, cause });
  }
  return parseYamlText(text, abs, display);
}

export function parseYamlText(text: string, abs: string, display: string): YamlFile {
  const lines = new LineCounter();
  // uniqueKeys stays on: dbt also rejects a key written twice in one mapping
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0] ?? lines.linePos(first.pos[0]);
    const message = first.message.split('\n')[0] ?? first.message;
    throw new TsdbtError('C001', `invalid YAML in ${display}: ${message}`, {
      location: { file: display, line: pos.line, column: pos.col },
      hint: 'check the indentation and quoting around this line (values containing `{{` or `: ` must be quoted)',
    });
  }
  return { file: display, abs, text, doc, lines };
}

/** Location of a node's first character. */
export function nodeLocation(y: YamlFile, node: unknown): SourceLocation {
  if (isNode(node) && node.range) {
    const pos = y.lines.linePos(node.range[0]);
    return { file: y.file, line: pos.line, column: pos.col };
  }
  return { file: y.file };
}

/** The node at `path` (a map value or sequence item), or undefined. */
export function nodeAt(y: YamlFile, path: YamlPath): Node | undefined {
  if (path.length === 0) return (y.doc.contents as Node | null) ?? undefined;
  const n = y.doc.getIn(path, true);
  return isNode(n) ? n : undefined;
}

/** The key/value pair for `key` in the map at `mapPath`. */
export function pairAt(y: YamlFile, mapPath: YamlPath, key: string): Pair | undefined {
  const map = nodeAt(y, mapPath);
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item;
  }
  return undefined;
}

/** Where `path` is written: its key if it is a map entry, else the value, else the nearest parent. */
export function locate(y: YamlFile, path: YamlPath): SourceLocation {
  if (y.fast && typeof path[path.length - 1] === 'string') {
    const k = y.fast.keys.get(path.join('\0'));
    if (k) return { file: y.file, line: k.line, column: k.col };
  }
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    const last = sub[sub.length - 1];
    if (typeof last === 'string') {
      const pair = pairAt(y, sub.slice(0, -1), last);
      if (pair) return nodeLocation(y, pair.key);
    }
    const node = nodeAt(y, sub);
    if (node) return nodeLocation(y, node);
  }
  return { file: y.file };
}

/** Where the value at `path` is written (for "wrong type" messages). */
export function locateValue(y: YamlFile, path: YamlPath): SourceLocation {
  const node = nodeAt(y, path);
  return node ? nodeLocation(y, node) : locate(y, path);
}

/** `a.b[2].c` for messages. */
export function formatPath(path: YamlPath): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s;
}
