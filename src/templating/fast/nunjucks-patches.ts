// Installs, once per process, jinja-compat and tsdbt's nunjucks patches (syntax, macros, runtime,
// operators and printing, loops, Jinja2 grammar).
// Both render paths rely on them: nunjucks compiles with them, the fast path calls the patched runtime
// (member lookup, loop extras), so a fast template behaves the same whether or not an engine exists yet.
import nunjucks from 'nunjucks';
import { installSyntaxPatches } from '../nunjucks-syntax.js';
import { installMacroPatches } from '../nunjucks-macros.js';
import { installRuntimePatches } from '../nunjucks-runtime.js';
import { installOperatorPatches } from '../nunjucks-operators.js';
import { installLoopPatches } from '../nunjucks-loops.js';
import { installGrammarPatches } from '../nunjucks-grammar.js';

let installed = false;

export function installNunjucksPatches(): void {
  if (installed) return;
  installed = true;
  nunjucks.installJinjaCompat();
  installSyntaxPatches();
  installMacroPatches();
  installRuntimePatches();
  installOperatorPatches();
  installLoopPatches();
  installGrammarPatches();
}
