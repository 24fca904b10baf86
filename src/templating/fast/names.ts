// Describes a callee the way nunjucks' compiler does (_getNodeName), so "Unable to call `x`" errors
// read the same from both engines.
import { CALL, type Expr, LIT, LOCAL, LOOKUP, NAME, unsupported } from './ast.js';

function nodeName(e: Expr): string {
  switch (e.k) {
    case NAME:
    case LOCAL:
      return e.v as string;
    case CALL:
      return 'the return value of (' + nodeName(e.a!) + ')';
    case LOOKUP:
      return nodeName(e.a!) + '["' + nodeName(e.b!) + '"]';
    case LIT:
      if (e.v === null) unsupported(); // nunjucks crashes compiling this
      return String(e.v);
    default:
      return '--expression--';
  }
}

/** the callee's name in "Unable to call" errors (tsdbt's compiler escapes it, so it arrives intact) */
export function calleeName(e: Expr): string {
  return nodeName(e);
}
