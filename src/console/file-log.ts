// The debug log: every line (debug level included, secrets masked) appended to tsdbt.log in the
// project's log-path (logs/ unless set), rotated at 10 MB, for post-mortems.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { console as out } from './console.js';

const MAX_BYTES = 10 * 1024 * 1024;

const flag = (argv: string[], name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

/**
 * The log folder, as dbt finds it: `--log-path`, then TSDBT_LOG_PATH / DBT_LOG_PATH, then the project
 * file's top-level `log-path:`, else `logs`. The project file is scanned for that one plain key rather
 * than parsed: the log starts before the configuration is loaded, and must not fail on a broken file.
 */
function logFolder(argv: string[], root: string, projectFile: string): string {
  const given = flag(argv, '--log-path') ?? process.env.TSDBT_LOG_PATH ?? process.env.DBT_LOG_PATH;
  if (given) return resolve(root, given);
  let text = '';
  try {
    text = readFileSync(projectFile, 'utf8');
  } catch {
    // unreadable: the default folder
  }
  const m = /^log-path:[ \t]*(['"]?)([^'"#\r\n]+?)\1[ \t]*(?:#.*)?$/m.exec(text);
  return resolve(root, m && !m[2].includes('{{') ? m[2] : 'logs');
}

export function startFileLog(argv: string[]): () => void {
  const root = resolve(flag(argv, '--project-dir') ?? process.cwd());
  const projectFile = [join(root, 'project.yml'), join(root, 'dbt_project.yml')].find((f) => existsSync(f));
  if (!projectFile) return () => undefined;
  const dir = logFolder(argv, root, projectFile);
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
