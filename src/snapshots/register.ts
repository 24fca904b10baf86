// Wires snapshots into the engine: the parse hook that adds snapshot nodes and the `snapshot`
// materialization the runner uses for them.
import { registerParseHook } from '../parser/parse-hooks.js';
import { registerStrategy } from '../materializations/registry.js';
import { addNode } from '../parser/project-parser.js';
import { parseSnapshots } from './snapshot-parser.js';
import { snapshotStrategy } from './snapshot-strategy.js';

let registered = false;

export function registerSnapshots(): void {
  if (registered) return;
  registered = true;
  registerStrategy(snapshotStrategy);
  registerParseHook(({ ctx, manifest, properties, root, errors, setCurrent }) => {
    const project = ctx.config.project;
    const nodes = parseSnapshots(ctx, {
      root,
      packageName: project.name,
      snapshotPaths: project.paths.snapshotPaths,
      tree: project.snapshots,
      entries: properties.entries,
      setCurrent,
    });
    for (const n of nodes) addNode(manifest, n, errors);
  });
}
