// A fast reader for the plain block YAML that property files are written in (mappings, lists, plain,
// quoted and block scalars, one-line flow lists/maps of scalars), remembering where each key is.
// Anything else (anchors, tags, multi-line plain scalars, Jinja...) returns undefined: the caller uses
// the full `yaml` parser, which also produces every error message. Values follow YAML 1.2 core.

export interface FastYaml {
  value: unknown;
  /** `\0`-joined path of a mapping key -> its 1-based line and column */
  keys: Map<string, { line: number; col: number }>;
}

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

interface Line {
  indent: number;
  text: string; // without indentation and trailing comment/space
  no: number; // 1-based
}

/** The `\0`-joined path of a key or list index below `path` ('' is the document's root). */
const child = (path: string, k: string | number): string => (path === '' ? String(k) : `${path}\0${k}`);

const KEY = /^([A-Za-z0-9_$][^:#'"{}[\],&*!|>%@`]*?):(?:\s+|$)/;

export function parseFastYaml(src: string): FastYaml | undefined {
  if (src.includes('\t') || src.includes('{{') || src.includes('{%') || src.includes('\r')) return undefined;
  try {
    const raw = src.split('\n');
    const lines: Line[] = [];
    raw.forEach((l, i) => {
      const t = l.trimStart();
      if (t === '' || t.startsWith('#')) return;
      if (i === 0 && t.startsWith('%')) bail();
      if (t.startsWith('---') || t.startsWith('...')) bail();
      lines.push({ indent: l.length - t.length, text: stripComment(t), no: i + 1 });
    });
    const keys = new Map<string, { line: number; col: number }>();
    const p = new Parser(lines, raw, keys);
    if (lines.length === 0) return { value: null, keys };
    const value = p.block(0, lines[0]!.indent, '');
    if (p.i !== lines.length) bail();
    return { value, keys };
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}

/** The line without its trailing comment: `#` after a space, outside a quoted value. */
function stripComment(t: string): string {
  // skip `- ` and `key: ` prefixes to where the value starts
  let v = 0;
  for (;;) {
    if (t.startsWith('- ', v)) {
      v += 2;
      while (t[v] === ' ') v++;
      continue;
    }
    const m = KEY.exec(t.slice(v));
    if (m && /\s$/.test(m[0])) {
      v += m[0].length;
      continue;
    }
    break;
  }
  const q = t[v];
  if (q === "'" || q === '"') {
    const end = closingQuote(t, v);
    const rest = t.slice(end + 1);
    if (rest.trim() === '' || /^\s+#/.test(rest)) return t.slice(0, end + 1);
    bail();
  }
  const i = t.search(/\s#/);
  if (i === -1) return t.trimEnd();
  if ((q === '[' || q === '{') && /['"]/.test(t.slice(v, i))) bail();
  return t.slice(0, i).trimEnd();
}

function closingQuote(t: string, from: number): number {
  const q = t[from];
  for (let k = from + 1; k < t.length; k++) {
    if (q === '"' && t[k] === '\\') k++;
    else if (t[k] === q) {
      if (q === "'" && t[k + 1] === "'") k++;
      else return k;
    }
  }
  return bail();
}

class Parser {
  i = 0;
  constructor(private readonly lines: Line[], private readonly raw: string[], private readonly keys: FastYaml['keys']) {}

  /** A block node whose lines start at `indent` (a list or a mapping). */
  block(lineIndex: number, indent: number, path: string): unknown {
    this.i = lineIndex;
    const first = this.lines[this.i]!;
    if (first.indent !== indent) bail();
    return first.text === '-' || first.text.startsWith('- ') ? this.seq(indent, path) : this.map(indent, first.text, path);
  }

  private seq(indent: number, path: string): unknown[] {
    const out: unknown[] = [];
    while (this.i < this.lines.length) {
      const l = this.lines[this.i]!;
      if (l.indent < indent) break;
      if (l.indent > indent || !(l.text === '-' || l.text.startsWith('- '))) bail();
      const at = child(path, out.length);
      const rest = l.text === '-' ? '' : l.text.slice(2).trimStart();
      const restIndent = l.indent + (l.text.length - rest.length);
      if (rest === '') {
        this.i++;
        out.push(this.nested(indent, at, false));
      } else if (KEY.test(rest)) {
        // `- key: value` opens a mapping whose keys line up with `key`
        this.lines[this.i] = { indent: restIndent, text: rest, no: l.no };
        out.push(this.map(restIndent, rest, at));
      } else {
        this.i++;
        out.push(this.scalarOrBlock(rest, indent, l.no));
      }
    }
    return out;
  }

  private map(indent: number, _first: string, path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.i < this.lines.length) {
      const l = this.lines[this.i]!;
      if (l.indent < indent) break;
      if (l.indent > indent) bail();
      const m = KEY.exec(l.text);
      if (!m) bail();
      const key = m![1]!.trimEnd();
      if (key === 'null' || key === '~' || key === '<<' || key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key)) bail();
      const at = child(path, key);
      this.keys.set(at, { line: l.no, col: this.raw[l.no - 1]!.indexOf(l.text) + 1 });
      const rest = l.text.slice(m![0].length);
      this.i++;
      out[key] = rest === '' ? this.nested(indent, at, true) : this.scalarOrBlock(rest, indent, l.no);
    }
    return out;
  }

  /** The value on the lines after `key:` / `-`: a deeper block, a same-indent list (maps only), or null. */
  private nested(parentIndent: number, path: string, inMap: boolean): unknown {
    const next = this.lines[this.i];
    if (!next) return null;
    if (next.indent > parentIndent) return this.block(this.i, next.indent, path);
    if (inMap && next.indent === parentIndent && (next.text === '-' || next.text.startsWith('- '))) return this.seq(parentIndent, path);
    return null;
  }

  private scalarOrBlock(text: string, parentIndent: number, lineNo: number): unknown {
    if (text === '|' || text === '|-' || text === '>' || text === '>-') return this.blockScalar(text, parentIndent, lineNo);
    // a plain scalar continued on the next, deeper line is outside the subset
    const next = this.lines[this.i];
    if (next && next.indent > parentIndent && !(next.text.startsWith('- ') || KEY.test(next.text))) bail();
    if (next && next.indent > parentIndent) bail();
    return inlineValue(text);
  }

  private blockScalar(style: string, parentIndent: number, lineNo: number): string {
    // read raw lines (comments and blank lines are content here)
    let n = lineNo; // index into raw of the first content line
    const body: string[] = [];
    let indent = -1;
    for (; n < this.raw.length; n++) {
      const r = this.raw[n]!;
      if (r.trim() === '') {
        body.push('');
        continue;
      }
      const ind = r.length - r.trimStart().length;
      if (indent === -1) indent = ind;
      if (ind < indent || ind <= parentIndent) break;
      if (style[0] === '>' && ind > indent) bail();
      body.push(r.slice(indent));
    }
    if (indent === -1 || indent <= parentIndent || (style[0] === '>' && body[0] === '')) bail();
    while (this.i < this.lines.length && this.lines[this.i]!.no <= n) this.i++;
    while (body.length && body[body.length - 1] === '') body.pop();
    const text = style[0] === '|' ? body.join('\n') : body.reduce((acc, l, k) => (k === 0 ? l : l === '' ? `${acc}\n` : acc.endsWith('\n') ? acc + l : `${acc} ${l}`), '');
    return style.endsWith('-') ? text : `${text}\n`;
  }
}

function inlineValue(t: string): unknown {
  const c = t[0]!;
  if (c === "'") return singleQuoted(t);
  if (c === '"') return doubleQuoted(t);
  if (c === '[') return flow(t, '[', ']').map(flowScalar);
  if (c === '{') {
    const out: Record<string, unknown> = {};
    for (const item of flow(t, '{', '}')) {
      const m = /^([A-Za-z0-9_$][^:'"]*?):\s+(.+)$/.exec(item);
      if (!m || Object.prototype.hasOwnProperty.call(out, m[1]!)) bail();
      out[m![1]!] = flowScalar(m![2]!);
    }
    return out;
  }
  return plain(t);
}

function flow(t: string, open: string, close: string): string[] {
  if (!t.endsWith(close)) bail();
  const inner = t.slice(1, -1).trim();
  if (inner === '') return [];
  if (/[[\]{}]/.test(inner)) bail();
  const items: string[] = [];
  let cur = '';
  let q: string | null = null;
  for (const ch of inner) {
    if (q) {
      cur += ch;
      if (ch === q) q = null;
    } else if (ch === "'" || ch === '"') {
      q = ch;
      cur += ch;
    } else if (ch === ',') {
      items.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (q) bail();
  if (cur.trim() !== '') items.push(cur.trim());
  if (items.some((x) => x === '')) bail();
  return items;
}

function flowScalar(t: string): unknown {
  if (t[0] === "'") return singleQuoted(t);
  if (t[0] === '"') return doubleQuoted(t);
  if (t.includes(': ') || t.endsWith(':')) bail();
  return plain(t);
}

function singleQuoted(t: string): string {
  if (t.length < 2 || !t.endsWith("'")) bail();
  const inner = t.slice(1, -1);
  if (inner.replace(/''/g, '').includes("'")) bail();
  return inner.replace(/''/g, "'");
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t', '/': '/' };

function doubleQuoted(t: string): string {
  if (t.length < 2 || !t.endsWith('"')) bail();
  const inner = t.slice(1, -1);
  let out = '';
  for (let k = 0; k < inner.length; k++) {
    const ch = inner[k]!;
    if (ch === '"') bail();
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const e = ESCAPES[inner[++k] ?? ''];
    if (e === undefined) bail();
    out += e;
  }
  return out;
}

function plain(t: string): unknown {
  if (/^[&*!|>%@`?]/.test(t) || t.startsWith('- ') || t === '-' || t.includes(': ') || t.endsWith(':')) bail();
  if (t === '~' || t === 'null' || t === 'Null' || t === 'NULL') return null;
  if (t === 'true' || t === 'True' || t === 'TRUE') return true;
  if (t === 'false' || t === 'False' || t === 'FALSE') return false;
  if (/^[-+]?[0-9]+$/.test(t)) return Number(t);
  if (/^0o[0-7]+$/.test(t)) return parseInt(t.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(t)) return parseInt(t.slice(2), 16);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(t)) return Number(t);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(t)) return NaN;
  return t;
}
