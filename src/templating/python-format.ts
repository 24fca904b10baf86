// Python's str.format(): `{}`, `{0}`, `{name}`, `{x.attr}`, `{x[key]}`, `{{`/`}}` and the common
// format specs (fill, align, width, `,`, precision, d/f/s/%).
import { PyFloat, pyRepr, pyStr } from './python-repr.js';
import { expo, general, pyFixed } from './python-percent.js';

const SPEC = /^(?:(.)?([<>^=]))?([+\- ])?(0)?(\d+)?(,)?(?:\.(\d+))?([bdeEfFgGnosxX%])?$/;

function applySpec(v: unknown, spec: string): string {
  if (!spec) return pyStr(v);
  const m = SPEC.exec(spec);
  if (!m) throw new Error(`ValueError: Invalid format specifier '${spec}'`);
  const [, fillCh, align, sign, zero, width, comma, prec, type] = m;
  let s: string;
  const isNumber = typeof v === 'number' || v instanceof PyFloat;
  const num = typeof v === 'number' ? v : Number(v);
  switch (type) {
    case 'd':
      s = String(Math.trunc(num));
      break;
    case 'f':
    case 'F':
      s = pyFixed(num, prec === undefined ? 6 : Number(prec));
      break;
    case 'e':
    case 'E':
      s = expo(num, prec === undefined ? 6 : Number(prec), type === 'E');
      break;
    case 'g':
    case 'G':
      s = num < 0 ? '-' + general(-num, prec === undefined ? 6 : Number(prec), false, type === 'G') : general(num, prec === undefined ? 6 : Number(prec), false, type === 'G');
      break;
    case '%':
      s = pyFixed(num * 100, prec === undefined ? 6 : Number(prec)) + '%';
      break;
    case 'x':
      s = Math.trunc(num).toString(16);
      break;
    case 'X':
      s = Math.trunc(num).toString(16).toUpperCase();
      break;
    case 'b':
      s = Math.trunc(num).toString(2);
      break;
    default:
      s = pyStr(v);
      if (prec !== undefined && typeof v === 'string') s = s.slice(0, Number(prec));
      else if (prec !== undefined && isNumber) s = num.toPrecision(Number(prec));
  }
  if (comma) s = s.replace(/^(-?\d+)/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
  if ((sign === '+' || sign === ' ') && isNumber && num >= 0) s = sign + s;
  const w = width ? Number(width) : 0;
  if (s.length >= w) return s;
  const fill = fillCh ?? (zero ? '0' : ' ');
  const how = align ?? (isNumber ? '>' : '<');
  const pad = w - s.length;
  if (how === '<') return s + fill.repeat(pad);
  if (how === '^') return fill.repeat(Math.floor(pad / 2)) + s + fill.repeat(pad - Math.floor(pad / 2));
  return fill.repeat(pad) + s;
}

function resolveField(field: string, positional: unknown[], kwargs: Record<string, unknown>, auto: { i: number }): unknown {
  const m = /^([^.[]*)(.*)$/.exec(field)!;
  const head = m[1];
  let v: unknown = head === '' ? positional[auto.i++] : /^\d+$/.test(head) ? positional[Number(head)] : kwargs[head];
  for (const part of m[2].matchAll(/\.(\w+)|\[([^\]]+)\]/g)) {
    const key = part[1] ?? part[2];
    v = v === null || v === undefined ? undefined : (v as Record<string, unknown>)[/^\d+$/.test(key) && Array.isArray(v) ? Number(key) : key];
  }
  if (v === undefined && head !== '' && !/^\d+$/.test(head) && !(head in kwargs)) throw new Error(`KeyError: '${head}' in str.format()`);
  return v;
}

export function formatString(fmt: string, positional: unknown[], kwargs: Record<string, unknown>): string {
  const auto = { i: 0 };
  return fmt.replace(/\{\{|\}\}|\{([^{}:!]*)(?:!([rsa]))?(?::([^{}]*))?\}/g, (whole, field: string | undefined, conv: string | undefined, spec: string | undefined) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    const v = resolveField(field ?? '', positional, kwargs, auto);
    return applySpec(conv === 'r' || conv === 'a' ? pyRepr(v) : conv === 's' ? pyStr(v) : v, spec ?? '');
  });
}
