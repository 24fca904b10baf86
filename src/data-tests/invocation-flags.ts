// Flags of one invocation that change how tests are parsed: `--store-failures` of `tsdbt test` /
// `tsdbt build` (dbt's flags.STORE_FAILURES). The CLI sets them around the command it runs.

let storeFailures = false;

/** Runs `fn` with `--store-failures` on or off; it is off again afterwards whatever happens. */
export async function withStoreFailures<T>(on: boolean, fn: () => Promise<T>): Promise<T> {
  const before = storeFailures;
  storeFailures = on;
  try {
    return await fn();
  } finally {
    storeFailures = before;
  }
}

/**
 * The store_failures of a test: its own config when it sets one, else the invocation's flag (as dbt's
 * should_store_failures(): an explicit `store_failures: false` wins over `--store-failures`).
 */
export function storesFailures(config: Record<string, unknown>): boolean {
  const own = config.store_failures;
  return own === undefined || own === null ? storeFailures : own === true;
}
