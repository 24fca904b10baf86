// Generated differential cases: every combination of whitespace-control dashes over a few skeletons,
// and a set of expressions placed in each statement position (output, set, if, for, call argument).

/** `{%L` / `L%}` style markers: each `~` becomes '' or '-' */
const SKELETONS = [
  'a \n {%~ if t ~%} \n b \n {%~ else ~%} \n c \n {%~ endif ~%} \n d',
  'x\n\t{%~ for c in cols ~%}\n  {{~ c ~}}  \n{%~ endfor ~%}\n y',
  ' {{~ s ~}} {#~ note ~#} {{~ num ~}} ',
  '\n{%~ set v = 1 ~%}\n{%~ if v ~%}\n{{~ v ~}}\n{%~ endif ~%}\n',
  'p {%~ for k, v in obj ~%} {{~ k ~}} {%~ else ~%} e {%~ endfor ~%} q',
];

function expand(skeleton: string): string[] {
  const parts = skeleton.split('~');
  const n = parts.length - 1;
  const out: string[] = [];
  // sample every combination for small skeletons, a stride through them for large ones
  const total = 1 << n;
  const stride = total > 64 ? Math.floor(total / 64) + 1 : 1;
  for (let mask = 0; mask < total; mask += stride) {
    let s = parts[0]!;
    for (let i = 0; i < n; i++) s += ((mask >> i) & 1 ? '-' : '') + parts[i + 1]!;
    out.push(s);
  }
  out.push(skeleton.replaceAll('~', '-'));
  return out;
}

export const WHITESPACE_CASES: string[] = SKELETONS.flatMap(expand);

const EXPRESSIONS = [
  's', 'num + 1', 'num ~ "x"', 'cols', 'cols[1]', 'obj.d.e', 'obj["b"]', 'x', 'nul', 'zero', 't and f', 'f or "alt"',
  'not t', '1 in nums', '"q" not in cols', 'x is defined', 'nul is none', 'num > 40', 'num == "42"', 's | upper',
  'cols | join("|")', 'x | default("dflt")', 'cols | length', '"yes" if t else "no"', 'ref("m")', 'var("n") * 2',
  'echo(1, k="v")', '[1, "b", none]', '{"k": num}', '(num - 2) // 4', 'num % 5', '2 ** 5', '-num', 'safe',
  'this', 'target.name ~ "_" ~ target.schema', 'obj.items()', 'nested[0]', 'flt * 2', 'numstr | int + 1',
];

const POSITIONS = [
  (e: string) => `[{{ ${e} }}]`,
  (e: string) => `{% set v = ${e} %}[{{ v }}]`,
  (e: string) => `{% if ${e} %}T{% else %}F{% endif %}`,
  (e: string) => `{% for i in [1, 2] %}{{ loop.index }}:{{ ${e} }};{% endfor %}`,
  (e: string) => `{{ echo(${e}) }}`,
];

export const EXPRESSION_CASES: string[] = EXPRESSIONS.flatMap((e) => POSITIONS.map((p) => p(e)));
