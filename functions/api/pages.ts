/**
 * The few HTML pages the API serves for emailed links: a description and one button that POSTs.
 * Self-contained (no scripts, images or outside requests), never cached, never framed, and never
 * sending the link's token onward in a Referer header.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

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
    ? `<p>${escapeHtml(content.secret.label)}</p>\n<pre><code>${escapeHtml(content.secret.value)}</code></pre>`
    : '';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.title)} · afterview</title>`,
    '<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:36em;margin:3em auto;padding:0 1em;color:#222}',
    'button{font-size:1rem;padding:.6em 1.2em;border-radius:6px;border:1px solid #245;background:#2b5797;color:#fff;cursor:pointer}',
    'pre{background:#f4f4f4;padding:1em;overflow-x:auto;white-space:pre-wrap;word-break:break-all}</style>',
    '</head><body>',
    `<h1>${escapeHtml(content.title)}</h1>`,
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    secret,
    form,
    '</body></html>',
  ].join('\n');
}

export function page(c: Context, content: PageContent, status: ContentfulStatusCode = 200): Response {
  return c.html(renderPage(content), status, PAGE_HEADERS);
}
