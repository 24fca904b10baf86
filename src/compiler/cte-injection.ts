// Inlines ephemeral models as CTEs at the top of the query that refs them, as dbt does:
// `with __dbt__cte__x as (...), <the model's own CTEs> select ...`.

const LEADING = /^(\s*(?:--[^\n]*\n|\/\*[\s\S]*?\*\/|\s)*)/;

export function injectCtes(sql: string, ctes: { name: string; sql: string }[]): string {
  if (!ctes.length) return sql;
  const defs = ctes.map((c) => `${c.name} as (\n${c.sql.trim()}\n)`).join(', ');
  const lead = LEADING.exec(sql)?.[1] ?? '';
  const rest = sql.slice(lead.length);
  const withMatch = /^with\s+(recursive\s+)?/i.exec(rest);
  if (withMatch) {
    const recursive = withMatch[1] ? 'recursive ' : '';
    return `${lead}with ${recursive}${defs}, ${rest.slice(withMatch[0].length)}`;
  }
  return `${lead}with ${defs}\n${rest}`;
}
