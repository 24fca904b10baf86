// Jinja2 behaviour on tsdbt's nunjucks path (macros always render there): loop scoping, loop filters,
// loop.changed and namespace() inside macros, a package's macros finding their own siblings first,
// Python printing of numbers, `%` formatting, and filters' keyword arguments.
import { describe, expect, it } from 'vitest';
import { TemplateEngine } from '../../../src/templating/environment.js';
import { engineWith, render } from './helpers.js';
import { Namespace } from '../../../src/templating/nunjucks-runtime.js';
import { percentFormat, pyStr, tuple } from '../../../src/templating/python-values.js';

const NS = { namespace: (kw: Record<string, unknown>) => Object.assign(new Namespace(), kw, { __keywords: undefined }) };

describe('loops in macros', () => {
  const engine = engineWith({
    'macros/loops.sql': `
{% macro scoped(xs) %}{% set last = 'none' %}{% for x in xs %}{% set last = x %}{% endfor %}{{ last }}{% endmacro %}
{% macro counted(xs) %}{% set ns = namespace(n=0, last='none') %}{% for x in xs if x is odd %}{% set ns.n = ns.n + 1 %}{% set ns.last = x %}{% endfor %}{{ ns.n }}:{{ ns.last }}{% endmacro %}
{% macro groups(rows) %}{% for r in rows %}{% if loop.changed(r[0]) %}<{{ r[0] }}>{% endif %}{{ r[1] }}{% endfor %}{% endmacro %}
{% macro keys(d) %}{% for k in d if k != 'skip' %}{{ k }}{{ ',' if not loop.last }}{% endfor %}{% endmacro %}
`,
  });

  it('keeps a set inside a loop local, and namespace() carries values out', () => {
    expect(render('{{ scoped([1, 2]) }}|{{ counted([1, 2, 3, 4, 5]) }}', NS, engine)).toBe('none|3:5');
  });

  it('filters per item, counts loop.length after the filter, iterates dict keys, tracks loop.changed', () => {
    expect(render("{{ keys({'a': 1, 'skip': 2, 'b': 3}) }}|{{ groups([['x', 1], ['x', 2], ['y', 3]]) }}", {}, engine)).toBe('a,b|<x>12<y>3');
  });
});

describe('package macros', () => {
  it('find their own package first, then the root namespace; the root keeps its own', () => {
    const engine = new TemplateEngine();
    const load = (pkg: string, root: boolean, path: string, src: string) => {
      const ns = engine.namespaces.get(pkg) ?? {};
      engine.namespaces.set(pkg, ns);
      for (const [name, fn] of Object.entries(engine.loadMacroFile(src, path, root ? undefined : pkg))) {
        ns[name] = fn;
        if (root || !engine.macros.has(name)) engine.macros.set(name, fn);
      }
    };
    load('shop', true, 'macros/label.sql', '{% macro label(c) %}root_{{ c }}{% endmacro %}');
    load('utils', false, 'dbt_packages/utils/macros/wrap.sql', '{% macro wrap(c) %}[{{ label(c) }}|{{ only_root() }}]{% endmacro %}');
    load('utils', false, 'dbt_packages/utils/macros/label.sql', '{% macro label(c) %}pkg_{{ c }}{% endmacro %}');
    load('shop', true, 'macros/only_root.sql', '{% macro only_root() %}r{% endmacro %}');
    expect(render("{{ wrap('x') }} {{ label('x') }} {{ utils.label('x') }}", {}, engine)).toBe('[pkg_x|r] root_x pkg_x');
    // the render scope still comes first (a node's `this`, `ref`...)
    expect(render("{{ wrap('x') }}", { label: () => 'scope' }, engine)).toBe('[scope|r]');
  });
});

describe('printing values as Python does', () => {
  it('numbers: integral values as ints, others as Python float repr', () => {
    expect([1, 1.0, -0.5, 0.1 + 0.2, 1e-5, 2.5e-7, 1e22, 123.456, NaN, Infinity, -Infinity].map(pyStr)).toEqual([
      '1', '1', '-0.5', '0.30000000000000004', '1e-05', '2.5e-07', '10000000000000000000000', '123.456', 'nan', 'inf', '-inf',
    ]);
  });

  it('containers, tuples, None and booleans; undefined prints nothing', () => {
    expect(pyStr([1, 'a', null, true, undefined])).toBe("[1, 'a', None, True, None]");
    expect(pyStr(tuple([1]))).toBe('(1,)');
    expect(pyStr({ k: "it's", q: 'a"b\'c', n: 'x\ny' })).toBe(`{'k': "it's", 'q': 'a"b\\'c', 'n': 'x\\ny'}`);
    expect(pyStr(new Map([['a', 1]]))).toBe("{'a': 1}");
    expect(pyStr(undefined)).toBe('');
    expect(render('{{ x }}|{{ none }}|{{ [none] }}|{{ f }}', { f: function named() {} })).toBe('|None|[None]|<function named>');
  });
});

describe('% formatting as CPython', () => {
  it.each([
    ['%s-%d', tuple(['a', 5]), 'a-5'],
    ['%5.1f|%-5s|%05d', tuple([2.25, 'ab', -42]), '  2.2|ab   |-0042'],
    ['%e|%.3g|%g|%G', tuple([12345.678, 1234.5, 0.0001, 1e20]), '1.234568e+04|1.23e+03|0.0001|1E+20'],
    ['%x|%#X|%o|%c|%%', tuple([255, 255, 8, 65]), 'ff|0XFF|10|A|%'],
    ['%(a)s=%(b).2f', { a: 'k', b: 1 / 3 }, 'k=0.33'],
    ['%s', [1, 2], '[1, 2]'],
    ['%r', 'q', "'q'"],
  ])('%s %% %j', (fmt, arg, out) => {
    expect(percentFormat(fmt, arg)).toBe(out);
  });

  it('raises when the argument count does not match', () => {
    expect(() => percentFormat('%s %s', tuple(['a']))).toThrow('not enough arguments for format string');
    expect(() => percentFormat('%s', tuple(['a', 'b']))).toThrow('not all arguments converted');
    expect(() => percentFormat('%d', 'x')).toThrow('%d format: a real number is required, not str');
  });
});

describe('filters with keyword arguments', () => {
  it('binds Jinja2 parameter names and rejects unknown ones, naming the filter', () => {
    expect(render("{{ 'x' | int(default=5) }} {{ '10' | int(base=2) }} {{ ['a', 'b'] | join(d='-', attribute=none) }} {{ 2.567 | round(method='floor', precision=1) }}")).toBe('5 2 a-b 2.5');
    expect(() => render("{{ [1] | join(sep=',') }}")).toThrow("the join filter got an unexpected keyword argument 'sep' (it takes d, attribute)");
    expect(() => render("{{ 'a' | format('x', k=1) }}")).toThrow("can't handle positional and keyword arguments");
  });
});
