// Renders descriptions for the site: `{{ doc('name') }}` blocks resolved from the manifest, then Markdown to
// HTML. Raw HTML in descriptions is escaped so a description can never inject script into the page.
import { Marked } from 'marked';
import type { Manifest } from '../parser/types.js';

const marked = new Marked({ gfm: true, breaks: false });
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
  // Escaping `<` alone disables every tag while keeping Markdown's `>` blockquotes.
  const src = resolveDocBlocks(text, manifest).replace(/</g, '&lt;');
  const html = marked.parse(src, { async: false });
  // marked keeps link targets verbatim; drop javascript: URLs.
  return html.replace(/href="\s*javascript:[^"]*"/gi, 'href="#"');
}
