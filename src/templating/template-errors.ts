// Maps what goes wrong inside a template (nunjucks syntax errors, errors raised by tsdbt's own Jinja
// functions, JS errors from user code) to one TsdbtError at the user's file:line:col.
import { TsdbtError } from '../errors/tsdbt-error.js';

interface NunjucksError extends Error {
  lineno?: number;
  colno?: number;
  cause?: unknown;
}

function rootCause(e: unknown): unknown {
  let cur = e;
  for (let i = 0; i < 8; i++) {
    const c = (cur as { cause?: unknown })?.cause;
    if (c === undefined || c === null) break;
    cur = c;
  }
  return cur;
}

function cleanMessage(msg: string): string {
  return msg
    .replace(/^\([^)]*\)(?: \[Line \d+(?:, Column \d+)?\])?\s*/s, '')
    .replace(/^(Template render error|Error|TypeError|ReferenceError):\s*/g, '')
    .replace(/^\([^)]*\)(?: \[Line \d+(?:, Column \d+)?\])?\s*/s, '')
    .trim();
}

const HINTS: [RegExp, string][] = [
  [/expected variable end/, 'close the expression with `}}`'],
  [/expected block end|unexpected end of file|unknown block tag/, 'check that every `{% ... %}` tag is closed and every block (`if`, `for`, `macro`, `set`) has its `end...` tag'],
  [/Unable to call `(\w+)`, which is undefined/, 'no macro or function of that name exists: check the spelling, or define it in macros/'],
];

/** Convert any error thrown while compiling or rendering `file` (project-relative path). */
export function templateError(e: unknown, file: string, lineOffset = 0): TsdbtError {
  const cause = rootCause(e);
  const ne = e as NunjucksError;
  const line = ne?.lineno !== undefined && ne.lineno > 0 ? ne.lineno + lineOffset : undefined;
  const column = line !== undefined && ne.colno !== undefined && ne.colno > 0 ? ne.colno : undefined;
  if (cause instanceof TsdbtError) {
    if (cause.location?.line !== undefined) return cause;
    return new TsdbtError(cause.code, cause.message, { location: { file, line, column }, hint: cause.hint, exitCode: cause.exitCode });
  }
  const raw = cause instanceof Error ? cause.message : String(cause);
  const message = cleanMessage(raw || ne?.message || 'template error');
  const hint = HINTS.find(([re]) => re.test(message));
  const undef = /Unable to call `([\w.]+)`/.exec(message);
  return new TsdbtError(undef ? 'P004' : 'P001', undef ? `'${undef[1]}' is undefined: no macro or function of that name` : message, {
    location: { file, line, column },
    hint: hint?.[1],
  });
}
