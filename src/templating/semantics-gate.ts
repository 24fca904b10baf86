// Decides whether a template may use the fast interpreter, which reproduces plain nunjucks semantics,
// or needs tsdbt's patched nunjucks for Python semantics (truthiness of lists, str methods, `~` with
// None, list `+`, `%` formatting, tuples, negative indexes). A cheap textual scan, erring towards
// nunjucks: a false positive only costs speed, never correctness.
import { STRING_METHODS, LIST_METHODS } from './python-methods.js';

const METHOD_NAMES = new Set([...Object.keys(STRING_METHODS), ...Object.keys(LIST_METHODS), 'update', 'copy', 'clear']);
const TAG = /\{\{([\s\S]*?)\}\}|\{%-?\s*([\s\S]*?)-?%\}/g;
const STRINGS = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;
const OPERATORS = /[~+*%]|\[\s*-|\bin\s*\(|[=!]=\s*[[{(]|\(\s*[^()]*,[^()]*\)\s*(?:==|!=)|\bnamespace\b|\bkwargs\b|\bvarargs\b|\bmodules\.|\bloop\.(?:cycle|previtem|nextitem|depth)/;
const METHOD_CALL = /\.\s*([A-Za-z_]\w*)\s*\(/g;
const BOOL_ATOM = /^(?:true|false|none|execute|loop\.(?:first|last)|is_incremental\(\)|flags\.\w+|should_full_refresh\(\)|[\s\S]*?(?:==|!=|<|>|\bis\b|\bin\b)[\s\S]*)$/i;

function conditionIsBoolean(cond: string): boolean {
  return cond
    .split(/\b(?:and|or|not)\b/)
    .map((a) => a.trim().replace(/^\(+|\)+$/g, '').trim())
    .filter((a) => a !== '')
    .every((a) => BOOL_ATOM.test(a));
}

/** True when rendering `source` with plain nunjucks semantics could differ from dbt's Jinja. */
export function needsPythonSemantics(source: string): boolean {
  for (const m of source.matchAll(TAG)) {
    const body = (m[1] ?? m[2] ?? '').replace(STRINGS, "''");
    if (OPERATORS.test(body)) return true;
    for (const call of body.matchAll(METHOD_CALL)) if (METHOD_NAMES.has(call[1])) return true;
    const stmt = m[2] !== undefined ? /^(if|elif)\b([\s\S]*)$/.exec(body.trim()) : null;
    if (stmt && !conditionIsBoolean(stmt[2])) return true;
    if (/\b(?:and|or|not)\b/.test(body) && !stmt && !conditionIsBoolean(body.replace(/^\s*(?:set\s+\w+\s*=)/, ''))) return true;
    if (/\bif\b[\s\S]*\belse\b/.test(body) && m[1] !== undefined) return true;
  }
  return false;
}
