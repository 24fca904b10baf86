// Writing a large JSON artifact (manifest.json is ~40 MB at 10,000 models) without building it as one
// string: the entries of its big objects are serialized one by one and written in ~1 MB pieces. The
// bytes are exactly JSON.stringify's; one 40 MB string cost as much garbage collection as serializing it.
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';

const PIECE = 1 << 20;
/** objects with more entries than this are written entry by entry */
const SPLIT = 256;

/** Write `value` to `path` as JSON, atomically (a reader never sees half a file); `mask` is applied to every piece. */
export function writeJsonFile(path: string, value: unknown, mask: (text: string) => string = (t) => t): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    let buf = '';
    const put = (s: string) => {
      buf += s;
      if (buf.length >= PIECE) {
        writeSync(fd, mask(buf));
        buf = '';
      }
    };
    // a secret is always inside one JSON string, and every piece put() gets holds whole strings
    const emit = (v: unknown, depth: number): void => {
      if (depth < 2 && isPlainObject(v) && Object.keys(v).length > (depth === 0 ? 0 : SPLIT)) {
        put('{');
        let first = true;
        for (const k in v) {
          const item = (v as Record<string, unknown>)[k];
          // what JSON.stringify leaves out of an object
          if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
          put(`${first ? '' : ','}${JSON.stringify(k)}:`);
          first = false;
          emit(item, depth + 1);
        }
        put('}');
      } else {
        put(JSON.stringify(v) ?? 'null');
      }
    };
    emit(value, 0);
    if (buf) writeSync(fd, mask(buf));
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}
