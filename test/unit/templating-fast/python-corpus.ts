// Templates whose result depends on dbt's Python semantics (where plain nunjucks differs), with the
// text dbt's Jinja renders: both tsdbt paths must produce it, and the fast path must accept them all.
// Values come from harness.ts makeContext(): cols = ['id', 'name', 'amount'], s = 'Hello World' ...

export const PYTHON_CASES: [template: string, expected: string][] = [
  // empty lists and dicts are false
  ['{% if empty %}E{% else %}e{% endif %}{% if emptyobj %}O{% else %}o{% endif %}{% if cols %}C{% endif %}', 'eoC'],
  ['{{ "x" if empty else "y" }}{{ empty or "dflt" }}{{ (emptyobj or cols) | length }}', 'ydflt3'],
  ['{% if not empty and cols %}ok{% endif %}{% if empty or emptyobj %}bad{% endif %}{{ "" if emptyobj else "z" }}', 'okz'],
  ['{% for x in cols if empty %}{{ x }}{% else %}skipped{% endfor %}', 'skipped'],
  // str.replace replaces every occurrence (count optional), like the replace filter
  ['{{ "a.b.c".replace(".", "_") }} {{ s.replace("o", "0", 1) }} {{ "a.b.c" | replace(".", "_") }}', 'a_b_c Hell0 World a_b_c'],
  // `~` renders None as None and undefined as nothing; booleans and lists as Python prints them
  ['[{{ "a" ~ undefined_x }}] [{{ "a" ~ nul }}] [{{ "a" ~ none }}] [{{ "x" ~ true ~ f }}] [{{ "" ~ [1, "b"] }}]', '[a] [aNone] [aNone] [xTrueFalse] [[1, \'b\']]'],
  ['{{ "" ~ {"k": none} }}|{{ x ~ x }}|', "{'k': None}||"],
  // Python str methods
  ['{{ s.upper() }} {{ s.lower() }} {{ "  x ".strip() }}|{{ "xxaxx".lstrip("x") }}|{{ s.title() }}', 'HELLO WORLD hello world x|axx|Hello World'],
  ['{{ "a,b,,c".split(",") | length }} {{ "a b  c".split() | join("|") }} {{ "{}-{k}".format(1, k="v") }}', '4 a|b|c 1-v'],
  ['{% if s.startswith("He") and s.endswith("ld") %}yes{% endif %} {{ s.find("o") }} {{ s.count("o") }} {{ "7".zfill(3) }}', 'yes 4 2 007'],
  ['{{ "-".join(cols) }} {{ "ab".center(6, "*") }} {{ "abc".removeprefix("a") }}', 'id-name-amount **ab** bc'],
  // list and dict methods return None (rendered empty) and change the value in place
  ['{% set l = [3, 1] %}{{ l.append(2) }}{{ l.extend([5]) }}{{ l.sort() }}{{ l | join(",") }} {{ l.pop() }} {{ l.index(2) }} {{ l.count(9) }}', '1,2,3,5 5 1 0'],
  ['{% set d = {"a": 1} %}{{ d.update({"b": 2}) }}{{ d.update(c=3) }}{{ d | length }} {{ d.get("zz", "dflt") }} {{ d.get("b") }} {{ d.copy() | length }}', '3 dflt 2 3'],
  // == compares lists and dicts by value
  ['{{ "y" if [1, 2] == [1, 2] else "n" }}{{ "y" if cols == ["id", "name", "amount"] else "n" }}{{ "y" if {"a": 1} == {"a": 1} else "n" }}{{ "y" if [] != [] else "n" }}', 'yyyn'],
  ['{% if nul == none %}a{% endif %}{% if cols != [] %}b{% endif %}{% if [1, [2]] == [1, [2]] %}c{% endif %}', 'abc'],
  // + concatenates lists
  ['{{ ([1] + [2, 3]) | join(",") }} {{ (cols + ["x"]) | length }} {{ 1 + 2 }} {{ "a" + "b" }}', '1,2,3 4 3 ab'],
  // * repeats strings and lists
  ['{{ "ab" * 3 }}|{{ "-" * 0 }}|{{ ([0] * 3) | join }}|{{ 2 * 3 }}', 'ababab||000|6'],
  // % formats strings; on numbers it takes the sign of the divisor
  ['{{ "%s-%d" % ("a", 5) }} {{ "%05.1f" % 3.14159 }} {{ "%(k)s" % {"k": "v"} }} {{ "100%%" % () }} {{ -7 % 3 }} {{ 7 % -3 }}', 'a-5 003.1 v 100% 2 -2'],
  // tuples
  ['{{ "y" if "a" in ("a", "b") else "n" }}{{ "y" if "z" in ("a", "b") else "n" }} {{ () | length }} {{ ("x", "y") | join }}', 'yn 0 xy'],
  ['{% for a, b in (("x", 1), ("y", 2)) %}{{ a }}{{ b }}{% endfor %} {{ ("p", "q")[-1] }}', 'x1y2 q'],
  // negative indexes
  ['{{ cols[-1] }} {{ s[-1] }} {{ nested[-1][-2] }}', 'amount d 3'],
  // `in` with Python meaning
  ['{{ "y" if 2 in nums else "n" }}{{ "y" if [1, 2] in nested else "n" }}{{ "y" if "ell" in s else "n" }}{{ "y" if "a" in obj else "n" }}', 'yyyy'],
  // tests and filters are the environment's (dbt's Jinja tests, tsdbt's filters)
  ['{{ "y" if obj is mapping else "n" }}{{ "y" if s is string else "n" }}{{ "y" if 6 is divisibleby(3) else "n" }}{{ "y" if nul is none else "n" }}{{ "y" if num is not string else "n" }}', 'yyyyy'],
  ['{{ "y" if 2 is in(nums) else "n" }}{{ "y" if t is true else "n" }}{{ "y" if f is false else "n" }}{{ "y" if cols is sequence else "n" }}', 'yyyy'],
  ['{{ {"a": [1, none]} | tojson }} {{ cols | map("upper") | join(",") }} {{ nums | select("gt", 1) | list | length }} {{ nums | max }}', '{"a": [1, null]} ID,NAME,AMOUNT 2 3'],
  ['{{ "%s=%s" | format("a", 1) }} {{ "x" | int(5) }} {{ "3" | int + 1 }} {{ "y" if "yes" | as_bool else "n" }} {{ s | title }}', 'a=1 5 4 y Hello World'],
  // loop extras
  ['{% for c in cols %}{{ loop.cycle("odd", "even") }}:{{ loop.previtem }}>{{ loop.nextitem }}/{{ loop.depth }}{{ loop.depth0 }};{% endfor %}', 'odd:>name/10;even:id>amount/10;odd:name>/10;'],
  // operators nunjucks alone would group differently
  ['{{ "y" if not 1 == 2 else "n" }} {{ 1 ~ 2 + 3 }} {{ 1 + 2 - 3 }} {{ 2 * 3 / 4 }} {{ "y" if not num + 1 else "n" }}', 'y 15 0 1.5 n'],
  // a typical dbt macro body, run through the fast path
  [
    `{%- set cols_to_check = ['id', 'name'] + ['amount'] -%}
{%- set excluded = [] -%}
{%- for c in cols_to_check -%}
  {%- if c not in excluded %}{{ "%s as %s" % (c.upper(), c) }}{% endif %}{% if not loop.last %}, {% endif %}
{%- endfor %}`,
    'ID as id, NAME as name, AMOUNT as amount',
  ],
];

