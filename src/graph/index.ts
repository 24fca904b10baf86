// Public surface of the graph stage: build the DAG, select nodes, schedule the selected ones.
export { buildGraph, ProjectGraph } from './dag.js';
export { selectNodes } from './selector.js';
export type { SelectOptions, Selection, UnmatchedSelector } from './selector.js';
export type { IndirectSelection } from './selector-spec.js';
export { METHODS as SELECTOR_METHODS } from './selector-spec.js';
export { ReadyQueue } from './ready-queue.js';
export type { ReadyQueueOptions } from './ready-queue.js';
export { ancestors, descendants, childrensParents } from './traverse.js';
