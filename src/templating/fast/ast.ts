// Node shapes of the fast Jinja interpreter. Kinds are small integers and every node has the same
// fields, so the evaluator's one switch stays monomorphic (V8 keeps it fast without codegen).
// The trees are nunjucks' parse trees; evaluation follows tsdbt's patched compiler (Python semantics).

// expression kinds
export const LIT = 0;
export const NAME = 1; // runtime lookup: frames, then top-level sets, then the caller's lookup
export const LOCAL = 2; // a for-loop variable, resolved at parse time like nunjucks' compiler does
export const GROUP = 3;
export const ARRAY = 4;
export const DICT = 5;
export const LOOKUP = 6;
export const CALL = 7;
export const FILTER = 8;
export const ADD = 9;
export const CONCAT = 10;
export const SUB = 11;
export const MUL = 12;
export const DIV = 13;
export const FLOORDIV = 14;
export const MOD = 15;
export const POW = 16;
export const NEG = 17;
export const POS = 18;
export const NOT = 19;
export const AND = 20;
export const OR = 21;
export const CMP = 22;
export const IN = 23;
export const IS = 24;
export const IFEXPR = 25;
export const TUPLE = 26; // `(a, b)`: a list marked as a Python tuple

export type Fn = (this: unknown, ...args: unknown[]) => unknown;

export class Expr {
  /** literal value, name, comparison operator id, filter or test name */
  declare v: unknown;
  declare a: Expr | null;
  declare b: Expr | null;
  declare c: Expr | null;
  /** array items, call/filter/test positional arguments */
  declare list: Expr[] | null;
  /** dict keys or keyword-argument names, paired with vals */
  declare keys: string[] | null;
  declare vals: Expr[] | null;
  declare slot: number;
  /** callee description for "Unable to call" errors, built like nunjucks' _getNodeName */
  declare name: string;
  declare readonly k: number;
  /** source offset, for error positions */
  declare readonly pos: number;
  // assigned in the constructor rather than as class fields: V8 builds these objects much faster
  constructor(k: number, pos: number) {
    this.k = k;
    this.pos = pos;
    this.v = undefined;
    this.a = null;
    this.b = null;
    this.c = null;
    this.list = null;
    this.keys = null;
    this.vals = null;
    this.slot = -1;
    this.name = '';
  }
}

// statement kinds
export const S_TEXT = 0;
export const S_OUTPUT = 1;
export const S_SET = 2;
export const S_IF = 3;
export const S_FOR = 4;

export class Stmt {
  declare text: string;
  declare e: Expr | null;
  /** set target, or the for loop's variable names */
  declare names: string[] | null;
  /** local slots of the loop variables (or of a set target that is a loop variable) */
  declare slots: number[] | null;
  /** slot holding the loop's length: nunjucks hoists it, so it survives between executions */
  declare lenSlot: number;
  declare body: Stmt[] | null;
  declare else_: Stmt[] | null;
  /** a for loop's `if` filter */
  declare cond: Expr | null;
  /** names a for body sets: unset at each iteration (Jinja2 scopes them to the iteration) */
  declare resets: string[] | null;
  /** a set inside a for loop: binds in the loop's frame, not in an outer one */
  declare local: boolean;
  declare readonly k: number;
  declare readonly pos: number;
  constructor(k: number, pos: number) {
    this.k = k;
    this.pos = pos;
    this.text = '';
    this.e = null;
    this.names = null;
    this.slots = null;
    this.lenSlot = -1;
    this.body = null;
    this.else_ = null;
    this.cond = null;
    this.resets = null;
    this.local = false;
  }
}

export interface Program {
  body: Stmt[];
  nSlots: number;
}

/** Thrown (never escapes compileFast) when a template leaves the supported subset or is malformed. */
export const UNSUPPORTED: { readonly unsupported: true } = Object.freeze({ unsupported: true as const });

export function unsupported(): never {
  throw UNSUPPORTED;
}
