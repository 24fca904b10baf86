// Templates outside the fast subset must be declined (null) so the caller renders them with nunjucks;
// malformed templates are declined too, leaving nunjucks to report the syntax error.
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { compileFast } from '../../../src/templating/fast/index.js';
import { env } from './harness.js';

const UNSUPPORTED = [
  '{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1) }}',
  '{% call m() %}x{% endcall %}',
  '{% do cols.append(1) %}',
  '{% filter upper %}x{% endfilter %}',
  '{{ s | no_such_filter }}',
  '{{ s | upper.lower }}',
  '{{ s | replace("a", "b")[0] }}',
  '{{ s | replace("a", "b")("c") }}',
  '{% raw %}{{ x }}{% endraw %}',
  '{% verbatim %}x{% endverbatim %}',
  '{% include "other.sql" %}',
  '{% extends "base.sql" %}',
  '{% block b %}x{% endblock %}',
  '{% import "m.sql" as m %}',
  '{% from "m.sql" import x %}',
  '{% switch x %}{% case 1 %}a{% endswitch %}',
  '{% set x %}captured{% endset %}',
  '{% set a, b = 1 %}',
  '{% set obj.a = 1 %}',
  '{% for a, b, c in nested %}{% endfor %}',
  '{% for loop in cols %}{% endfor %}',
  '{% asyncEach x in cols %}{% endeach %}',
  '{% ifAsync t %}{% endif %}',
  '{{ cols[1:2] }}',
  '{{ cols[:2] }}',
  '{{ cols[::2] }}',
  '{{ x is None }}',
  '{{ x is defined is defined }}',
  '{{ x is none == y }}',
  '{{ r/ab+c/ }}',
  '{{ café }}',
  '{{ $x }}',
  '{{ {1: 2} }}',
  '{{ echo("k"=1) }}',
  '{{ s | no_such_filter(1) }}',
  '{{ s | tojson.x }}',
  '{{ x is no_such_test }}',
  '{{ x is divisibleby(3, 4) }}',
  '{{ x is divisibleby(d=3) }}',
  '{{ x is "string" }}',
  '{{ x is 5 }}',
  '{{ x is string(1)(2) }}',
  '{{ x is mapping.y }}',
  // nunjucks emits comparison chains as JavaScript chains
  '{{ 1 < 2 < 3 }}',
  '{{ a == b == c }}',
  // tsdbt's own syntax the fast path leaves to nunjucks
  '{% set ns = namespace(n=0) %}{% set ns.n = 1 %}',
  '{% set a, b = 1, 2 %}',
  '{% set t = 1, 2 %}',
  '{{ f(*args) }}',
  '{{ f(**kwargs) }}',
  '{% for x in cols %}{% break %}{% endfor %}',
  '{{ s[1:] }}',
  // nunjucks would emit `--1`, a JavaScript syntax error
  '{{ - -1 }}',
];

const MALFORMED = [
  '{{ x ',
  '{{ }}',
  '{{ 1 + }}',
  '{% if t %}no end',
  '{% if t %}{% endfor %}',
  '{% for x in cols %}no end',
  '{% for x cols %}{% endfor %}',
  '{% endif %}',
  '{% else %}',
  '{% unknowntag %}',
  '{# unclosed comment',
  'text #} more text',
  '{{ "unterminated }}',
  '{{ [1, 2 }}',
  '{{ echo(1,,) }}', // a single trailing comma is Jinja2 (call-trailing-comma.test.ts); two are not
  '{{ s | }}',
  '{% set = 1 %}',
  '{{ 1 if zero else 2 if t else 3 }}',
  "{{ {'a': {'b': 1}} }}",
  '{% if t }}x{% endif %}',
  '{{ x %}',
  '{% endfor extra %}',
];

describe('compileFast declines what it does not support', () => {
  it.each(UNSUPPORTED.map((s) => [s]))('%j', (src) => {
    expect(compileFast(src, 'x.sql', env)).toBeNull();
  });

  it('uses the filters of the environment it is given, as they are when rendering', () => {
    const lookup = (n: string) => (n === 's' ? 'hi' : undefined);
    expect(compileFast('{{ s | shout_later }}', 'x.sql', env)).toBeNull(); // unknown yet: nunjucks reports it
    env.addFilter('shout_later', (v: unknown) => String(v) + '!');
    const tpl = compileFast('{{ s | shout_later }}', 'x.sql', env)!;
    expect(tpl.render(lookup)).toBe('hi!');
    env.addFilter('shout_later', (v: unknown) => String(v) + '?');
    expect(tpl.render(lookup)).toBe('hi?');
  });
});

describe('compileFast declines malformed templates and nunjucks reports them', () => {
  it.each(MALFORMED.map((s) => [s]))('%j', (src) => {
    expect(compileFast(src, 'x.sql')).toBeNull();
    expect(() => new nunjucks.Template(src, env, 'x.sql', true).render({ t: true, zero: 0, cols: [] })).toThrow();
  });
});
