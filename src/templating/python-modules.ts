// dbt's `modules` context variable: Python's datetime, pytz, re and itertools as dbt code calls them.
// `re` translates Python regex syntax to JavaScript's and returns match objects with group()/groups().
import { datetimeModule, pytzModule } from './python-datetime.js';

const IGNORECASE = 2;
const MULTILINE = 8;
const DOTALL = 16;

function toJs(pattern: unknown, flags: number, extra = ''): RegExp {
  if (pattern instanceof RegExp) return new RegExp(pattern.source, [...new Set(pattern.flags + extra)].join(''));
  let src = String(pattern).replace(/\(\?P<(\w+)>/g, '(?<$1>').replace(/\(\?P=(\w+)\)/g, '\\k<$1>').replace(/\\A/g, '^').replace(/\\Z/g, '$');
  let f = extra;
  const inline = /^\(\?([imsx]+)\)/.exec(src);
  if (inline) {
    src = src.slice(inline[0].length);
    if (inline[1].includes('i')) f += 'i';
    if (inline[1].includes('m')) f += 'm';
    if (inline[1].includes('s')) f += 's';
  }
  if (flags & IGNORECASE) f += 'i';
  if (flags & MULTILINE) f += 'm';
  if (flags & DOTALL) f += 's';
  return new RegExp(src, [...new Set(f)].join(''));
}

class PyMatch {
  constructor(private readonly m: RegExpExecArray) {}
  group(...ns: unknown[]): unknown {
    const one = (n: unknown) => (typeof n === 'string' && !/^\d+$/.test(n) ? this.m.groups?.[n] : this.m[Number(n ?? 0)]) ?? null;
    return ns.length <= 1 ? one(ns[0]) : ns.map(one);
  }
  groups(): unknown[] {
    return this.m.slice(1).map((g) => g ?? null);
  }
  groupdict(): Record<string, unknown> {
    return { ...(this.m.groups ?? {}) };
  }
  start(): number {
    return this.m.index;
  }
  end(): number {
    return this.m.index + this.m[0].length;
  }
  span(): number[] {
    return [this.start(), this.end()];
  }
  toString(): string {
    return `<re.Match object; span=(${this.start()}, ${this.end()}), match='${this.m[0]}'>`;
  }
}

function reFns(pattern: unknown, flags: number) {
  const sticky = (s: string, anchorEnd: boolean) => {
    const re = toJs(pattern, flags);
    const m = new RegExp(`^(?:${re.source})${anchorEnd ? '$' : ''}`, re.flags).exec(s);
    return m ? new PyMatch(m) : null;
  };
  return {
    match: (s: unknown) => sticky(String(s), false),
    fullmatch: (s: unknown) => sticky(String(s), true),
    search: (s: unknown) => {
      const m = toJs(pattern, flags).exec(String(s));
      return m ? new PyMatch(m) : null;
    },
    findall: (s: unknown) => [...String(s).matchAll(toJs(pattern, flags, 'g'))].map((m) => (m.length > 2 ? m.slice(1) : (m[1] ?? m[0]))),
    finditer: (s: unknown) => [...String(s).matchAll(toJs(pattern, flags, 'g'))].map((m) => new PyMatch(m as RegExpExecArray)),
    split: (s: unknown) => String(s).split(toJs(pattern, flags)),
    sub: (repl: unknown, s: unknown, count = 0) => {
      const r = typeof repl === 'function' ? (...m: unknown[]) => String((repl as (x: PyMatch) => unknown)(new PyMatch(m as unknown as RegExpExecArray))) : String(repl).replace(/\\(\d)/g, '$$$1').replace(/\\g<(\w+)>/g, '$$<$1>');
      const re = toJs(pattern, flags, count ? '' : 'g');
      let out = String(s);
      for (let i = 0; i < Math.max(1, Number(count)); i++) out = out.replace(re, r as string);
      return out;
    },
    pattern: String(pattern),
  };
}

const flagsOf = (f: unknown) => (typeof f === 'number' ? f : 0);

export function reModule() {
  return {
    IGNORECASE, I: IGNORECASE, MULTILINE, M: MULTILINE, DOTALL, S: DOTALL,
    compile: (p: unknown, f?: unknown) => reFns(p, flagsOf(f)),
    match: (p: unknown, s: unknown, f?: unknown) => reFns(p, flagsOf(f)).match(s),
    fullmatch: (p: unknown, s: unknown, f?: unknown) => reFns(p, flagsOf(f)).fullmatch(s),
    search: (p: unknown, s: unknown, f?: unknown) => reFns(p, flagsOf(f)).search(s),
    findall: (p: unknown, s: unknown, f?: unknown) => reFns(p, flagsOf(f)).findall(s),
    finditer: (p: unknown, s: unknown, f?: unknown) => reFns(p, flagsOf(f)).finditer(s),
    split: (p: unknown, s: unknown, f?: unknown) => reFns(p, flagsOf(f)).split(s),
    sub: (p: unknown, r: unknown, s: unknown, count?: unknown, f?: unknown) => reFns(p, flagsOf(f)).sub(r, s, Number(count ?? 0)),
    escape: (s: unknown) => String(s).replace(/[.*+?^${}()|[\]\\\-#&~ ]/g, '\\$&'),
  };
}

function itertoolsModule() {
  const product = (...lists: unknown[][]): unknown[][] => lists.reduce<unknown[][]>((acc, l) => acc.flatMap((p) => [...l].map((x) => [...p, x])), [[]]);
  const combinations = (l: unknown[], r: number): unknown[][] => (r === 0 ? [[]] : l.flatMap((x, i) => combinations(l.slice(i + 1), r - 1).map((c) => [x, ...c])));
  return { product, combinations, chain: (...ls: unknown[][]) => ls.flatMap((l) => [...l]) };
}

export function pythonModules(): Record<string, unknown> {
  return { datetime: datetimeModule(), pytz: pytzModule(), re: reModule(), itertools: itertoolsModule() };
}
