// Rewrites the dbt-only block tags nunjucks does not know into constructs it does, tag by tag (never
// touching SQL text): `{% test x(...) %}` becomes macro `test_x`, `{% do expr %}` a discarded `set`.
// Line structure is preserved so error lines and columns still point into the user's file.

const TAG = /\{%(-?)\s*(test|endtest|do|materialization|endmaterialization)\b([\s\S]*?)(-?)%\}/g;

export function preprocessBlocks(source: string): string {
  if (!source.includes('{%')) return source;
  return source.replace(TAG, (whole, l: string, kw: string, rest: string, r: string) => {
    switch (kw) {
      case 'test':
        return `{%${l} macro test_${rest.trim()} ${r}%}`;
      case 'endtest':
      case 'endmaterialization':
        return `{%${l} endmacro ${r}%}`;
      case 'do':
        return `{%${l} set __tsdbt_do = ${rest.trim()} ${r}%}`;
      case 'materialization': {
        // {% materialization name, adapter='duckdb' %} -> macro materialization_name_duckdb()
        const m = /^\s*(\w+)\s*(?:,\s*(?:adapter\s*=\s*)?['"](\w+)['"])?/.exec(rest);
        const name = m ? `materialization_${m[1]}_${m[2] ?? 'default'}` : 'materialization_invalid';
        return `{%${l} macro ${name}() ${r}%}`;
      }
      default:
        return whole;
    }
  });
}
