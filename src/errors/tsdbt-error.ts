// The one error type tsdbt raises for anything a user can fix: a stable code, where it happened
// (file:line:col), what is wrong and how to fix it. The CLI prints these without a stack trace.
import type { SourceLocation } from '../parser/types.js';

/** Stable error codes: the first letter is the stage (C config, P parse, G graph, R run, T test). */
export type ErrorCode =
  | 'C001' // unreadable / invalid YAML
  | 'C002' // config value of the wrong shape or an unknown key
  | 'C003' // profile or target missing
  | 'C004' // project file missing
  | 'P001' // Jinja syntax or render error
  | 'P002' // unknown ref
  | 'P003' // unknown source
  | 'P004' // unknown macro
  | 'P005' // duplicate resource name
  | 'P006' // invalid node config
  | 'G001' // cycle
  | 'G002' // bad selector
  | 'R001' // database error
  | 'R002' // database lock / connection error
  | 'R003' // unwritable path
  | 'R004' // interrupted
  | 'T001' // bad test definition
  | 'U001'; // bad command-line usage

export class TsdbtError extends Error {
  readonly code: ErrorCode;
  readonly location?: SourceLocation;
  readonly hint?: string;
  /** exit code this error maps to when it ends a command (2 = usage/config/parse, 1 = run failure) */
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, opts: { location?: SourceLocation; hint?: string; cause?: unknown; exitCode?: number } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'TsdbtError';
    this.code = code;
    this.location = opts.location;
    this.hint = opts.hint;
    this.exitCode = opts.exitCode ?? (code.startsWith('R') || code.startsWith('T') ? 1 : 2);
  }
}

/** Several errors gathered during parse or compile, reported together before anything runs. */
export class TsdbtErrors extends Error {
  readonly errors: TsdbtError[];
  constructor(errors: TsdbtError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'TsdbtErrors';
    this.errors = errors;
  }
}

export function formatLocation(loc: SourceLocation | undefined): string {
  if (!loc) return '';
  let s = loc.file;
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) s += `:${loc.column}`;
  return s;
}

/** `file:line:col: [code] message` then an indented `hint:` line. */
export function formatError(err: TsdbtError): string {
  const where = formatLocation(err.location);
  const head = `${where ? where + ': ' : ''}error[${err.code}]: ${err.message}`;
  return err.hint ? `${head}\n  hint: ${err.hint}` : head;
}
