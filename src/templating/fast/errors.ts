// Turns an error thrown while rendering into nunjucks' TemplateError (cause kept), located at the
// expression being evaluated with 1-based line and column.
import nunjucks from 'nunjucks';

/** 1-based line and column of a source offset, counting lines by '\n' as nunjucks' lexer does */
export function lineCol(src: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lastNl = -1;
  for (let i = src.indexOf('\n'); i !== -1 && i < offset; i = src.indexOf('\n', i + 1)) {
    line++;
    lastNl = i;
  }
  return { line, col: offset - lastNl };
}

export function renderError(e: unknown, src: string, offset: number, name: string): unknown {
  // like runtime.handleError: an error that already knows its position (a nested template's) passes through
  if (e !== null && typeof e === 'object' && (e as { lineno?: unknown }).lineno) return e;
  const { line, col } = lineCol(src, offset);
  const err = new nunjucks.lib.TemplateError((e instanceof Error ? e : String(e)) as string, line, col);
  (err as unknown as { Update(path: string): void }).Update(name);
  return err;
}
