// Wires data tests into the engine: the parse hook that adds generic, singular and unit test nodes,
// and the executors that run them.
import { registerParseHook } from '../parser/parse-hooks.js';
import { registerExecutor } from '../runner/executors.js';
import { addGenericTests } from './generic-tests.js';
import { addSingularTests } from './singular-tests.js';
import { runDataTest } from './test-executor.js';
import { clearYamlLines } from './yaml-lines.js';
import { addUnitTests } from './unit/unit-parse.js';
import { runUnitTest } from './unit/unit-executor.js';

let registered = false;

export function registerDataTests(): void {
  if (registered) return;
  registered = true;
  registerParseHook((a) => {
    clearYamlLines();
    addSingularTests(a);
    addGenericTests(a);
    addUnitTests(a);
  });
  registerExecutor('test', runDataTest);
  registerExecutor('unit_test', runUnitTest);
}
