// Extension point of the parse stage: later stages (tests, snapshots, unit tests) register a function
// that adds their nodes to the manifest after models, seeds and sources are known.
import type { PropertyFiles } from '../config/types.js';
import type { TsdbtError } from '../errors/tsdbt-error.js';
import type { ParseContext } from './sql-node-parser.js';
import type { Manifest } from './types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { TemplateEngine } from '../templating/environment.js';

export interface ParseHookArgs {
  ctx: ParseContext;
  manifest: Manifest;
  properties: PropertyFiles;
  root: string;
  errors: TsdbtError[];
  setCurrent(file: string): void;
}

export type ParseHook = (args: ParseHookArgs) => void;

/** Registered in order; each runs once per parse. */
export const nodeHooks: ParseHook[] = [];

export function registerParseHook(hook: ParseHook): void {
  nodeHooks.push(hook);
}

/** Runs right after the root project's macros load, before any node renders (package macros). */
export type MacroHook = (args: { config: ResolvedConfig; engine: TemplateEngine; base: Record<string, unknown>; manifest: Manifest; errors: TsdbtError[] }) => void;

export const macroHooks: MacroHook[] = [];

export function registerMacroHook(hook: MacroHook): void {
  macroHooks.push(hook);
}
