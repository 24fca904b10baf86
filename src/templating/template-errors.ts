// Maps what goes wrong inside a template (nunjucks syntax errors, errors raised by tsdbt's own Jinja
// functions, JS errors from user code) to one TsdbtError at the user's file:line:col.
import { TsdbtError } from '../errors/tsdbt-error.js';
import { didYouMean } from '../errors/suggest.js';
import { macroLocationOf } from './signals.js';
import { unsupportedConstruct } from './unsupported.js';

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
/** The first `{{`, `{%` or `{#` that is never closed (nunjucks reports those at end of file, without a line). */
export function unclosedTag(source: string): { line: number; column: number; tag: string } | undefined {
  const closers: Record<string, string> = { '{{': '}}', '{%': '%}', '{#': '#}' };
  let i = 0;
  for (;;) {
    const open = source.slice(i).search(/\{[{%#]/);
    if (open < 0) return undefined;
    const at = i + open;
    const tag = source.slice(at, at + 2);
    const close = source.indexOf(closers[tag], at + 2);
    if (close < 0) {
      const before = source.slice(0, at);
      return { line: before.split('\n').length, column: at - before.lastIndexOf('\n'), tag };
    }
    i = close + 2;
  }
}

export function templateError(e: unknown, file: string, names?: () => Iterable<string>, source?: string): TsdbtError {
  const cause = rootCause(e);
  const ne = e as NunjucksError;
  // nunjucks' syntax errors lose lineno/colno when prettified; the message still says `[Line x, Column y]`
  const fromText = /\[Line (\d+)(?:, Column (\d+))?\]/.exec(ne?.message ?? '');
  // render-time errors carry nunjucks' 0-based line; parse errors a 1-based one
  const runtime = /\n\s+\w*Error: /.test(ne?.message ?? '');
  // with `dev: true` nunjucks keeps the error object: a wrapped runtime error (it has a cause) has a 0-based line
  const lineNo = ne?.lineno !== undefined ? ne.lineno + (ne.cause !== undefined && !(ne as { oneBasedLine?: boolean }).oneBasedLine ? 1 : 0) : fromText ? Number(fromText[1]) + (runtime ? 1 : 0) : undefined;
  const colNo = ne?.colno ?? (fromText?.[2] ? Number(fromText[2]) : undefined);
  const unclosed = lineNo === undefined && source !== undefined ? unclosedTag(source) : undefined;
  const line = lineNo !== undefined && lineNo > 0 ? lineNo : unclosed?.line;
  const column = lineNo !== undefined ? (colNo !== undefined && colNo > 0 ? colNo : undefined) : unclosed?.column;
  // raised inside a macro: point at the macro's own line and say who called it
  const inMacro = macroLocationOf(e);
  const where = inMacro && inMacro.file !== file ? { file: inMacro.file, line: inMacro.line, column: inMacro.column } : { file, line, column };
  const calledBy = inMacro && inMacro.file !== file ? ` (in macro '${inMacro.macro}', called from ${file}${line ? `:${line}` : ''})` : '';
  if (cause instanceof TsdbtError) {
    if (cause.location?.line !== undefined) return cause;
    return new TsdbtError(cause.code, cause.message + calledBy, { location: where, hint: cause.hint, exitCode: cause.exitCode });
  }
  const raw = cause instanceof Error ? cause.message : String(cause);
  const message = cleanMessage(raw || ne?.message || 'template error');
  const unsupported = unsupportedConstruct(message);
  if (unsupported) return new TsdbtError('P001', unsupported.message, { location: { file, line, column }, hint: unsupported.hint });
  const hint = unclosed ? [null, `this \`${unclosed.tag}\` is never closed: add \`${unclosed.tag === '{{' ? '}}' : unclosed.tag === '{%' ? '%}' : '#}'}\``] as const : HINTS.find(([re]) => re.test(message));
  const undef = /Unable to call `([\w.]+)`/.exec(message.replace(/\["(\w+)"\]/g, '.$1'));
  const candidates = (e as { tsdbtNames?: () => Iterable<string> })?.tsdbtNames ?? names;
  const near = undef && candidates ? didYouMean(undef[1], candidates()) : undefined;
  return new TsdbtError(undef ? 'P004' : 'P001', (undef ? `'${undef[1]}' is undefined: no macro or function of that name` : message) + calledBy, {
    location: where,
    hint: near ?? hint?.[1],
  });
}
