// Rewrites the dbt-only block tags nunjucks does not know into constructs it does, tag by tag (never
// touching SQL text): `{% test x(...) %}` becomes macro `test_x`, `{% do expr %}` a discarded `set`,
// `{% materialization %}` a macro, `{% snapshot %}` its body, `{% docs %}` nothing. Tags that need a
// template loader (include, import, extends...) are refused as unsupported. Line structure is
// preserved so error lines and columns still point into the user's file.
import { LOADER_TAGS } from './unsupported.js';

const TAG = /\{%(-?)\s*(test|endtest|do|materialization|endmaterialization|snapshot|endsnapshot|docs|enddocs|include|import|from|extends|block)\b([\s\S]*?)(-?)%\}/g;

function unsupported(source: string, index: number, tag: string): Error {
  const before = source.slice(0, index);
  const err = new Error(`unknown block tag: ${tag}`) as Error & { lineno: number; colno: number };
  err.lineno = before.split('\n').length;
  err.colno = index - before.lastIndexOf('\n');
  return err;
}

function inComment(source: string, index: number): boolean {
  const open = source.lastIndexOf('{#', index);
  return open !== -1 && source.indexOf('#}', open) > index;
}

/**
 * The macro a `{% materialization name, default %}` / `{% materialization name, adapter='duckdb' %}`
 * block defines (`args` is the tag's text after the keyword): `materialization_<name>_<adapter>`, as in
 * dbt. Other arguments (`supported_languages=[...]`) are accepted and ignored.
 */
export function materializationMacroName(args: string): string {
  const name = /^\s*(\w+)/.exec(args)?.[1];
  if (!name) return 'materialization_invalid';
  const adapter = /\badapter\s*=\s*['"](\w+)['"]/.exec(args)?.[1] ?? /^\s*\w+\s*,\s*['"](\w+)['"]/.exec(args)?.[1] ?? 'default';
  return `materialization_${name}_${adapter}`;
}

export function preprocessBlocks(source: string): string {
  if (!source.includes('{%')) return source;
  return source.replace(TAG, (whole, l: string, kw: string, rest: string, r: string, offset: number) => {
    if (LOADER_TAGS.has(kw)) {
      if (inComment(source, offset)) return whole;
      throw unsupported(source, offset, kw);
    }
    switch (kw) {
      case 'test':
        return `{%${l} macro test_${rest.trim()} ${r}%}`;
      case 'endtest':
      case 'endmaterialization':
        return `{%${l} endmacro ${r}%}`;
      case 'do':
        return `{%${l} set __tsdbt_do = ${rest.trim()} ${r}%}`;
      case 'materialization':
        // {% materialization name, adapter='duckdb' %} -> macro materialization_name_duckdb()
        return `{%${l} macro ${materializationMacroName(rest)}() ${r}%}`;
      case 'snapshot':
        // the block's body is the snapshot's SELECT (src/snapshots reads the block itself)
        return `{%${l} if true ${r}%}`;
      case 'endsnapshot':
        return `{%${l} endif ${r}%}`;
      case 'docs':
        // documentation text, not Jinja to run (src/packages/docs-blocks.ts reads it)
        return `{%${l} if false %}{% raw ${r}%}`;
      case 'enddocs':
        return `{%${l} endraw %}{% endif ${r}%}`;
      default:
        return whole;
    }
  });
}
