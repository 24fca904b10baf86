// Calling convention between nunjucks templates and tsdbt's JS functions: nunjucks passes keyword
// arguments as a trailing object marked `__keywords`; this maps positional + keyword args onto names.

export type JinjaFn = (...args: unknown[]) => unknown;

function isKeywords(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.prototype.hasOwnProperty.call(v, '__keywords');
}

/** Split a nunjucks call's arguments into positional values and a keyword object (without `__keywords`). */
export function splitArgs(args: unknown[]): { positional: unknown[]; kwargs: Record<string, unknown> } {
  if (args.length && isKeywords(args[args.length - 1])) {
    const { __keywords: _k, ...kwargs } = args[args.length - 1] as Record<string, unknown>;
    return { positional: args.slice(0, -1), kwargs };
  }
  return { positional: args, kwargs: {} };
}

/** Bind positional and keyword arguments to parameter names, like a Python signature. */
export function bindArgs(names: string[], args: unknown[]): Record<string, unknown> {
  const { positional, kwargs } = splitArgs(args);
  const out: Record<string, unknown> = { ...kwargs };
  positional.forEach((v, i) => {
    if (i < names.length) out[names[i]] = v;
  });
  return out;
}

/** A function callable from Jinja with Python-style keyword arguments. */
export function jinjaFunction<T>(names: string[], impl: (a: Record<string, unknown>) => T): JinjaFn {
  return (...args: unknown[]) => impl(bindArgs(names, args));
}
