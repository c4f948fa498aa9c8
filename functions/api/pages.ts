/**
 * The few HTML pages the API serves for emailed links: a description and one button that POSTs.
 * Self-contained (no scripts, images or outside requests), never cached, never framed, and never
 * sending the link's token onward in a Referer header.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { STYLESHEET } from '../http/assets.js';

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export interface PageForm {
  /** Relative to the page's own URL, so the pages work under any base path. */
  action: string;
  fields?: Record<string, string>;
  button: string;
}

export interface PageContent {
  title: string;
  paragraphs: string[];
  form?: PageForm;
  /** Shown in a box that is easy to copy (the API token, once). */
  secret?: { label: string; value: string };
}

export const PAGE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex',
};

export function renderPage(content: PageContent): string {
  const form = content.form
    ? [
        `<form method="post" action="${escapeHtml(content.form.action)}">`,
        ...Object.entries(content.form.fields ?? {}).map(
          ([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
        ),
        `<button type="submit">${escapeHtml(content.form.button)}</button>`,
        '</form>',
      ].join('\n')
    : '';
  const secret = content.secret
    ? `<p>${escapeHtml(content.secret.label)}</p>\n<pre class="secret"><code>${escapeHtml(content.secret.value)}</code></pre>`
    : '';
  // The web app's look (inlined: these pages load nothing else), without its navigation.
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.title)} · afterview</title>`,
    `<style>${STYLESHEET}</style>`,
    '</head><body>',
    '<header class="top"><div class="bar"><span class="brand">afterview</span></div></header>',
    '<main><div class="card">',
    `<h1>${escapeHtml(content.title)}</h1>`,
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    secret,
    form,
    '</div></main></body></html>',
  ].join('\n');
}

export function page(c: Context, content: PageContent, status: ContentfulStatusCode = 200): Response {
  return c.html(renderPage(content), status, PAGE_HEADERS);
}
