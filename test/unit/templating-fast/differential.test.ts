// Renders a corpus with tsdbt's TemplateEngine forced through its patched nunjucks and through the fast
// interpreter and requires identical output; every case in the corpus must be accepted by the fast path.
import { describe, expect, it } from 'vitest';
import { FORMERLY_DECLINED, HAND_WRITTEN, RUNTIME_ERRORS } from './corpus.js';
import { EXPRESSION_CASES, WHITESPACE_CASES } from './generated.js';
import { renderFast, renderNunjucks } from './harness.js';
import { GATE_CASES, PYTHON_CASES } from './python-corpus.js';

function same(src: string): string {
  const fast = renderFast(src);
  expect(fast, `fast path declined: ${JSON.stringify(src)}`).not.toBeNull();
  const nj = renderNunjucks(src);
  expect('out' in nj, `nunjucks failed on ${JSON.stringify(src)}: ${'error' in nj ? nj.error : ''}`).toBe(true);
  expect(fast, JSON.stringify(src)).toEqual(nj);
  return (nj as { out: string }).out;
}

describe('fast Jinja renders exactly like tsdbt nunjucks', () => {
  it('has a corpus of at least 200 templates', () => {
    const n = HAND_WRITTEN.length + FORMERLY_DECLINED.length + PYTHON_CASES.length + GATE_CASES.length + WHITESPACE_CASES.length + EXPRESSION_CASES.length;
    expect(n).toBeGreaterThanOrEqual(200);
  });

  it.each(HAND_WRITTEN.map((s) => [s]))('hand-written %j', (src) => same(src));
  it.each(FORMERLY_DECLINED.map((s) => [s]))('formerly declined %j', (src) => same(src));
  it.each(GATE_CASES.map((s) => [s]))('semantics-gate case %j', (src) => same(src));
  it.each(WHITESPACE_CASES.map((s) => [s]))('whitespace control %j', (src) => same(src));
  it.each(EXPRESSION_CASES.map((s) => [s]))('expression %j', (src) => same(src));
});

describe('both paths follow Python semantics', () => {
  it.each(PYTHON_CASES)('%j renders %j', (src, expected) => {
    expect(same(src)).toBe(expected);
  });
});

describe('runtime errors', () => {
  // nunjucks reports "(path) [Line l, Column c]\n  <cause>"; the cause must be the same
  const cause = (message: string) => message.slice(message.indexOf('\n') + 1).trim();

  it.each(RUNTIME_ERRORS.map((s) => [s]))('fails like nunjucks: %j', (src) => {
    const fast = renderFast(src);
    expect(fast).not.toBeNull();
    const nj = renderNunjucks(src);
    expect('error' in nj).toBe(true);
    expect('error' in fast!).toBe(true);
    expect(cause((fast as { error: string }).error)).toBe(cause((nj as { error: string }).error));
  });
});
