// Jinja `is` tests dbt's Jinja has and nunjucks lacks or defines differently (`is none`, `is mapping`,
// `is in` ...), and the lookup `select`/`selectattr` filters use to apply a test by name.
import type nunjucks from 'nunjucks';
import { PyFloat, isFloat, isPlainObject, isSafeString, pyEq, inOperator } from './python-values.js';

type Test = (v: unknown, ...args: unknown[]) => boolean;

const isStr = (v: unknown) => typeof v === 'string' || isSafeString(v);

export const JINJA_TESTS: Record<string, Test> = {
  none: (v) => v === null || v === undefined,
  string: isStr,
  number: (v) => typeof v === 'number' || v instanceof PyFloat,
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  float: isFloat,
  boolean: (v) => typeof v === 'boolean',
  true: (v) => v === true,
  false: (v) => v === false,
  mapping: (v) => isPlainObject(v) || v instanceof Map || (v as { __mapping?: boolean } | null)?.__mapping === true,
  sequence: (v) => Array.isArray(v) || isStr(v),
  iterable: (v) => Array.isArray(v) || isStr(v) || (typeof v === 'object' && v !== null),
  in: (v, seq) => inOperator(v, seq),
  eq: (a, b) => pyEq(a, b),
  equalto: (a, b) => pyEq(a, b),
  '==': (a, b) => pyEq(a, b),
  ne: (a, b) => !pyEq(a, b),
  '!=': (a, b) => !pyEq(a, b),
  '<': (a, b) => (a as number) < (b as number),
  '>': (a, b) => (a as number) > (b as number),
  '<=': (a, b) => (a as number) <= (b as number),
  '>=': (a, b) => (a as number) >= (b as number),
};

export function installJinjaTests(env: nunjucks.Environment): void {
  for (const [name, fn] of Object.entries(JINJA_TESTS)) (env as unknown as { addTest(n: string, f: Test): void }).addTest(name, fn);
}

/** The test named `name` (a tsdbt or nunjucks one), for select/reject; throws a Jinja-like error. */
export function testByName(env: nunjucks.Environment, name: string): Test {
  const t = (env as unknown as { tests: Record<string, Test> }).tests[name];
  if (!t) throw new Error(`No test named '${name}'`);
  return t;
}
