// Relations a killed run may have left behind (`<name>__tsdbt_tmp`, `<name>__tsdbt_incr`): dropped at
// the start of the next run so they never stay visible and never block the next swap.
import type { Adapter, AdapterConnection, RelationInfo } from '../adapters/adapter.js';
import { console as out } from '../console/console.js';

const LEFTOVER = /__tsdbt_(tmp|incr)$/i;

function q(ident: string): string {
  return `"${ident.replace(/"/g, '""')}"`;
}

export function isLeftover(name: string): boolean {
  return LEFTOVER.test(name);
}

/** Drop every leftover temporary relation of the target database; returns their names. */
export async function dropLeftovers(adapter: Adapter, conn: AdapterConnection): Promise<string[]> {
  const found: RelationInfo[] = (await adapter.listRelations(conn)).filter((r) => isLeftover(r.name));
  for (const r of found) {
    out.debug(`dropping ${r.type} ${r.schema}.${r.name} left by an interrupted run`);
    await conn.run(`drop ${r.type === 'view' ? 'view' : 'table'} if exists ${q(r.database)}.${q(r.schema)}.${q(r.name)}`);
  }
  return found.map((r) => `${r.schema}.${r.name}`);
}
