// The commands that take `--watch` and the resource types each rebuilds. Kept apart from watch.ts so the
// CLI can declare the flag without loading the watcher (chokidar, the runner) for every command.
export const WATCH_RESOURCE_TYPES: Record<string, string[]> = {
  run: ['model'],
  build: ['seed', 'model', 'snapshot', 'test', 'unit_test'],
  test: ['test', 'unit_test'],
};
