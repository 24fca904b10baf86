// `tsdbt docs serve`: serves the generated folder on 127.0.0.1, read-only, and nothing outside it.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDocs, type DocsServer } from '../../../src/docs/index.js';
import { serveSite } from '../../../src/api/docs.js';
import { TsdbtError } from '../../../src/errors/tsdbt-error.js';
import { tempDir } from '../../helpers/temp-dir.js';

let root: string;
let base: string;
let server: DocsServer;

/** Raw request so paths like `/../x` reach the server unnormalised. */
function get(path: string, method = 'GET'): Promise<{ status: number; body: string; type?: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((ok, fail) => {
    const req = request({ host: hostname, port, path, method }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  base = tempDir('tsdbt-serve-');
  root = join(base, 'target');
  await mkdir(join(root, 'docs-assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<h1>docs</h1>');
  await writeFile(join(root, 'docs-assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'manifest.json'), '{}');
  await writeFile(join(root, 'warehouse.duckdb'), 'database bytes');
  await mkdir(join(root, 'compiled', 'shop'), { recursive: true });
  await writeFile(join(root, 'compiled', 'shop', 'orders.sql'), 'select 1');
  await writeFile(join(base, 'secret.txt'), 'top secret');
  await symlink(join(base, 'secret.txt'), join(root, 'link.txt'));
  server = await serveDocs(root, { port: 0 });
});
afterAll(() => server.close());

describe('serveDocs', () => {
  it('binds 127.0.0.1 by default and serves the site with content types', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await get('/')).toMatchObject({ status: 200, body: '<h1>docs</h1>', type: 'text/html; charset=utf-8' });
    expect(await get('/docs-assets/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect((await get('/missing.js')).status).toBe(404);
  });

  it('refuses paths that escape the folder, plain, encoded or through a symlink', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/docs-assets/..%2f..%2fsecret.txt', '/link.txt']) {
      const r = await get(p);
      expect([403, 404], p).toContain(r.status);
      expect(r.body).not.toContain('top secret');
    }
  });

  it('serves only the site and its artifacts, not the database or other target files', async () => {
    expect((await get('/manifest.json')).status).toBe(200);
    for (const p of ['/warehouse.duckdb', '/compiled/shop/orders.sql', '/compiled/']) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('database bytes');
    }
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('/', 'HEAD')).status).toBe(200);
    expect((await get('/index.html', 'POST')).status).toBe(405);
    expect((await get('/index.html', 'PUT')).status).toBe(405);
  });

  it('`docs serve` reads only project.yml and target/: no profile, no models, no database', async () => {
    const project = tempDir('tsdbt-serve-project-');
    await writeFile(join(project, 'project.yml'), "name: shop\nprofile: nowhere\ntarget-path: out\n");
    await mkdir(join(project, 'models'));
    await writeFile(join(project, 'models', 'broken.sql'), "select {{ ref('does_not_exist') }}");
    await mkdir(join(project, 'out'));
    await writeFile(join(project, 'out', 'index.html'), '<h1>site</h1>');
    const site = await serveSite({ projectDir: project, port: 0 });
    try {
      const res = await fetch(site.url);
      expect(await res.text()).toBe('<h1>site</h1>');
    } finally {
      await site.close();
    }
    const err = await serveSite({ projectDir: base, port: 0 }).catch((e: unknown) => e);
    expect((err as TsdbtError).message).toMatch(/no project.yml or dbt_project.yml/);
  });

  it('explains a folder without a generated site', async () => {
    const err = await serveDocs(join(root, 'docs-assets'), { port: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TsdbtError);
    expect((err as TsdbtError).message).toMatch(/no generated docs site in .*docs-assets/);
    expect((err as TsdbtError).hint).toMatch(/tsdbt docs generate/);
  });
});
