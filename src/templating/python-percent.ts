// Python's printf-style `%` formatting (`"%s-%05.1f" % (a, b)`, `"%(k)s" % d`), which Jinja's `%`
// operator and its `format` filter use: flags `-+ 0#`, width, precision, and the conversions
// s r a d i u f F e E g G x X o c %. Mismatched argument counts raise Python's TypeErrors.
import { PyFloat, isPlainObject, isTuple, pyRepr, pyStr } from './python-repr.js';

const SPEC = /%(?:\(([^)]*)\))?([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d*))?[hlL]?([diouxXeEfFgGcrsa%])?/g;

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'string') return 'str';
  if (v instanceof PyFloat) return 'float';
  if (Array.isArray(v)) return isTuple(v) ? 'tuple' : 'list';
  return isPlainObject(v) ? 'dict' : typeof v;
}

function num(v: unknown, conv: string): number {
  if (typeof v === 'number') return v;
  if (v instanceof PyFloat) return v.valueOf();
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  throw new TypeError(`%${conv} format: a real number is required, not ${typeName(v)}`);
}

/** Python's fixed notation: exact ties round half to even (`'%.1f' % 2.25` is 2.2; JavaScript's toFixed gives 2.3). */
export function pyFixed(n: number, digits: number): string {
  const s = n.toFixed(digits);
  const exact = n.toFixed(Math.min(100, digits + 30));
  const tail = exact.slice(exact.length - 30);
  if (!/^50*$/.test(tail)) return s;
  // a tie: keep the even digit
  const kept = exact.slice(0, exact.length - 30).replace(/\.$/, '');
  const last = Number(kept[kept.length - 1]);
  return last % 2 === 0 ? kept : s;
}

/** Python's exponent notation: at least two exponent digits (`1.5e+07`). */
export function expo(n: number, digits: number, upper: boolean): string {
  const [m, e] = n.toExponential(digits).split('e');
  const s = `${m}e${e[0]}${e.slice(1).padStart(2, '0')}`;
  return upper ? s.toUpperCase() : s;
}

export function general(n: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec;
  const x = Number(n.toExponential(p - 1).split('e')[1]);
  const s = x >= -4 && x < p ? pyFixed(n, p - 1 - x) : expo(n, p - 1, upper);
  if (alt) return s;
  // without `#`, trailing zeros of the fraction go (and a bare decimal point)
  const [mant, exp] = s.split(/(?=[eE])/);
  const trimmed = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
  return trimmed + (exp ?? '');
}

function convert(v: unknown, conv: string, flags: string, prec: number | undefined): string {
  if (conv === 's') return prec === undefined ? pyStr(v) : pyStr(v).slice(0, prec);
  if (conv === 'r' || conv === 'a') return prec === undefined ? pyRepr(v) : pyRepr(v).slice(0, prec);
  if (conv === 'c') return typeof v === 'string' ? v : String.fromCodePoint(num(v, conv));
  const n = num(v, conv);
  const alt = flags.includes('#');
  let body: string;
  if (!Number.isFinite(n)) body = Number.isNaN(n) ? 'nan' : 'inf';
  else if ('diu'.includes(conv)) body = Math.trunc(Math.abs(n)).toString();
  else if ('xXo'.includes(conv)) {
    body = Math.trunc(Math.abs(n)).toString(conv === 'o' ? 8 : 16);
    if (alt) body = (conv === 'o' ? '0o' : '0x') + body;
  } else if (conv === 'f' || conv === 'F') body = pyFixed(Math.abs(n), prec ?? 6);
  else if (conv === 'e' || conv === 'E') body = expo(Math.abs(n), prec ?? 6, false);
  else body = general(Math.abs(n), prec ?? 6, alt, false);
  if (conv === 'X' || conv === 'E' || conv === 'G' || conv === 'F') body = body.toUpperCase();
  const sign = n < 0 || Object.is(n, -0) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  return sign + body;
}

function pad(s: string, width: number, flags: string, numeric: boolean): string {
  if (s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (numeric && flags.includes('0')) {
    const signLen = /^[-+ ]/.test(s) ? 1 : 0;
    const prefix = /^[-+ ]?0[xXo]/.test(s) ? signLen + 2 : signLen;
    return s.slice(0, prefix) + '0'.repeat(width - s.length) + s.slice(prefix);
  }
  return s.padStart(width);
}

/** `fmt % arg`: a tuple gives the arguments, a dict the `%(key)s` values, anything else is the one argument. */
export function percentFormat(fmt: string, arg: unknown): string {
  const mapping = isPlainObject(arg) ? arg : arg instanceof Map ? Object.fromEntries(arg) : null;
  let args: unknown[];
  if (isTuple(arg)) args = [...arg];
  // a plain list is one value in Python; only where Python would fail (several conversions) it gives them
  else if (Array.isArray(arg) && (fmt.match(/%[^%(]/g)?.length ?? 0) > 1) args = [...arg];
  else args = [arg];
  let used = 0;
  let keyed = false;
  const out = fmt.replace(SPEC, (m, key: string | undefined, flags: string, width: string | undefined, precision: string | undefined, conv: string | undefined) => {
    if (conv === undefined) throw new TypeError(`ValueError: incomplete format in ${JSON.stringify(fmt)}`);
    if (conv === '%') return '%';
    const take = () => {
      if (used >= args.length) throw new TypeError('not enough arguments for format string');
      return args[used++];
    };
    const w = width === '*' ? Number(take()) : width === undefined ? 0 : Number(width);
    const p = precision === '*' ? Number(take()) : precision === undefined ? undefined : Number(precision || '0');
    let v: unknown;
    if (key !== undefined) {
      if (!mapping) throw new TypeError('format requires a mapping');
      if (!(key in mapping)) throw new TypeError(`KeyError: '${key}'`);
      v = mapping[key];
      keyed = true;
    } else v = take();
    return pad(convert(v, conv, flags, p), w, flags, !'srac'.includes(conv));
  });
  if (!keyed && used < args.length && !(mapping && used === 0)) throw new TypeError('not all arguments converted during string formatting');
  return out;
}
