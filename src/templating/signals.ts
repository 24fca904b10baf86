// Control-flow signals that travel through a render as exceptions but are not errors: `return()`
// leaving a macro, and (from the compiler) a query the template needs before it can go on.

/** Thrown by `return(value)` and caught by the macro that called it. */
export class ReturnSignal extends Error {
  readonly value: unknown;
  constructor(value: unknown) {
    // macros return through this on every dbt dispatch wrapper: skip the stack trace capture
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super('return() called outside a macro');
    Error.stackTraceLimit = limit;
    this.value = value;
    this.name = 'ReturnSignal';
  }
}

/** True for exceptions that steer a render rather than report a mistake (never annotated or wrapped). */
export function isControlSignal(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'ReturnSignal' || name === 'NeedQuery';
}

/** Where inside a macro an error was raised (innermost macro first in `trail`). */
export interface MacroLocation {
  file: string;
  line: number;
  column: number;
  macro: string;
  trail: string[];
}

export function macroLocationOf(e: unknown): MacroLocation | undefined {
  let cur = e;
  for (let i = 0; i < 8 && cur; i++) {
    const loc = (cur as { tsdbtMacroLoc?: MacroLocation }).tsdbtMacroLoc;
    if (loc) return loc;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}
