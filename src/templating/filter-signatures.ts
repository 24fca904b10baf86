// Keyword arguments for filters: Jinja2's parameter names of each built-in filter, so `join(d=', ')`,
// `int(default=5)`, `round(precision=1)` bind like the positional arguments they name (nunjucks passes
// them as one trailing object, which its own filters would take as their next parameter).
import type nunjucks from 'nunjucks';

/** Jinja2's parameters after the filtered value; filters that read keywords themselves are absent. */
const SIGNATURES: Record<string, string[]> = {
  abs: [],
  attr: ['name'],
  batch: ['linecount', 'fill_with'],
  capitalize: [],
  center: ['width'],
  d: ['default_value', 'boolean'],
  default: ['default_value', 'boolean'],
  dictsort: ['case_sensitive', 'by', 'reverse'],
  escape: [],
  e: [],
  filesizeformat: ['binary'],
  first: [],
  float: ['default'],
  forceescape: [],
  groupby: ['attribute', 'default', 'case_sensitive'],
  indent: ['width', 'first', 'blank'],
  int: ['default', 'base'],
  join: ['d', 'attribute'],
  last: [],
  length: [],
  list: [],
  lower: [],
  random: [],
  replace: ['old', 'new', 'count'],
  reverse: [],
  round: ['precision', 'method'],
  safe: [],
  slice: ['slices', 'fill_with'],
  sort: ['reverse', 'case_sensitive', 'attribute'],
  string: [],
  striptags: [],
  sum: ['attribute', 'start'],
  title: [],
  tojson: ['indent'],
  trim: ['chars'],
  truncate: ['length', 'killwords', 'end', 'leeway'],
  upper: [],
  urlencode: [],
  urlize: ['trim_url_limit', 'nofollow', 'target', 'rel'],
  wordcount: [],
  wordwrap: ['width', 'break_long_words', 'wrapstring', 'break_on_hyphens'],
  xmlattr: ['autospace'],
};

type Filter = (this: unknown, ...args: unknown[]) => unknown;

const isKeywords = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.prototype.hasOwnProperty.call(v, '__keywords');

/** `f` taking Jinja2's keyword arguments `params` (after the filtered value) as positional ones. */
export function withKeywords(name: string, f: Filter, params: string[]): Filter {
  return function (this: unknown, ...args: unknown[]) {
    const last = args[args.length - 1];
    if (args.length < 2 || !isKeywords(last)) return f.apply(this, args);
    const out = args.slice(0, -1);
    for (const [k, v] of Object.entries(last)) {
      if (k === '__keywords') continue;
      const i = params.indexOf(k) + 1;
      if (i === 0) throw new TypeError(`the ${name} filter got an unexpected keyword argument '${k}'${params.length ? ` (it takes ${params.join(', ')})` : ''}`);
      if (i < out.length && out[i] !== undefined) throw new TypeError(`the ${name} filter got multiple values for argument '${k}'`);
      while (out.length <= i) out.push(undefined);
      out[i] = v;
    }
    return f.apply(this, out);
  };
}

/** Wrap every filter of `env` that Jinja2 defines with keyword parameters (run after all filters are added). */
export function installFilterKeywords(nenv: nunjucks.Environment): void {
  const env = nenv as unknown as { filters: Record<string, Filter>; addFilter(n: string, f: Filter): void };
  for (const [name, params] of Object.entries(SIGNATURES)) {
    const f = env.filters[name];
    if (typeof f === 'function') env.addFilter(name, withKeywords(name, f, params));
  }
}
