// Public API of `tsdbt docs`: catalog from DuckDB, column lineage, the static site generator and server.
// `docsGenerate` runs the whole generate step for the CLI; the site itself never needs the database.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Manifest } from '../parser/types.js';
import { buildCatalog } from './catalog.js';
import type { CatalogArtifact, RunResultsArtifact } from './catalog-types.js';
import { generateDocs } from './generate.js';
import { capturePreviews } from './previews.js';
import { projectLineage } from './project-lineage.js';

export { buildCatalog } from './catalog.js';
export type { CatalogArtifact, CatalogColumn, CatalogStat, CatalogTable, RunResultsArtifact } from './catalog-types.js';
export { columnLineage, indexUpstream } from './lineage/index.js';
export type { ColumnLineageEntry, LineageKind, LineageOptions, ModelColumnLineage, UpstreamColumn, UpstreamRelation } from './lineage/index.js';
export { generateDocs, type GenerateDocsOptions } from './generate.js';
export { capturePreviews, type Preview } from './previews.js';
export { externalPath, parseRelationName, projectLineage, upstreamRelations } from './project-lineage.js';
export { layoutOverview, type OverviewLayout } from './overview-layout.js';
export { serveDocs, type DocsServer, type ServeOptions } from './serve.js';

export interface DocsGenerateOptions {
  conn: DuckDBConnection;
  manifest: Manifest;
  targetDir: string;
  runResults?: RunResultsArtifact;
  /** rows of each model to embed as a preview; 0 disables */
  previewRows?: number;
}

/** catalog.json + lineage + previews + the site; returns the index.html path and the catalog. */
export async function docsGenerate(opts: DocsGenerateOptions): Promise<{ indexPath: string; catalog: CatalogArtifact }> {
  const catalog = await buildCatalog(opts.conn, opts.manifest);
  const lineage = await projectLineage(opts.conn, opts.manifest, catalog);
  const previews = await capturePreviews(opts.conn, opts.manifest, catalog, opts.previewRows ?? 10);
  await mkdir(opts.targetDir, { recursive: true });
  await writeFile(join(opts.targetDir, 'catalog.json'), JSON.stringify(catalog, null, 2));
  const indexPath = await generateDocs({ targetDir: opts.targetDir, manifest: opts.manifest, runResults: opts.runResults, catalog, lineage, previews });
  return { indexPath, catalog };
}
