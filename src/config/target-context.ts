// What `{{ target }}` holds in Jinja: the profile output as written plus dbt's derived fields.
import type { TargetConfig } from './types.js';

export function targetContext(t: TargetConfig): Record<string, unknown> {
  return {
    ...t.raw,
    type: t.type,
    name: t.name,
    target_name: t.name,
    profile_name: t.profileName,
    path: t.path,
    database: t.database,
    schema: t.schema,
    threads: t.threads,
  };
}
