// The debug log: every line (debug level included, secrets masked) appended to logs/tsdbt.log of the
// project, rotated at 10 MB, for post-mortems.
import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { console as out } from './console.js';

const MAX_BYTES = 10 * 1024 * 1024;

export function startFileLog(argv: string[]): () => void {
  const i = argv.indexOf('--project-dir');
  const root = resolve(i >= 0 ? argv[i + 1] : process.cwd());
  if (!existsSync(join(root, 'project.yml')) && !existsSync(join(root, 'dbt_project.yml'))) return () => undefined;
  const dir = join(root, 'logs');
  const file = join(dir, 'tsdbt.log');
  const buffer: string[] = [];
  const flush = () => {
    if (!buffer.length) return;
    try {
      mkdirSync(dir, { recursive: true });
      if (existsSync(file) && statSync(file).size > MAX_BYTES) renameSync(file, `${file}.1`);
      appendFileSync(file, buffer.join(''));
    } catch {
      // a read-only project folder must not fail the command: the log is best-effort
    }
    buffer.length = 0;
  };
  const remove = out.addFileSink((level, text) => {
    buffer.push(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${text.replace(/\x1b\[[0-9;]*m/g, '')}\n`);
    if (buffer.length > 200) flush();
  });
  return () => {
    flush();
    remove();
  };
}
