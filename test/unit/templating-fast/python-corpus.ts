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
  // list and dict methods return None (printed as None: dbt code calls them with {% do %}) and change the value in place
  ['{% set l = [3, 1] %}{{ l.append(2) }}{{ l.extend([5]) }}{{ l.sort() }}{{ l | join(",") }} {{ l.pop() }} {{ l.index(2) }} {{ l.count(9) }}', 'NoneNoneNone1,2,3,5 5 1 0'],
  ['{% set d = {"a": 1} %}{{ d.update({"b": 2}) }}{{ d.update(c=3) }}{{ d | length }} {{ d.get("zz", "dflt") }} {{ d.get("b") }} {{ d.copy() | length }}', 'NoneNone3 dflt 2 3'],
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
  // operators nunjucks alone would group differently: Jinja2's levels are `+ -` < `~` < `* / // %`
  ['{{ "y" if not 1 == 2 else "n" }} {{ (1 ~ 2) | int + 3 }} {{ 1 + 2 - 3 }} {{ 2 * 3 / 4 }} {{ "y" if not num + 1 else "n" }}', 'y 15 0 1.5 n'],
  ['{{ 7 / 2 % 2 }} {{ 2 * 8 % 3 }} {{ 20 // 3 % 4 }} {{ 10 - 2 + 3 }} {{ "a" ~ 2 * 3 ~ "b" }} {{ -7 // 2 }} {{ 2 ** 3 ** 2 }}', '1.5 1 2 11 a6b -4 64'],
  // `{{ x }}` prints as Python's str(): None, True, lists, dicts, tuples; undefined prints nothing
  ['{{ none }}|{{ true }}|{{ false }}|{{ [1, "a", none] }}|{{ {"a": 1, "b": [true]} }}|{{ (1, 2) }}|{{ () }}|{{ x }}|{{ nul }}|{{ 0.5 }}|{{ -2.5 }}|{{ num }}', "None|True|False|[1, 'a', None]|{'a': 1, 'b': [True]}|(1, 2)|()||None|0.5|-2.5|42"],
  ['{{ ["it\'s", \'say "hi"\', "tab\\there"] }}|{{ safe }}|{{ this }}|{{ 1 / 100000 }}|{{ 0.1 + 0.2 }}|{{ cols | string }}', `["it's", 'say "hi"', 'tab\\there']|<b>safe</b>|"db"."main"."my_model"|1e-05|0.30000000000000004|['id', 'name', 'amount']`],
  ['{{ obj.items() | list | first }}|{% for k, v in obj.items() %}{{ "%s=%s" % (k, v) }};{% endfor %}|{% for k in obj %}{{ k }}{% endfor %}', "('a', 1)|a=1;b=two;c=[1, 2];d={'e': 'deep'};|abcd"],
  // `for ... if` filters items before loop.index / loop.length are counted
  ['{% for x in nums if x > 1 %}{{ loop.index }}{{ x }}{{ loop.length }}{{ loop.last }};{% endfor %}|{% for k in obj if k != "b" %}{{ k }}{% endfor %}|{% for a, b in pairs if b > 1 %}{{ a }}{% endfor %}|{% for x in nums if x > 9 %}{% else %}E{% endfor %}', '132False;222True;|acd|b|E'],
  // filters take Jinja2's keyword arguments
  ['{{ "x" | int(default=5) }} {{ "ff" | int(base=16) }} {{ cols | join(d="+") }} {{ 2.567 | round(precision=1) }} {{ nul | default("d", boolean=true) }} {{ "abc" | truncate(length=5) }} {{ nums | sort(reverse=true) | join(",") }} {{ nums | sum(start=10) }}', '5 255 id+name+amount 2.6 d abc 3,2,1 16'],
  ['{{ "abc def ghi jkl" | truncate(9) }}|{{ "abcdefghij" | truncate(length=4, killwords=true, end="~", leeway=0) }}|{{ "abcdefg" | truncate(5) }}|{{ obj | dictsort(reverse=true) | first }}|{{ {"b": 1, "A": 2} | dictsort | map("first") | join }}|{{ {"b": 1, "a": 2} | dictsort(by="value") | first }}', "abc...|abc~|abcdefg|('d', {'e': 'deep'})|Ab|('b', 1)"],
  // str methods on SafeString (macro output)
  ['{{ safe.upper() }}|{{ safe.replace("b", "i") }}|{{ safe.split(">")[1] }}|{{ safe.startswith("<b") }}|{{ safe.strip("<>") }}', '<B>SAFE</B>|<i>safe</i>|safe</b|True|b>safe</b'],
  // `set` in a loop body stays in that iteration (namespace() carries values out: unit tests); loop.changed
  ['{% set y = "out" %}{% for x in cols %}{% set y = x %}{% if loop.first %}{% set z = 1 %}{% endif %}[{{ y }}{{ z }}]{% endfor %}{{ y }}', '[id1][name][amount]out'],
  ['{% for x in [1, 1, 2, 1] %}{% if loop.changed(x) %}{{ x }}{% endif %}{% endfor %}|{% for a, b in [["a", 1], ["a", 2], ["b", 3]] %}{{ loop.changed(a) }}{% endfor %}', '121|TrueFalseTrue'],
  // CPython's str methods and % formatting
  ['{{ "ab".center(5, "*") }}|{{ "abc".center(6, "-") }}|{{ "+7".zfill(4) }}|{{ "  x y  ".split(none, 1) }}|{{ "a b c".rsplit(none, 1) }}|{{ "a,b".partition(",") }}|{{ "hello world 3rd".title() }}|{{ "abcb".find("b", 2) }}', "**ab*|-abc--|+007|['x', 'y  ']|['a b', 'c']|('a', ',', 'b')|Hello World 3Rd|3"],
  ['{{ "%s=%s" | format("a", 1) }}|{{ "%(k)s" | format(k=2) }}|{{ "%5.1f|%-4d|%+d|%x" % (2.25, 7, 3, 255) }}|{{ "%s" % [1, 2] }}|{{ "%r" % "q" }}|{{ "%.3g" % 1234.5 }}|{{ "{!r}/{:e}/{: d}".format("q", 12345.678, 5) }}', "a=1|2|  2.2|7   |+3|ff|[1, 2]|'q'|1.23e+03|'q'/1.234568e+04/ 5"],
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
