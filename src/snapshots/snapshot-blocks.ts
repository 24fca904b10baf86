// Finds the `{% snapshot name %} ... {% endsnapshot %}` blocks of a snapshot file. The body is kept
// at its original line (padded with newlines) so template errors point into the user's file.
import { TsdbtError } from '../errors/tsdbt-error.js';

export interface SnapshotBlock {
  name: string;
  /** the SELECT inside the block, as written */
  body: string;
  /** the body preceded by as many newlines as lines precede it in the file */
  padded: string;
  /** 1-based line of the `{% snapshot %}` tag */
  line: number;
}

const OPEN = /\{%-?\s*snapshot\s+([^\s%]*)\s*-?%\}/g;
const CLOSE = /\{%-?\s*endsnapshot\s*-?%\}/g;

function lineAt(text: string, index: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function findSnapshotBlocks(text: string, file: string): SnapshotBlock[] {
  const out: SnapshotBlock[] = [];
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(text); m; m = OPEN.exec(text)) {
    const line = lineAt(text, m.index);
    const name = m[1];
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new TsdbtError('P001', name ? `snapshot name '${name}' is not a valid identifier` : 'the snapshot block has no name', {
        location: { file, line },
        hint: 'write it as {% snapshot orders_snapshot %} ... {% endsnapshot %}',
      });
    }
    const start = m.index + m[0].length;
    CLOSE.lastIndex = start;
    const end = CLOSE.exec(text);
    const nextOpen = text.slice(start).search(/\{%-?\s*snapshot\s/);
    if (!end || (nextOpen !== -1 && start + nextOpen < end.index)) {
      throw new TsdbtError('P001', `snapshot '${name}' is never closed`, { location: { file, line }, hint: 'end the block with {% endsnapshot %}' });
    }
    const body = text.slice(start, end.index);
    out.push({ name, body, padded: '\n'.repeat(lineAt(text, start) - 1) + body, line });
    OPEN.lastIndex = end.index + end[0].length;
  }
  return out;
}
