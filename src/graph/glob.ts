// Wildcard matching as dbt does it: Python's fnmatch (`*`, `?`, `[abc]`, `[!a-z]`; `*` crosses `.`
// and `/`) for names, and pathlib-style globs (`*` stays inside one folder, `**` spans folders) for paths.

const cache = new Map<string, RegExp>();

export function hasWildcard(pattern: string): boolean {
  return /[*?[\]]/.test(pattern);
}

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Translates one bracket expression starting at `pattern[i] === '['`; null when it is unterminated. */
function bracket(pattern: string, i: number): [string, number] | null {
  let j = i + 1;
  if (pattern[j] === '!') j++;
  if (pattern[j] === ']') j++;
  while (j < pattern.length && pattern[j] !== ']') j++;
  if (j >= pattern.length) return null;
  let body = pattern.slice(i + 1, j).replace(/\\/g, '\\\\');
  if (body.startsWith('!')) body = '^' + body.slice(1);
  else if (body.startsWith('^')) body = '\\' + body;
  return [`[${body}]`, j + 1];
}

function translate(pattern: string, star: string, one: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i] as string;
    if (ch === '*') {
      out += star;
      i++;
    } else if (ch === '?') {
      out += one;
      i++;
    } else if (ch === '[') {
      const b = bracket(pattern, i);
      if (b) [out, i] = [out + b[0], b[1]];
      else [out, i] = [out + '\\[', i + 1];
    } else {
      out += escape(ch);
      i++;
    }
  }
  return out;
}

/** Python `fnmatch.fnmatchcase(name, pattern)`: the whole name must match; case-sensitive. */
export function fnmatch(name: string, pattern: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(`^${translate(pattern, '.*', '.')}$`, 's');
    cache.set(pattern, re);
  }
  return re.test(name);
}

/** Normalises a user-given path selector: forward slashes, no `./` prefix, no trailing slash. */
export function normalizePath(p: string): string {
  let s = p.replace(/\\/g, '/').replace(/\/+/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  while (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

/** Builds a matcher for a project-relative path glob (`models/staging`, `models/**\/*.sql`). */
export function pathMatcher(pattern: string): (path: string) => boolean {
  const norm = normalizePath(pattern);
  if (!hasWildcard(norm)) return (p) => p === norm;
  const source = norm
    .split('/')
    .map((seg) => (seg === '**' ? '(?:[^/]+/)*' : translate(seg, '[^/]*', '[^/]') + '/'))
    .join('');
  // Each segment above ends in '/', so match `path + '/'`.
  const re = new RegExp(`^${source}$`, 's');
  return (p) => re.test(p + '/');
}
