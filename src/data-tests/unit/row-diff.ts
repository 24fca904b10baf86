// Compares expected and actual rows as multisets (order does not matter, as in dbt) and renders the
// difference like dbt's unit test output: `@@` header, `---` rows only expected, `+++` rows only actual.

export interface RowDiff {
  equal: boolean;
  /** rows that differ (missing + unexpected) */
  count: number;
  text: string;
}

const show = (v: unknown) => (v === null || v === undefined ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function diffRows(columns: string[], expected: unknown[][], actual: unknown[][]): RowDiff {
  const key = (r: unknown[]) => JSON.stringify(r);
  const left = new Map<string, number>();
  for (const r of actual) left.set(key(r), (left.get(key(r)) ?? 0) + 1);
  const missing: unknown[][] = [];
  const matched: unknown[][] = [];
  for (const r of expected) {
    const n = left.get(key(r)) ?? 0;
    if (n > 0) {
      left.set(key(r), n - 1);
      matched.push(r);
    } else missing.push(r);
  }
  const extra = actual.filter((r) => {
    const n = left.get(key(r)) ?? 0;
    if (n <= 0) return false;
    left.set(key(r), n - 1);
    return true;
  });
  const line = (mark: string, r: unknown[]) => `${mark},${r.map(show).join(',')}`;
  const text = [`@@ ,${columns.join(',')}`, ...extra.map((r) => line('+++', r)), ...missing.map((r) => line('---', r)), ...matched.map((r) => line('   ', r))].join('\n');
  return { equal: !missing.length && !extra.length, count: missing.length + extra.length, text };
}
