// Executes statements the way tsdbt's nunjucks-generated code does: `for` pushes one frame for the whole
// loop, where `set` binds and what the body set is unset at each iteration (Jinja2's scoping); `if`
// pushes none and tests its condition with Python truthiness; `{{ x }}` prints as Python does.
import { S_FOR, S_IF, S_OUTPUT, S_SET, S_TEXT, type Stmt } from './ast.js';
import { evaluate } from './evaluate.js';
import { isArray, keys, loopExtras, loopItems, pyStr, truthy } from './runtime.js';
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

/** a for loop's `if` filter, with the loop names bound to `item` */
function keep(s: Stmt, item: unknown, st: RenderState): boolean {
  const slots = s.slots!;
  if (slots.length === 1) st.slots[slots[0]!] = item;
  else for (let j = 0; j < slots.length; j++) st.slots[slots[j]!] = (item as Indexed)[j];
  return truthy(evaluate(s.cond!, st));
}

function unset(vars: Record<string, unknown>, names: string[]): void {
  for (let j = 0; j < names.length; j++) vars[names[j]!] = undefined;
}

function execFor(s: Stmt, st: RenderState): void {
  const outer = st.frame;
  const frame = new Frame(outer, false);
  st.frame = frame;
  st.pos = s.pos;
  const names = s.names!;
  const slots = s.slots!;
  const body = s.body!;
  const vars = frame.variables;
  const resets = s.resets;
  const arr = loopItems(evaluate(s.e!, st), names.length, s.cond === null ? null : (item) => keep(s, item, st));
  if (arr) {
    if (names.length === 1) {
      const list = arr as Indexed;
      const len = list.length;
      st.slots[s.lenSlot] = len;
      for (let i = 0; i < list.length; i++) {
        const v = list[i];
        if (resets !== null) unset(vars, resets);
        st.slots[slots[0]!] = v;
        vars[names[0]!] = v;
        bindLoop(frame, arr, i, len);
        exec(body, st);
      }
    } else if (isArray(arr)) {
      const len = arr.length;
      st.slots[s.lenSlot] = len;
      for (let i = 0; i < arr.length; i++) {
        if (resets !== null) unset(vars, resets);
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
        if (resets !== null) unset(vars, resets);
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
        // runtime.tsdbtOutput
        st.out += typeof v === 'string' ? v : pyStr(v);
        break;
      }
      case S_SET: {
        st.pos = s.pos;
        const v = evaluate(s.e!, st);
        if (s.slots !== null) st.slots[s.slots[0]!] = v;
        if (s.local) st.frame.variables[s.names![0]!] = v;
        else st.setVar(s.names![0]!, v);
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
