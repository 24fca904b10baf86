// Wires packages into the parse: package macros load right after the root project's, package nodes
// join the manifest in a parse hook.
import { registerMacroHook, registerParseHook } from '../parser/parse-hooks.js';
import { loadPackageMacros, parsePackageNodes } from './package-parser.js';
import { docsHook } from './docs-blocks.js';

let registered = false;

export function registerPackages(): void {
  if (registered) return;
  registered = true;
  registerMacroHook(loadPackageMacros);
  registerParseHook(parsePackageNodes);
}

let docsRegistered = false;

/** Docs blocks and doc() render after every other parse hook, so all descriptions are known. */
export function registerDocsBlocks(): void {
  if (docsRegistered) return;
  docsRegistered = true;
  registerParseHook(docsHook);
}
