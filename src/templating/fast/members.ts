// Attribute access, `in` and iteration exactly as nunjucks' runtime does them in jinja-compat mode
// (installJinjaCompat adds Python-style list/dict methods such as `d.items()` and `l.append(x)`).
import nunjucks from 'nunjucks';

type Obj = Record<string | number, unknown>;
const runtime = nunjucks.runtime as unknown as { memberLookup(obj: unknown, key: unknown): unknown };
type Method = (this: never, ...args: never[]) => unknown;

const toStr = Object.prototype.toString;
const hasOwn = (o: object, k: unknown): boolean => Object.prototype.hasOwnProperty.call(o, k as PropertyKey);
export const isArray = (o: unknown): o is unknown[] => toStr.call(o) === '[object Array]';
const isString = (o: unknown): boolean => toStr.call(o) === '[object String]';
const isObject = (o: unknown): boolean => toStr.call(o) === '[object Object]';

/** nunjucks lib.keys: own enumerable keys, found with for-in */
export function keys(obj: unknown): string[] {
  const out: string[] = [];
  for (const k in obj as object) if (hasOwn(obj as object, k)) out.push(k);
  return out;
}

const ARRAY_MEMBERS: Record<string, Method> = {
  pop(this: unknown[], index?: number) {
    if (index === undefined) return this.pop();
    if (index >= this.length || index < 0) throw new Error('KeyError');
    return this.splice(index, 1);
  },
  append(this: unknown[], element: unknown) {
    return this.push(element);
  },
  remove(this: unknown[], element: unknown) {
    for (let i = 0; i < this.length; i++) if (this[i] === element) return this.splice(i, 1);
    throw new Error('ValueError');
  },
  count(this: unknown[], element: unknown) {
    let n = 0;
    for (let i = 0; i < this.length; i++) if (this[i] === element) n++;
    return n;
  },
  index(this: unknown[], element: unknown) {
    const i = this.indexOf(element);
    if (i === -1) throw new Error('ValueError');
    return i;
  },
  find(this: unknown[], element: unknown) {
    return this.indexOf(element);
  },
  insert(this: unknown[], index: number, elem: unknown) {
    return this.splice(index, 0, elem);
  },
};

const OBJECT_MEMBERS: Record<string, Method> = {
  items(this: Obj) {
    return keys(this).map((k) => [k, this[k]]);
  },
  values(this: Obj) {
    return keys(this).map((k) => this[k]);
  },
  keys(this: Obj) {
    return keys(this);
  },
  get(this: Obj, key: string, def: unknown) {
    let output = this[key];
    if (output === undefined) output = def;
    return output;
  },
  has_key(this: Obj, key: string) {
    return hasOwn(this, key);
  },
  pop(this: Obj, key: string, def: unknown) {
    let output = this[key];
    if (output === undefined && def !== undefined) output = def;
    else if (output === undefined) throw new Error('KeyError');
    else delete this[key];
    return output;
  },
  popitem(this: Obj) {
    const ks = keys(this);
    if (!ks.length) throw new Error('KeyError');
    const k = ks[0]!;
    const val = this[k];
    delete this[k];
    return [k, val];
  },
  setdefault(this: Obj, key: string, def: unknown = null) {
    if (!(key in this)) this[key] = def;
    return this[key];
  },
  update(this: Obj, kwargs: Obj) {
    for (const k of keys(kwargs)) this[k] = kwargs[k];
    return null;
  },
};
OBJECT_MEMBERS.iteritems = OBJECT_MEMBERS.items!;
OBJECT_MEMBERS.itervalues = OBJECT_MEMBERS.values!;
OBJECT_MEMBERS.iterkeys = OBJECT_MEMBERS.keys!;

/** runtime.memberLookup as patched by installJinjaCompat */
export function memberLookup(target: unknown, key: unknown): unknown {
  // compat checks the Python-style methods on `target || {}` (so `none.get('x')` works) ...
  const obj = target || {};
  if (isArray(obj) && hasOwn(ARRAY_MEMBERS, key)) return ARRAY_MEMBERS[key as string]!.bind(obj as never);
  if (isObject(obj) && hasOwn(OBJECT_MEMBERS, key)) return OBJECT_MEMBERS[key as string]!.bind(obj as never);
  // ... but then hands the original value on (strict-mode `arguments`), so `''.length` is 0
  if (target === undefined || target === null) return undefined;
  const v = (target as Obj)[key as string];
  // nunjucks' own wrapper binding the method to its object (so even printing it gives the same text)
  return typeof v === 'function' ? runtime.memberLookup(target, key) : v;
}

/** lib.inOperator */
export function inOperator(key: unknown, val: unknown): boolean {
  if (isArray(val) || isString(val)) return (val as unknown[]).indexOf(key) !== -1;
  if (isObject(val)) return (key as string) in (val as object);
  throw new Error('Cannot use "in" operator to search for "' + String(key) + '" in unexpected types.');
}

/** runtime.fromIterator: Maps, Sets and other iterables become arrays; everything else as is */
export function fromIterator(arr: unknown): unknown {
  if (typeof arr !== 'object' || arr === null || isArray(arr)) return arr;
  return Symbol.iterator in arr ? Array.from(arr as Iterable<unknown>) : arr;
}
