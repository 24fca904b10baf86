// dbt's catalog artifact (v1) shape, written as target/catalog.json and read by the docs site.

export interface CatalogStat {
  id: string;
  label: string;
  value: string | number | boolean | null;
  include: boolean;
  description: string;
}

export interface CatalogColumn {
  type: string;
  index: number;
  name: string;
  comment: string | null;
}

export interface CatalogTable {
  metadata: { type: string; schema: string; name: string; database: string; comment: string | null; owner: string | null };
  columns: Record<string, CatalogColumn>;
  stats: Record<string, CatalogStat>;
  unique_id: string;
}

export interface CatalogArtifact {
  metadata: {
    dbt_schema_version: string;
    dbt_version: string;
    generated_at: string;
    invocation_id: string;
    env: Record<string, string>;
  };
  nodes: Record<string, CatalogTable>;
  sources: Record<string, CatalogTable>;
  errors: string[] | null;
}

/** The parts of run_results (v6) the site reads. */
export interface RunResultsArtifact {
  metadata?: { generated_at?: string; invocation_id?: string };
  elapsed_time?: number;
  results: {
    unique_id: string;
    status: string;
    execution_time?: number;
    message?: string | null;
    failures?: number | null;
    timing?: { name: string; started_at?: string; completed_at?: string }[];
  }[];
}
