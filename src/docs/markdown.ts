// Renders descriptions for the site: `{{ doc('name') }}` blocks resolved from the manifest, then Markdown to
// HTML. Raw HTML in descriptions is escaped so a description can never inject script into the page.
import { Marked } from 'marked';
import type { Manifest } from '../parser/types.js';

// Raw HTML tokens (inline and block) are shown as text; code spans and blocks keep their own escaping.
const marked = new Marked({ gfm: true, breaks: false, renderer: { html: (token) => escapeHtml(token.text) } });
const DOC_CALL = /\{\{\s*doc\(\s*['"]([^'"]+)['"]\s*(?:,\s*['"]([^'"]+)['"]\s*)?\)\s*\}\}/g;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function resolveDocBlocks(text: string, manifest: Manifest): string {
  return text.replace(DOC_CALL, (whole, a: string, b?: string) => {
    const [pkg, name] = b ? [a, b] : [undefined, a];
    const hit = pkg ? manifest.docs[`doc.${pkg}.${name}`] : Object.values(manifest.docs).find((d) => d.name === name);
    return hit ? hit.block_contents : whole;
  });
}

export function renderDescription(text: string | undefined, manifest: Manifest): string {
  if (!text) return '';
  const html = marked.parse(resolveDocBlocks(text, manifest), { async: false });
  // marked keeps link targets verbatim: keep only http(s), mailto and scheme-less (relative/anchor) targets,
  // so neither `javascript:` nor an entity-encoded variant of it survives.
  return html.replace(/(href|src)="([^"]*)"/gi, (all, attr: string, url: string) => (safeUrl(url) ? all : `${attr}="#"`));
}

function safeUrl(url: string): boolean {
  const head = url.trim().split(/[/?#]/)[0];
  if (!head.includes(':') && !head.includes('&')) return true;
  return /^(https?|mailto):/i.test(url.trim());
}
