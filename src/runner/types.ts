// Results of executing nodes, shaped like dbt's run_results.json entries.
export type NodeStatus = 'success' | 'error' | 'skipped' | 'pass' | 'fail' | 'warn' | 'runtime error';

export interface NodeResult {
  unique_id: string;
  status: NodeStatus;
  timing: { name: 'compile' | 'execute'; started_at: string; completed_at: string }[];
  thread_id: string;
  execution_time: number;
  adapter_response: { _message?: string; code?: string; rows_affected?: number };
  message: string | null;
  failures: number | null;
  compiled: boolean;
  compiled_code?: string;
  relation_name: string | null;
  /** failing rows shown under a test failure (not written to run_results) */
  preview?: string;
}

export interface RunSummary {
  results: NodeResult[];
  elapsed: number;
  /** set when the run was interrupted (Ctrl-C) */
  interrupted?: boolean;
}
