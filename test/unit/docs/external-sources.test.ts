// Sources read in place from files (dbt-duckdb's external_location: relation_name is a quoted path or a
// reader call): lineage matches them by path, with the columns DuckDB reads from the file itself.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, externalPath, projectLineage, type ModelColumnLineage } from '../../../src/docs/index.js';
import type { Manifest, ManifestNode, SourceDefinition } from '../../../src/parser/types.js';
import { buildFixture } from '../../browser/fixture.js';

let lineage: Record<string, ModelColumnLineage>;
let close: () => void;

function withFileSource(manifest: Manifest, id: string, relation: string, yamlColumns: string[]): void {
  const base = manifest.sources['source.shop.raw.orders'];
  const name = id.split('.').pop()!;
  const columns = Object.fromEntries(yamlColumns.map((c) => [c, { name: c, description: '', meta: {}, tags: [] }]));
  manifest.sources[id] = { ...base, unique_id: id, name, identifier: name, relation_name: relation, columns } as SourceDefinition;
}

function withModel(manifest: Manifest, name: string, sql: string): void {
  const base = manifest.nodes['model.shop.stg_orders'];
  manifest.nodes[`model.shop.${name}`] = { ...base, unique_id: `model.shop.${name}`, name, alias: name, relation_name: `"shop"."main"."${name}"`, compiled_code: sql } as ManifestNode;
}

beforeAll(async () => {
  const fx = await buildFixture();
  close = fx.close;
  const csv = join(fx.dir, 'events.csv');
  writeFileSync(csv, 'event_id,user_id,amount_cents\n1,7,250\n2,8,100\n');
  // the YAML documents one column only: the file's own header gives the rest
  withFileSource(fx.manifest, 'source.shop.raw.events', `'${csv}'`, ['event_id']);
  withFileSource(fx.manifest, 'source.shop.raw.missing', `read_csv('${join(fx.dir, 'missing.csv')}')`, ['id', 'note']);
  withModel(fx.manifest, 'stg_events', `select event_id, amount_cents / 100.0 as amount_usd, events.user_id from '${csv}'`);
  withModel(fx.manifest, 'stg_missing', `select id, upper(note) as note from read_csv('${join(fx.dir, 'missing.csv')}')`);
  lineage = await projectLineage(fx.conn, fx.manifest, await buildCatalog(fx.conn, fx.manifest));
});
afterAll(() => close());

describe('external file sources', () => {
  it('recognises quoted paths and reader calls, and nothing else', () => {
    expect(externalPath("'data/sample/orders.csv'")).toBe('data/sample/orders.csv');
    expect(externalPath("read_parquet('s3://b/o''k/*.parquet', hive_partitioning = true)")).toBe("s3://b/o'k/*.parquet");
    expect(externalPath('"shop"."raw"."orders"')).toBeUndefined();
    expect(externalPath("upper('x')")).toBeUndefined();
  });

  it('traces model columns to the file source, with columns read from the file', () => {
    expect(lineage['model.shop.stg_events'].columns).toEqual([
      { name: 'event_id', kind: 'direct', upstream: [{ relation: 'source.shop.raw.events', column: 'event_id' }] },
      { name: 'amount_usd', kind: 'derived', upstream: [{ relation: 'source.shop.raw.events', column: 'amount_cents' }] },
      { name: 'user_id', kind: 'direct', upstream: [{ relation: 'source.shop.raw.events', column: 'user_id' }] },
    ]);
  });

  it('falls back to the YAML columns when the file cannot be read', () => {
    expect(lineage['model.shop.stg_missing'].columns.map((c) => [c.name, c.kind, c.upstream.map((u) => `${u.relation}.${u.column}`)])).toEqual([
      ['id', 'direct', ['source.shop.raw.missing.id']],
      ['note', 'derived', ['source.shop.raw.missing.note']],
    ]);
  });
});
