// depends_on.macros: the project and package macros a node's template calls directly, recorded while
// the parse-time render runs (dbt records the macros called at depth 0 of the node's render, not the
// macros those macros call). Each loaded macro is wrapped once; outside a recording the wrapper only
// counts its depth.
type Fn = (...args: unknown[]) => unknown;

let calls: string[] | null = null;
let seen: Set<string> | null = null;
let depth = 0;

/** `fn` (the macro `uniqueId`), noting itself in the recording in progress when called from the node's own template. */
export function trackedMacro(uniqueId: string, fn: Fn): Fn {
  return function (this: unknown, ...args: unknown[]) {
    if (calls !== null && depth === 0 && !seen!.has(uniqueId)) {
      seen!.add(uniqueId);
      calls.push(uniqueId);
    }
    depth++;
    try {
      return fn.apply(this, args);
    } finally {
      depth--;
    }
  };
}

/** Run a node's parse-time render; returns the macros it called directly, in first-call order. */
export function recordMacroCalls(render: () => unknown): string[] {
  const before = { calls, seen, depth };
  const mine: string[] = [];
  calls = mine;
  seen = new Set();
  depth = 0;
  try {
    render();
    return mine;
  } finally {
    ({ calls, seen, depth } = before);
  }
}