/** Templates the old semantics gate let through to the fast path, and ones it sent to nunjucks. */
export const GATE_CASES: string[] = [
  "select * from {{ ref('orders') }}",
  "{{ config(materialized='table', tags=['a']) }}select 1",
  '{% for c in cols %}{{ c }}{% if not loop.last %},{% endif %}{% endfor %}',
  '{% if is_incremental() %}where x > (select max(x) from {{ this }}){% endif %}',
  "{% if target.name == 'prod' and execute %}1{% endif %}",
  "{% set cols = ['id', 'v'] %}{% for c in cols %}{% if c != 'id' %}{{ c }}{% endif %}{% endfor %}",
  "{{ var('start', '2020-01-01') }} -- 50% of {{ 'a+b' }}",
  '{% if cols %}x{% endif %}',
  '{{ s.upper() }}',
  "{{ 'a' ~ b }}",
  '{{ num + num }}',
  '{{ cols[-1] }}',
  "{% if x in ('a', 'b') %}in{% endif %}",
  '{{ kwargs }}{{ varargs }}',
  "{% for c in cols %}{{ loop.cycle('a', 'b') }}{% endfor %}",
  '{{ s if t else num }}',
  '{% set z = x or [] %}{{ z | length }}',
  '{% if cols == [] %}{% endif %}',
  '{% set l = [1, 2] %}{{ l.pop() }}{{ l }}',
];
