// Writes the static docs site: index.html, the page scripts and styles, dagre's browser bundle, and the
// project data as a script (data.js) so the site works when opened straight from the file system.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TsdbtError } from '../errors/tsdbt-error.js';
import type { CatalogArtifact, RunResultsArtifact } from './catalog-types.js';
import type { Manifest } from '../parser/types.js';
import type { ModelColumnLineage } from './lineage/index.js';
import type { Preview } from './previews.js';
import { buildSiteData } from './site-data.js';

export interface GenerateDocsOptions {
  targetDir: string;
  manifest: Manifest;
  runResults?: RunResultsArtifact;
  catalog: CatalogArtifact;
  lineage: Record<string, ModelColumnLineage>;
  previews?: Record<string, Preview>;
}

/** Page scripts in load order; each is a plain browser script sharing `window.TsdbtDocs`. */
const SCRIPTS = ['util.js', 'sql.js', 'search.js', 'graph.js', 'overview.js', 'columns.js', 'pages.js', 'app.js'];

function siteDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // From src/docs (tests, tsx) the assets sit next to this file; from dist/docs they stay in src/docs/site.
  for (const dir of [join(here, 'site'), join(here, '..', '..', 'src', 'docs', 'site')]) {
    if (existsSync(join(dir, 'app.js'))) return dir;
  }
  throw new Error(`docs site assets not found near ${here}`);
}

function dagreBundle(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@dagrejs/dagre')), 'dagre.min.js');
}

/** JSON embedded in a script: `</script>` and line separators must not end or break it. */
export function toScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export async function generateDocs(opts: GenerateDocsOptions): Promise<string> {
  const data = await buildSiteData(opts);
  const assets = join(opts.targetDir, 'docs-assets');
  try {
    await mkdir(assets, { recursive: true });
  } catch (err) {
    throw new TsdbtError('R003', `cannot create the docs folder ${assets}`, { cause: err, hint: 'check that the target path is writable' });
  }
  const src = siteDir();
  for (const f of [...SCRIPTS, 'app.css']) await writeFile(join(assets, f), await readFile(join(src, f)));
  await writeFile(join(assets, 'dagre.min.js'), await readFile(dagreBundle()));
  await writeFile(join(assets, 'data.js'), `window.TSDBT_DOCS_DATA = ${toScriptJson(data)};\n`);
  const html = (await readFile(join(src, 'index.html'), 'utf8'))
    .replace('<!--SCRIPTS-->', ['dagre.min.js', 'data.js', ...SCRIPTS].map((f) => `<script src="docs-assets/${f}"></script>`).join('\n'))
    .replace('<!--TITLE-->', `${data.project.replace(/[<&]/g, '')} docs`);
  const index = join(opts.targetDir, 'index.html');
  await writeFile(index, html);
  return index;
}
