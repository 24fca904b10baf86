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
  '{{ s | title }}',
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
  '{{ x is string }}',
  '{{ x is divisibleby(3) }}',
  '{{ x is None }}',
  '{{ x is true }}',
  '{{ x is defined is defined }}',
  '{{ x is none == y }}',
  '{{ r/ab+c/ }}',
  '{{ café }}',
  '{{ $x }}',
  '{{ 1e5 }}',
  '{{ (1, 2) }}',
  '{{ {1: 2} }}',
  '{{ echo("k"=1) }}',
  '{{ "a" "==" "a" }}',
  // nunjucks compiles these into JS whose precedence differs from the parse tree
  '{{ not 1 == 2 }}',
  '{{ not num + 1 }}',
  '{{ 1 ~ 2 + 3 }}',
  '{{ 1 + 2 - 3 }}',
  '{{ 2 * 3 / 4 }}',
  '{{ 7 / 2 % 2 }}',
  '{{ 1 < 2 < 3 }}',
  '{{ - -1 }}',
  '{{ "a\\\\b"() }}',
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
  '{{ echo(1,) }}',
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
    expect(compileFast(src, 'x.sql')).toBeNull();
  });
});

describe('compileFast declines malformed templates and nunjucks reports them', () => {
  it.each(MALFORMED.map((s) => [s]))('%j', (src) => {
    expect(compileFast(src, 'x.sql')).toBeNull();
    expect(() => new nunjucks.Template(src, env, 'x.sql', true).render({ t: true, zero: 0, cols: [] })).toThrow();
  });
});
