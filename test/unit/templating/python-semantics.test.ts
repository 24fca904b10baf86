// Python value semantics tsdbt gives Jinja: str/list/dict methods, str.format and %-formatting,
// truthiness, equality, str() of values, and the datetime / re modules.
import { describe, expect, it } from 'vitest';
import { pythonMethod } from '../../../src/templating/python-methods.js';
import { formatString } from '../../../src/templating/python-format.js';
import { truthy, pyEq, pyStr, percentFormat, add, sub } from '../../../src/templating/python-values.js';
import { pyJson } from '../../../src/templating/python-json.js';
import { pythonModules } from '../../../src/templating/python-modules.js';
import { PyDateTime, PyTimedelta } from '../../../src/templating/python-datetime.js';

const call = (obj: unknown, name: string, ...args: unknown[]) => pythonMethod(obj, name)!(...args);

describe('Python methods', () => {
  it('str methods follow Python', () => {
    expect(call('  a b  ', 'strip')).toBe('a b');
    expect(call('xxaxx', 'strip', 'x')).toBe('a');
    expect(call(' a  b ', 'split')).toEqual(['a', 'b']);
    expect(call('a,b,c', 'split', ',', 1)).toEqual(['a', 'b,c']);
    expect(call('a,b,c', 'rsplit', ',', 1)).toEqual(['a,b', 'c']);
    expect(call('a-b-c', 'replace', '-', '_')).toBe('a_b_c');
    expect(call('a-b-c', 'replace', '-', '_', 1)).toBe('a_b-c');
    expect(call('abc', 'startswith', ['x', 'a'])).toBe(true);
    expect(call('hello world', 'title')).toBe('Hello World');
    expect(call('-', 'join', ['a', 1, null])).toBe('a-1-None');
    expect(call('7', 'zfill', 3)).toBe('007');
    expect([...(call('a=b=c', 'partition', '=') as string[])]).toEqual(['a', '=', 'b=c']);
    expect(pythonMethod('x', 'nope')).toBeUndefined();
  });

  it('list and dict methods mutate in place and return None', () => {
    const l = [3, 1];
    expect(call(l, 'append', 2)).toBeNull();
    expect(call(l, 'extend', [5])).toBeNull();
    expect(call(l, 'pop', 0)).toBe(3);
    expect(call(l, 'index', 2)).toBe(1);
    expect(l).toEqual([1, 2, 5]);
    const d: Record<string, unknown> = { a: 1 };
    expect(call(d, 'update', { b: 2 }, { c: 3, __keywords: true })).toBeNull();
    expect(d).toEqual({ a: 1, b: 2, c: 3 });
    expect(call(d, 'get', 'zz', 'dflt')).toBe('dflt');
    expect(call(d, 'copy')).not.toBe(d);
    // an object's own function wins over the dict method of the same name
    expect(pythonMethod({ get: () => 1 }, 'get')).toBeUndefined();
  });

  it('formats like str.format and %', () => {
    expect(formatString('{} {}', ['a', 'b'], {})).toBe('a b');
    expect(formatString('{1}{0}', ['a', 'b'], {})).toBe('ba');
    expect(formatString('{x.y}|{0[k]}', [{ k: 'v' }], { x: { y: 'attr' } })).toBe('attr|v');
    expect(formatString('{:>5}|{:<3}|{:^5}|{:.2f}|{:,}|{:05d}', ['a', 'b', 'c', 3.14159, 1234567, 42], {})).toBe('    a|b  |  c  |3.14|1,234,567|00042');
    expect(formatString('{{literal}}', [], {})).toBe('{literal}');
    expect(percentFormat('%s is %d%%', ['x', 5.9])).toBe('x is 5%');
    expect(percentFormat('%(a)s-%(b)s', { a: 1, b: 2 })).toBe('1-2');
    expect(percentFormat('%05.1f', 3.14159)).toBe('003.1');
  });
});

describe('Python values', () => {
  it('truthiness, equality and str()', () => {
    for (const v of [null, undefined, false, 0, '', [], {}]) expect(truthy(v), String(v)).toBe(false);
    for (const v of [1, 'x', [0], { a: 1 }, new Date()]) expect(truthy(v)).toBe(true);
    expect(pyEq([1, { a: [2] }], [1, { a: [2] }])).toBe(true);
    expect(pyEq({ a: 1 }, { a: 2 })).toBe(false);
    expect(pyEq(null, undefined)).toBe(true);
    expect(pyStr([1, 'a', null, true, { k: 'v' }])).toBe("[1, 'a', None, True, {'k': 'v'}]");
    expect(pyJson({ a: [1, 'x'], b: null })).toBe('{"a": [1, "x"], "b": null}');
    expect(add([1], [2])).toEqual([1, 2]);
  });

  it('datetime arithmetic, strftime and parsing', () => {
    const { datetime, re } = pythonModules() as { datetime: { datetime: { strptime(s: string, f: string): PyDateTime }; timedelta(...a: unknown[]): PyTimedelta }; re: Record<string, (...a: unknown[]) => unknown> };
    const d = datetime.datetime.strptime('2024-02-28 10:30:00', '%Y-%m-%d %H:%M:%S');
    const next = add(d, datetime.timedelta({ days: 2, __keywords: true })) as PyDateTime;
    expect(next.strftime('%Y-%m-%d %A %j')).toBe('2024-03-01 Friday 061');
    expect(String(sub(next, d))).toBe('2 days, 0:00:00');
    expect(next.isoformat()).toBe('2024-03-01T10:30:00');
    const m = re.search('(?P<y>\\d{4})-(\\d+)', 'on 2024-07') as { group(n?: unknown): unknown; groups(): unknown[] };
    expect(m.group('y')).toBe('2024');
    expect(m.groups()).toEqual(['2024', '07']);
    expect(re.sub('(a)(b)', '\\2\\1', 'abab')).toBe('baba');
    expect(re.findall('[0-9]+', 'a1b22')).toEqual(['1', '22']);
    expect(re.match('b', 'ab')).toBeNull();
  });
});
