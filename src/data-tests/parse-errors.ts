// Test definition mistakes found while parsing stop the command before anything runs, so they exit
// with 2 like every other parse error (T001 otherwise maps to a run failure).
import { TsdbtError } from '../errors/tsdbt-error.js';

const reported = new WeakMap<TsdbtError[], Set<string>>();

/** Runs `fn`; a TsdbtError it throws is collected into `errors` as a parse error. */
export function collectParseError(errors: TsdbtError[], fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof TsdbtError)) throw e;
    // one mistake shared by many tests (a key in project.yml) is reported once
    const l = e.location;
    const key = `${e.code}\0${e.message}\0${l?.file}:${l?.line}:${l?.column}`;
    let seen = reported.get(errors);
    if (!seen) reported.set(errors, (seen = new Set()));
    if (seen.has(key)) return;
    seen.add(key);
    errors.push(e.exitCode === 2 ? e : new TsdbtError(e.code, e.message, { location: e.location, hint: e.hint, exitCode: 2, cause: e.cause }));
  }
}
