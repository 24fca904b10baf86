// Test definition mistakes found while parsing stop the command before anything runs, so they exit
// with 2 like every other parse error (T001 otherwise maps to a run failure).
import { TsdbtError } from '../errors/tsdbt-error.js';

/** Runs `fn`; a TsdbtError it throws is collected into `errors` as a parse error. */
export function collectParseError(errors: TsdbtError[], fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof TsdbtError)) throw e;
    errors.push(e.exitCode === 2 ? e : new TsdbtError(e.code, e.message, { location: e.location, hint: e.hint, exitCode: 2, cause: e.cause }));
  }
}
