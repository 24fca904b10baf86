// Jinja2 constructs and semantics an audit found missing or different, on both render paths (the fast
// interpreter may decline a template, then nunjucks renders it; when both render, they must agree):
// tests with one argument and no parentheses, recursive loops, one-element tuples and trailing commas,
// implicit string concatenation, groupby's (grouper, list) tuples, zip's tuples, true division giving
// floats, exponent literals, undefined attribute access (strict at run time, lenient at parse time as
// in dbt), and a macro given one argument twice.
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { compileFast } from '../../../src/templating/fast/index.js';
import { pythonBuiltins } from '../../../src/templating/python-builtins.js';
import { engine, env, makeContext } from '../templating-fast/harness.js';

type Outcome = { out: string } | { error: string };

function scope(extra: Record<string, unknown>, execute: boolean): Record<string, unknown> {
  return { ...makeContext(), execute, ...extra };
}

function viaNunjucks(src: string, s: Record<string, unknown>): Outcome {
  try {
    const tpl = new nunjucks.Template(src, env, 'models/m.sql', true);
    return { out: engine.renderWith(s, () => tpl.render({})) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function viaFast(src: string, s: Record<string, unknown>): Outcome | null {
  const tpl = compileFast(src, 'models/m.sql', env);
  if (tpl === null) return null;
  try {
    return { out: engine.renderWith(s, () => tpl.render(engine.lookup)) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** the error's cause, without nunjucks' "(file) [Line l, Column c]" prefix */
const cause = (m: string) => m.slice(m.indexOf('\n') + 1).trim().replace(/^(Error|TypeError): /, '');

function outcome(src: string, extra: Record<string, unknown> = {}, execute = true): Outcome {
  const nj = viaNunjucks(src, scope(extra, execute));
  const fast = viaFast(src, scope(extra, execute));
  if (fast !== null) {
    if ('out' in nj) expect(fast, `fast path differs on ${src}`).toEqual(nj);
    else {
      expect('error' in fast, `fast path rendered ${src} but nunjucks failed: ${nj.error}`).toBe(true);
      expect(cause((fast as { error: string }).error)).toBe(cause(nj.error));
    }
  }
  return nj;
}

function render(src: string, extra: Record<string, unknown> = {}, execute = true): string {
  const r = outcome(src, extra, execute);
  if ('error' in r) throw new Error(`${src} failed: ${r.error}`);
  return r.out;
}

function failure(src: string, extra: Record<string, unknown> = {}, execute = true): string {
  const r = outcome(src, extra, execute);
  if ('out' in r) throw new Error(`${src} rendered ${JSON.stringify(r.out)} instead of failing`);
  return r.error;
}

describe('tests with one argument without parentheses', () => {
  it('take the next primary as the argument, as Jinja2 does', () => {
    expect(render('{{ 7 is divisibleby 7 }}|{{ 8 is divisibleby 3 }}|{{ 9 is not divisibleby 3 }}')).toBe('True|False|False');
    expect(render('{{ f is sameas false }}|{{ t is sameas false }}|{{ nul is sameas none }}|{{ 2 is sameas 2 }}')).toBe('True|False|True|True');
    expect(render("{{ 'a' is in ['a', 'b'] }}|{{ 42 is divisibleby num }}|{{ s is equalto 'Hello World' }}")).toBe('True|True|True');
  });

  it('still end at and / or / else / if and at the end of a tag', () => {
    expect(render("{% if 9 is divisibleby 3 and t %}y{% endif %}|{{ 'a' if 4 is divisibleby 2 else 'b' }}|{{ 5 is divisibleby 2 or t }}")).toBe('y|a|True');
    expect(render('{% for n in [1, 2, 3, 4] if n is divisibleby 2 %}{{ n }}{% endfor %}|{% set d = 6 is divisibleby 3 %}{{ d }}')).toBe('24|True');
    expect(render('{{ 6 is divisibleby(3) }}|{{ x is defined }}|{{ nul is none }}')).toBe('True|False|True');
  });

  it('reject a second `is` after an argument, naming the problem', () => {
    expect(failure('{{ 6 is divisibleby 3 is defined }}')).toContain('You cannot chain multiple tests with is');
  });
});

describe('recursive for loops', () => {
  const tree = [
    { name: 'a', children: [{ name: 'a1', children: [{ name: 'a1x', children: [] }] }, { name: 'a2', children: [] }] },
    { name: 'b', children: [] },
  ];

  it('call loop(children) to render the next level, with loop.depth', () => {
    const src = '{% for n in tree recursive %}[{{ loop.depth }}:{{ n.name }}{% if n.children %} {{ loop(n.children) }}{% endif %}]{% endfor %}';
    expect(render(src, { tree })).toBe('[1:a [2:a1 [3:a1x]][2:a2]][1:b]');
  });

  it('keep loop.index, depth0, filters and else per level', () => {
    const src = "{% for n in tree if n.name != 'a2' recursive %}{{ loop.depth0 }}.{{ loop.index }}/{{ loop.length }}={{ n.name }}({{ loop(n.children) }}){% else %}-{% endfor %}";
    expect(render(src, { tree })).toBe('0.1/2=a(1.1/1=a1(2.1/1=a1x(-)))0.2/2=b(-)');
  });

  it('work inside macros, and a nested plain loop has its own loop', () => {
    const src = "{% macro walk(items) %}{% for n in items recursive %}{% for c in n.children %}{{ loop.depth }}{% endfor %}<{{ n.name }}{{ loop(n.children) }}>{% endfor %}{% endmacro %}{{ walk(tree) }}";
    expect(render(src, { tree })).toBe('11<a1<a1<a1x>><a2>><b>');
  });

  it('report loop() in a loop that is not recursive', () => {
    expect(failure('{% for n in [1] %}{{ loop([2]) }}{% endfor %}')).toContain("The loop must have the 'recursive' marker to be called recursively");
  });
});

describe('tuples and trailing commas', () => {
  it('(3,) is a one-element tuple; lists, dicts and tuples take a trailing comma', () => {
    expect(render("{{ (3,) }}|{{ (3,) | length }}|{{ ('a',) ~ '' }}|{{ [1, 2,] }}|{{ {'a': 1,} }}|{{ (1, 2,) }}|{{ (3) }}")).toBe("(3,)|1|('a',)|[1, 2]|{'a': 1}|(1, 2)|3");
  });

  it('% takes a one-element tuple', () => {
    expect(render("{{ '%s!' % ('x',) }}")).toBe('x!');
  });
});

describe('implicit string concatenation', () => {
  it("'a' 'b' is one string, before filters and operators apply", () => {
    expect(render("{{ 'a' 'b' }}|{{ 'a' \"b\" 'c' | upper }}|{{ 'x' 'y' ~ 1 }}|{{ ('p' 'q').upper() }}")).toBe('ab|ABC|xy1|PQ');
  });
});

describe('groupby', () => {
  const rows = [{ k: 'x', v: 1 }, { k: 'y', v: 2 }, { k: 'x', v: 3 }];

  it('returns (grouper, list) tuples sorted by the key, printed as Python prints them', () => {
    expect(render("{{ rows | groupby('k') }}", { rows })).toBe("[('x', [{'k': 'x', 'v': 1}, {'k': 'x', 'v': 3}]), ('y', [{'k': 'y', 'v': 2}])]");
  });

  it('unpacks in a loop and has .grouper and .list', () => {
    expect(render("{% for g, items in rows | groupby('k') %}{{ g }}={{ items | map(attribute='v') | join(',') }};{% endfor %}", { rows })).toBe('x=1,3;y=2;');
    expect(render("{% for g in rows | groupby('k') %}{{ g.grouper }}:{{ g.list | length }}:{{ g[0] }};{% endfor %}", { rows })).toBe('x:2:x;y:1:y;');
  });

  it('takes dotted attributes, a default, and ignores case unless asked', () => {
    const people = [{ p: { city: 'Oslo' } }, { p: { city: 'bergen' } }, { p: { city: 'oslo' } }, { p: {} }];
    expect(render("{% for g in people | groupby('p.city', default='?') %}{{ g.grouper }}{{ g.list | length }} {% endfor %}", { people })).toBe('?1 bergen1 Oslo2 ');
    expect(render("{% for g in people | groupby('p.city', default='?', case_sensitive=true) %}{{ g.grouper }}{{ g.list | length }} {% endfor %}", { people })).toBe('?1 Oslo1 bergen1 oslo1 ');
  });
});

describe('zip', () => {
  it('pairs items into tuples', () => {
    expect(render("{{ zip([1, 2], ['a', 'b']) | list }}|{% for n, c in zip([1, 2], ['a', 'b', 'c']) %}{{ n }}{{ c }}{% endfor %}", { zip: pythonBuiltins().zip })).toBe("[(1, 'a'), (2, 'b')]|1a2b");
  });
});

describe('numbers as Python has them', () => {
  it('true division always gives a float; floor division of ints an int', () => {
    expect(render('{{ 3 / 1 }}|{{ 10 / 4 }}|{{ 7 // 2 }}|{{ 7.0 // 2 }}|{{ -7 // 2 }}|{{ 6 / 3 * 2 }}|{{ -(4 / 2) }}|{{ 0 / 5 }}')).toBe('3.0|2.5|3|3.0|-4|4.0|-2.0|0.0');
  });

  it('float literals and arithmetic with a float stay floats', () => {
    expect(render('{{ 1.0 }}|{{ 2 * 1.5 }}|{{ 1.0 + 1 }}|{{ 3 - 1.0 }}|{{ 7 % 2.0 }}|{{ 2 ** -1 }}|{{ 2.0 ** 2 }}|{{ 0.1 + 0.2 }}|{{ 2 ** 3 }}')).toBe('1.0|3.0|2.0|2.0|1.0|0.5|4.0|0.30000000000000004|8');
  });

  it('floats print as floats everywhere Python prints them', () => {
    expect(render("{{ [4 / 2, 1] }}|{{ (4 / 2) ~ '' }}|{{ (4 / 2) | string }}|{{ '%s %d %.1f' % (4 / 2, 4 / 2, 4 / 2) }}|{{ '{} {:>5}'.format(4 / 2, 4 / 2) }}|{{ {'a': 4 / 2} | tojson }}")).toBe('[2.0, 1]|2.0|2.0|2.0 2 2.0|2.0   2.0|{"a": 2.0}');
  });

  it('floats compare, test and convert as Python does', () => {
    expect(render("{{ 3 / 1 == 3 }}|{{ (3 / 1) in [3] }}|{{ (2 / 2) is float }}|{{ (2 / 2) is integer }}|{{ (2 / 2) is number }}|{{ 'y' if 0 / 1 else 'n' }}|{{ (7 / 1) | int }}|{{ '3' | float }}|{{ 4 / 2 > 1 }}")).toBe('True|True|True|False|True|n|7|3.0|True');
  });

  it('round, abs and sum keep floats', () => {
    expect(render('{{ 2.5 | round }}|{{ 3.7 | round }}|{{ 3 | round }}|{{ 2.567 | round(1) }}|{{ 2.1 | round(method="ceil") }}|{{ (-4 / 2) | abs }}|{{ [1.5, 0.5] | sum }}|{{ [1, 2] | sum }}')).toBe('2.0|4.0|3|2.6|3.0|2.0|2.0|3');
  });

  it('exponent literals and underscores in numbers', () => {
    expect(render('{{ 1e20 }}|{{ 1e20 | int }}|{{ 2.5e-3 }}|{{ 1.5E3 }}|{{ 1e+2 }}|{{ 1_000 }}|{{ 1e16 }}|{{ 1e15 }}|{{ "1e20" | int }}')).toBe('1e+20|100000000000000000000|0.0025|1500.0|100.0|1000|1e+16|1000000000000000.0|100000000000000000000');
  });
});

describe('attributes of undefined values', () => {
  it('raise at run time, naming the undefined name', () => {
    expect(failure('{{ undefined_var.x }}')).toContain("'undefined_var' is undefined");
    expect(failure('{{ undefined_var.x.y }}')).toContain("'undefined_var' is undefined");
    expect(failure("{{ undefined_var['x'] }}")).toContain("'undefined_var' is undefined");
    expect(failure('{{ undefined_var.upper() }}')).toContain("'undefined_var' is undefined");
  });

  it('raise at run time for an attribute of a missing attribute, naming the object', () => {
    expect(failure("{{ ref('a').nosuch.x }}")).toContain("'Relation object' has no attribute 'nosuch'");
    expect(failure('{{ obj.nosuch.x }}')).toContain("'dict object' has no attribute 'nosuch'");
    expect(failure("{{ obj['d']['nosuch']['x'] }}")).toContain("'dict object' has no attribute 'nosuch'");
    expect(failure('{{ cols[7].x }}')).toContain("'list object' has no element 7");
    expect(failure('{{ nul.a.b }}')).toContain("'None' has no attribute 'a'");
  });

  it('still print empty and pass tests and filters, as Jinja2 Undefined does', () => {
    expect(render("[{{ undefined_var }}]|{{ obj.nosuch }}|{{ obj.nosuch | default('d') }}|{{ undefined_var is defined }}|{{ obj.nosuch is defined }}|{{ nul.x }}|{{ nothing().x }}|{% for x in undefined_var %}{% endfor %}")).toBe('[]||d|False|False|||');
  });

  it('are lenient at parse time (execute is false), as dbt renders with its capturing Undefined', () => {
    expect(render("[{{ undefined_var.x.y }}|{{ ref('a').nosuch.x }}|{{ obj.nosuch.x }}]", {}, false)).toBe('[||]');
  });

  it('a name set to a value that is None-like is not undefined', () => {
    expect(render('{% set r = nothing() %}[{{ r.x }}]')).toBe('[]');
    expect(render('{% macro m(a) %}{{ a.x }}{% endmacro %}[{{ m() }}]')).toBe('[]');
  });
});

describe('macro arguments', () => {
  const MACROS = '{% macro kw(a, b, c) %}{{ a }}{{ b }}{{ c }}{% endmacro %}{% macro dflt(a, b=1) %}{{ a }}{{ b }}{% endmacro %}{% macro spread(a) %}{{ a }}{{ varargs }}{{ kwargs }}{% endmacro %}';

  it('raise when one argument gets two values, naming the macro', () => {
    expect(failure(MACROS + "{{ kw(*[7, 8, 9], **{'b': 5}) }}")).toContain("macro 'kw' got multiple values for argument 'b'");
    expect(failure(MACROS + '{{ kw(1, 2, 3, a=4) }}')).toContain("macro 'kw' got multiple values for argument 'a'");
    expect(failure(MACROS + '{{ dflt(1, 2, b=3) }}')).toContain("macro 'dflt' got multiple values for argument 'b'");
  });

  it("give a macro using Jinja2's implicit kwargs the keyword one there, as Jinja2 does", () => {
    expect(render(MACROS + '{{ spread(1, 2, a=3) }}')).toBe("1(2,){'a': 3}");
  });

  it('still bind positional, keyword and extra arguments', () => {
    expect(render(MACROS + "{{ kw(1, c=3, b=2) }}|{{ dflt(1) }}|{{ dflt(1, 2) }}|{{ dflt(b=2, a=1) }}|{{ spread(1, 2, z=3) }}|{{ kw(*[7, 8], **{'c': 5}) }}")).toBe("123|11|12|12|1(2,){'z': 3}|785");
  });
});
