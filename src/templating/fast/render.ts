// Executes statements the way tsdbt's nunjucks-generated code does: `for` pushes one frame for the whole
// loop (so `set` inside it only reaches outer variables that already exist), `if` pushes none and
// tests its condition with Python truthiness.
import { S_FOR, S_IF, S_OUTPUT, S_SET, S_TEXT, type Stmt } from './ast.js';
import { evaluate } from './evaluate.js';
import { fromIterator, isArray, keys, loopExtras, truthy } from './runtime.js';
import { Frame, type RenderState } from './state.js';

type Indexed = { length: number; [i: number]: unknown };

/** frame.set("loop.index", ...) and friends: one `loop` object per frame, updated each iteration */
function bindLoop(frame: Frame, arr: unknown, i: number, len: number): void {
  let lo = frame.variables.loop as Record<string, unknown> | undefined;
  if (!lo) frame.variables.loop = lo = {};
  lo.index = i + 1;
  lo.index0 = i;
  lo.revindex = len - i;
  lo.revindex0 = len - i - 1;
  lo.first = i === 0;
  lo.last = i === len - 1;
  lo.length = len;
  loopExtras(frame, arr, i);
}

function execFor(s: Stmt, st: RenderState): void {
  const outer = st.frame;
  const frame = new Frame(outer, false);
  st.frame = frame;
  st.pos = s.pos;
  const value = evaluate(s.e!, st);
  const names = s.names!;
  const slots = s.slots!;
  const body = s.body!;
  const vars = frame.variables;
  if (value) {
    const arr = fromIterator(value);
    if (names.length === 1) {
      const list = arr as Indexed;
      const len = list.length;
      st.slots[s.lenSlot] = len;
      for (let i = 0; i < list.length; i++) {
        const v = list[i];
        st.slots[slots[0]!] = v;
        vars[names[0]!] = v;
        bindLoop(frame, arr, i, len);
        exec(body, st);
      }
    } else if (isArray(arr)) {
      const len = arr.length;
      st.slots[s.lenSlot] = len;
      for (let i = 0; i < arr.length; i++) {
        const a = (arr[i] as Indexed)[0];
        st.slots[slots[0]!] = a;
        vars[names[0]!] = a;
        const b = (arr[i] as Indexed)[1];
        st.slots[slots[1]!] = b;
        vars[names[1]!] = b;
        bindLoop(frame, arr, i, len);
        exec(body, st);
      }
    } else {
      let i = -1;
      const len = keys(arr).length;
      st.slots[s.lenSlot] = len;
      const obj = arr as Record<string, unknown>;
      for (const k in obj) {
        i++;
        const v = obj[k];
        st.slots[slots[0]!] = k;
        st.slots[slots[1]!] = v;
        vars[names[0]!] = k;
        vars[names[1]!] = v;
        bindLoop(frame, arr, i, len);
        exec(body, st);
      }
    }
  }
  // nunjucks tests its hoisted length variable, which keeps the value of an earlier run of this loop
  if (s.else_ !== null && !st.slots[s.lenSlot]) exec(s.else_, st);
  st.frame = outer;
}

export function exec(stmts: Stmt[], st: RenderState): void {
  for (let i = 0; i < stmts.length; i++) {
    const s = stmts[i]!;
    switch (s.k) {
      case S_TEXT:
        st.out += s.text;
        break;
      case S_OUTPUT: {
        st.pos = s.pos;
        const v = evaluate(s.e!, st);
        // runtime.suppressValue, then JS string concatenation
        if (v !== undefined && v !== null) st.out += v as string;
        break;
      }
      case S_SET: {
        st.pos = s.pos;
        const v = evaluate(s.e!, st);
        if (s.slots !== null) st.slots[s.slots[0]!] = v;
        st.setVar(s.names![0]!, v);
        break;
      }
      case S_IF:
        st.pos = s.pos;
        if (truthy(evaluate(s.e!, st))) exec(s.body!, st);
        else if (s.else_ !== null) exec(s.else_, st);
        break;
      case S_FOR:
        execFor(s, st);
        break;
    }
  }
}
