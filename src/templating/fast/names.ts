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

/** nunjucks pastes the name into a JS string literal escaping only `"`: other escapes would corrupt it */
export function calleeName(e: Expr): string {
  const name = nodeName(e);
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 92 || c === 10 || c === 13 || c === 0x2028 || c === 0x2029) unsupported();
  }
  return name;
}
