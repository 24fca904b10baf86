// Parses dbt's --select / --exclude syntax into a tree of set operations over single criteria:
// arguments and space-separated words are a union, commas an intersection, --exclude a difference.
import { TsdbtError } from '../errors/tsdbt-error.js';
import { didYouMean } from '../errors/suggest.js';

export const METHODS = [
  'fqn', 'tag', 'group', 'access', 'source', 'path', 'file', 'package', 'config', 'test_name',
  'test_type', 'resource_type', 'state', 'result', 'unit_test',
] as const;
export type MethodName = (typeof METHODS)[number];

export type IndirectSelection = 'eager' | 'cautious' | 'buildable' | 'empty';

/** One selector such as `2+tag:nightly+` or `@stg_orders`. */
export interface SelectionCriteria {
  kind: 'criteria';
  raw: string;
  method: MethodName;
  /** `config.materialized` -> ['materialized'] */
  methodArgs: string[];
  value: string;
  /** true when no `method:` was written (bare names, paths and file names) */
  implicitMethod: boolean;
  childrensParents: boolean;
  parents: boolean;
  parentsDepth?: number;
  children: boolean;
  childrenDepth?: number;
}

export interface SelectionSet {
  kind: 'union' | 'intersection' | 'difference';
  components: SelectionSpec[];
  raw: string;
  /** dbt warns when such a set (one space-separated word of --select/--exclude) selects nothing */
  expectExists: boolean;
}

export type SelectionSpec = SelectionCriteria | SelectionSet;

const PATTERN =
  /^(?<cp>@)?(?<parents>(?<pd>\d*)\+)?(?:(?<method>[\w.]+):)?(?<value>.*?)(?<children>\+(?<cd>\d*))?$/s;

function defaultMethod(value: string): MethodName {
  if (value.includes('/') || value.includes('\\')) return 'path';
  if (/\.(sql|py|csv)$/i.test(value)) return 'file';
  return 'fqn';
}

function depth(digits: string | undefined): number | undefined {
  return digits ? Number.parseInt(digits, 10) : undefined;
}

/** Parses one selector; throws G002 for an unknown method or `@` combined with a `+` prefix. */
export function parseCriteria(raw: string): SelectionCriteria {
  const m = PATTERN.exec(raw);
  const g = m?.groups ?? {};
  const value = g.value ?? '';
  const [name, ...methodArgs] = g.method ? g.method.split('.') : [defaultMethod(value)];
  if (!(METHODS as readonly string[]).includes(name ?? '')) {
    const near = didYouMean(name ?? '', METHODS);
    throw new TsdbtError('G002', `Invalid selector '${raw}': '${name}' is not a valid selection method`, {
      hint: `${near ? near + ' ' : ''}valid methods are: ${METHODS.join(', ')} (e.g. \`tag:nightly\`, \`config.materialized:table\`)`,
    });
  }
  if (g.cp && g.parents) {
    throw new TsdbtError('G002', `Invalid selector '${raw}': the '@' prefix and the '+' prefix cannot be combined`, {
      hint: `\`@x\` already selects every ancestor of x's descendants; write \`@${value}\` or \`+${value}\``,
    });
  }
  if (name === 'config' && methodArgs.length === 0) {
    throw new TsdbtError('G002', `Invalid selector '${raw}': the config method needs a key`, {
      hint: 'write it as `config.<key>:<value>`, e.g. `config.materialized:table`',
    });
  }
  return {
    kind: 'criteria',
    raw,
    method: name as MethodName,
    methodArgs,
    value,
    implicitMethod: !g.method,
    childrensParents: Boolean(g.cp),
    parents: Boolean(g.parents),
    parentsDepth: depth(g.pd),
    children: Boolean(g.children),
    childrenDepth: depth(g.cd),
  };
}

/** `['a b', 'c,d']` -> union(intersection(a), intersection(b), intersection(c, d)). */
export function parseUnion(args: readonly string[]): SelectionSet {
  const words = args.flatMap((a) => a.split(/\s+/)).filter((w) => w.length > 0);
  return {
    kind: 'union',
    raw: args.join(' '),
    expectExists: false,
    components: words.map((word) => ({
      kind: 'intersection',
      raw: word,
      expectExists: true,
      components: word.split(',').filter((p) => p.length > 0).map(parseCriteria),
    })),
  };
}

/** The whole command line: (union of --select, or everything) minus (union of --exclude). */
export function parseSelection(select: readonly string[] | undefined, exclude: readonly string[] | undefined): SelectionSet {
  const include: SelectionSet =
    select && select.some((s) => s.trim() !== '')
      ? parseUnion(select)
      : { kind: 'union', raw: 'fqn:*', expectExists: false, components: [parseCriteria('fqn:*')] };
  return { kind: 'difference', raw: '', expectExists: false, components: [include, parseUnion(exclude ?? [])] };
}
