// Wires the optional stages (data tests, snapshots, ...) into the parser and runner once per process.
import { registerSnapshots } from '../snapshots/register.js';
import { registerPackages, registerDocsBlocks } from '../packages/register.js';
import { registerDataTests } from '../data-tests/register.js';
import { registerExternal } from '../materializations/external-strategy.js';

let done = false;

const registrations: (() => void)[] = [];

/** Stages call this at import time; the registrations run on the first command. */
export function onRegister(fn: () => void): void {
  registrations.push(fn);
  if (done) fn();
}

export function registerAll(): void {
  if (done) return;
  done = true;
  registerPackages();
  registerSnapshots();
  registerDataTests();
  registerExternal();
  for (const r of registrations) r();
  registerDocsBlocks();
}
