// `tsdbt docs serve`: a read-only static file server for the generated site. Binds 127.0.0.1 unless told
// otherwise, answers only GET/HEAD, and serves only the site's files in the target folder: never the
// database, compiled SQL, exports or anything outside it.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { TsdbtError } from '../errors/tsdbt-error.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.map': 'application/json',
};

export interface ServeOptions { host?: string; port?: number }
export interface DocsServer { url: string; close(): Promise<void> }

function send(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

/** What the site is made of: its page, its assets and the artifacts dbt's docs server also serves. */
const SITE_FILES = new Set(['index.html', 'manifest.json', 'catalog.json', 'run_results.json', 'sources.json']);
const SITE_FOLDER = 'docs-assets/';

function isSiteFile(root: string, file: string): boolean {
  const rel = relative(root, file).split(sep).join('/');
  return SITE_FILES.has(rel) || (rel.startsWith(SITE_FOLDER) && !rel.includes('/..'));
}

/** The file a request maps to, or null when the path is malformed or escapes the root (symlinks included). */
async function resolveFile(root: string, url: string): Promise<string | null> {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  let file = resolve(root, '.' + path);
  if (file !== root && !file.startsWith(root + sep)) return null;
  if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
  const real = await realpath(file).catch(() => undefined);
  if (real === undefined) return file; // missing: the caller answers 404
  return real === root || real.startsWith(root + sep) ? real : null;
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return send(res, 405, 'Method not allowed: the docs server is read-only\n');
  }
  const file = await resolveFile(root, req.url ?? '/');
  if (file === null) return send(res, 403, 'Forbidden\n');
  if (!isSiteFile(root, file)) return send(res, 404, 'Not found: the docs server serves only the docs site\n');
  const st = await stat(file).catch(() => null);
  if (!st?.isFile()) return send(res, 404, 'Not found\n');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': st.size, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

export async function serveDocs(dir: string, opts: ServeOptions = {}): Promise<DocsServer> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 8080;
  const root = await realpath(resolve(dir)).catch(() => null);
  if (!root || !(await stat(join(root, 'index.html')).catch(() => null))) {
    throw new TsdbtError('U001', `no generated docs site in ${resolve(dir)}`, { hint: 'run `tsdbt docs generate` first' });
  }
  const server = createServer((req, res) => {
    handle(root, req, res).catch(() => send(res, 500, 'Internal error\n'));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      fail(new TsdbtError('U001', `cannot listen on ${host}:${port}: ${err.code ?? err.message}`, { cause: err, hint: 'choose another port with --port' })));
    server.listen(port, host, () => ok());
  });
  const addr = server.address();
  const actualPort = typeof addr === 'object' && addr ? addr.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actualPort}/`,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
