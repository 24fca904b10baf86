// The debug log: every line (debug level included, secrets masked) appended to tsdbt.log in the
// project's log-path (logs/ unless set), rotated at 10 MB, for post-mortems.
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { console as out, type Level } from './console.js';

const MAX_BYTES = 10 * 1024 * 1024;
const ANSI = /\x1b\[[0-9;]*m/g;

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
  // lines are kept raw and formatted when written, on an idle turn of the event loop (during a run:
  // while DuckDB executes a statement), so logging every statement costs the statement path little
  const levels: Level[] = [];
  const texts: string[] = [];
  const times: number[] = [];
  let fd = -1;
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!texts.length) return;
    let chunk = '';
    for (let i = 0; i < texts.length; i++) chunk += `${new Date(times[i]).toISOString()} ${levels[i].toUpperCase().padEnd(5)} ${texts[i].replace(ANSI, '')}\n`;
    levels.length = texts.length = times.length = 0;
    try {
      if (fd < 0) {
        mkdirSync(dir, { recursive: true });
        fd = openSync(file, 'a');
        size = fstatSync(fd).size;
      }
      if (size > MAX_BYTES) {
        closeSync(fd);
        renameSync(file, `${file}.1`);
        fd = openSync(file, 'a');
        size = 0;
      }
      writeSync(fd, chunk);
      size += Buffer.byteLength(chunk);
    } catch {
      // a read-only project folder must not fail the command: the log is best-effort
    }
  };
  const remove = out.addFileSink((level, text) => {
    levels.push(level);
    texts.push(text);
    times.push(Date.now());
    // written in batches on an idle turn of the event loop; at most 50 ms late
    if (!timer) timer = setTimeout(flush, 50).unref();
    else if (texts.length === 500) {
      clearTimeout(timer);
      timer = setTimeout(flush, 0).unref();
    }
  });
  process.on('exit', flush);
  return () => {
    flush();
    remove();
    process.off('exit', flush);
    if (fd >= 0) closeSync(fd);
    fd = -1;
  };
}
