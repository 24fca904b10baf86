// SQL string literals: the one quoting rule every module that writes a literal into SQL uses.

/** `it's` -> `'it''s'` */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
