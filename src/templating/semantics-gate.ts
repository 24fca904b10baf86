// UNUSED, to be deleted with test/unit/templating/semantics-gate.test.ts: the fast interpreter now has
// the same Python semantics as tsdbt's nunjucks (src/templating/fast/evaluate.ts), so TemplateEngine no
// longer gates templates. Was: decides whether a template needs Python semantics (truthiness of lists,
// str methods, `~` with None, list `+`, `%` formatting, tuples, negative indexes) in one cheap pass.
import { STRING_METHODS, LIST_METHODS } from './python-methods.js';

const METHOD_NAMES = new Set([...Object.keys(STRING_METHODS), ...Object.keys(LIST_METHODS), 'update', 'copy', 'clear']);
/** names whose mere use needs tsdbt's runtime */
const PYTHON_NAMES = new Set(['namespace', 'kwargs', 'varargs', 'modules']);
const LOOP_EXTRAS = new Set(['cycle', 'previtem', 'nextitem', 'depth', 'depth0']);
const BOOL_WORDS = new Set(['and', 'or', 'not', 'if', 'elif']);
const STRINGS = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;
const BOOL_ATOM = /^(?:true|false|none|execute|loop\.(?:first|last)|is_incremental\(\)|flags\.\w+|should_full_refresh\(\)|[\s\S]*?(?:==|!=|<|>|\bis\b|\bin\b)[\s\S]*)$/i;

function isWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
const skipSpaces = (s: string, i: number) => {
  while (i < s.length && (s[i] === ' ' || s[i] === '\n' || s[i] === '\t' || s[i] === '\r')) i++;
  return i;
};

function conditionIsBoolean(cond: string): boolean {
  return cond
    .split(/\b(?:and|or|not)\b/)
    // grouping parentheses go, call parentheses `()` stay (`is_incremental()`)
    .map((a) => a.replace(/\(\)/g, '\u0000').replace(/[()]/g, '').replace(/\u0000/g, '()').trim())
    .filter((a) => a !== '')
    .every((a) => BOOL_ATOM.test(a));
}

/** first letters of the undotted words that matter (and/or/not/if/elif/in/namespace/kwargs/varargs/modules/loop) */
const FIRST = new Set([...'aoniekvml'].map((ch) => ch.charCodeAt(0)));

// character classes for the scanner (ASCII; anything else counts as part of a word)
const OTHER = 0, WORD = 1, QUOTE = 2, OPERATOR = 3, BRACKET = 4, EQ = 5, PAREN = 6, SPACE = 7, DOT = 8;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) CLASS[c] = isWord(c) ? WORD : OTHER;
for (const ch of `'"`) CLASS[ch.charCodeAt(0)] = QUOTE;
for (const ch of '~+*%') CLASS[ch.charCodeAt(0)] = OPERATOR;
CLASS[91] = BRACKET;
CLASS[61] = CLASS[33] = EQ;
CLASS[40] = PAREN;
CLASS[32] = CLASS[9] = CLASS[10] = CLASS[13] = SPACE;
CLASS[46] = DOT;
const classOf = (c: number) => (c < 128 ? CLASS[c] : WORD);

/** 1: needs Python semantics, 0: safe, 2: has boolean words (conditions to look at). */
function scan(body: string, start: number, end: number): number {
  let bool = 0;
  let afterIn = false;
  let afterLoop = false;
  for (let i = start; i < end; i++) {
    const c = body.charCodeAt(i);
    switch (classOf(c)) {
      case SPACE:
      case DOT:
        continue;
      case QUOTE:
        for (i++; i < end && body.charCodeAt(i) !== c; i++) if (body.charCodeAt(i) === 92) i++;
        break;
      case OPERATOR:
        return 1; // ~ + * %
      case BRACKET:
        if (body.charCodeAt(skipSpaces(body, i + 1)) === 45) return 1; // [-1]
        break;
      case EQ:
        if (body.charCodeAt(i + 1) === 61 && '[{('.includes(body[skipSpaces(body, i + 2)] ?? '')) return 1;
        break;
      case PAREN:
        if (afterIn) return 1; // `in (a, b)`: a tuple
        break;
      case WORD: {
        let j = i + 1;
        while (j < end && classOf(body.charCodeAt(j)) === WORD) j++;
        const dotted = i > 0 && body.charCodeAt(i - 1) === 46;
        const loop = afterLoop;
        afterIn = afterLoop = false;
        if (dotted) {
          if (j - i >= 3) {
            const word = body.slice(i, j);
            if (METHOD_NAMES.has(word) && body.charCodeAt(skipSpaces(body, j)) === 40) return 1;
            if (loop && LOOP_EXTRAS.has(word)) return 1;
          }
        } else if (FIRST.has(c) && j - i <= 9) {
          const word = body.slice(i, j);
          if (PYTHON_NAMES.has(word)) return 1;
          if (BOOL_WORDS.has(word)) bool = 2;
          afterIn = word === 'in';
          afterLoop = word === 'loop';
        }
        i = j - 1;
        continue;
      }
    }
    afterIn = afterLoop = false;
  }
  return bool;
}

// conditions repeat across a project (`is_incremental()`, `not loop.last`): remember the verdicts
const verdicts = new Map<string, boolean>();

function conditionNeedsPython(tag: string, isExpression: boolean): boolean {
  let v = verdicts.get(tag);
  if (v === undefined) {
    const body = tag.replace(/^-|-$/g, '').replace(STRINGS, "''").trim();
    const stmt = isExpression ? null : /^(if|elif)\b([\s\S]*)$/.exec(body);
    v = stmt
      ? !conditionIsBoolean(stmt[2])
      : (isExpression && /\bif\b[\s\S]*\belse\b/.test(body)) || (/\b(?:and|or|not)\b/.test(body) && !conditionIsBoolean(body.replace(/^set\s+\w+\s*=/, '')));
    if (verdicts.size > 10000) verdicts.clear();
    verdicts.set(tag, v);
  }
  return v;
}

/** True when rendering `source` with plain nunjucks semantics could differ from dbt's Jinja. */
export function needsPythonSemantics(source: string): boolean {
  let i = source.indexOf('{');
  while (i !== -1 && i < source.length - 1) {
    const kind = source[i + 1];
    if (kind !== '{' && kind !== '%') {
      i = source.indexOf('{', i + 1);
      continue;
    }
    const close = source.indexOf(kind === '{' ? '}}' : '%}', i + 2);
    if (close === -1) return false;
    const verdict = scan(source, i + 2, close);
    if (verdict === 1) return true;
    if (verdict === 2 && conditionNeedsPython(source.slice(i + 2, close), kind === '{')) return true;
    i = source.indexOf('{', close + 2);
  }
  return false;
}
