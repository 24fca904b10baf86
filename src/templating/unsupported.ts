// Jinja constructs tsdbt does not run, named as such (with the user's file:line from the caller)
// instead of surfacing a generic parse error from nunjucks.

const TAG_HINTS: Record<string, string> = {
  with: 'use `{% set %}` before the block instead of `{% with %}`',
  include: 'dbt does not load templates from files: move the shared SQL into a macro and call it',
  import: 'macros are global in dbt: call them directly (or as package_name.macro_name())',
  from: 'macros are global in dbt: call them directly (or as package_name.macro_name())',
  extends: 'template inheritance is not available in dbt: use macros',
  block: 'template inheritance is not available in dbt: use macros',
  trans: 'i18n blocks are not available in dbt',
  autoescape: 'dbt never escapes SQL output: remove the block',
};

/** If nunjucks' `message` is about a construct tsdbt does not support, the error to report instead. */
export function unsupportedConstruct(message: string): { message: string; hint: string } | undefined {
  const name = /unknown block tag: (\w+)/.exec(message)?.[1];
  if (!name) return undefined;
  return {
    message: `'{% ${name} %}' is not supported by tsdbt`,
    hint: TAG_HINTS[name] ?? `remove the \`{% ${name} %}\` tag: it is not part of the Jinja dbt supports`,
  };
}

/** Block tags nunjucks would accept but dbt has no use for (there is no template loader in dbt). */
export const LOADER_TAGS = new Set(['include', 'import', 'from', 'extends', 'block']);
