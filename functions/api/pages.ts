/**
 * The few HTML pages the API serves for emailed links: a description and one button that POSTs.
 * Self-contained (no scripts, images or outside requests), never cached, never framed, and never
 * sending the link's token onward in a Referer header.
 */
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { STYLESHEET } from '../http/assets.js';
import { pageHeaders } from '../http/page-headers.js';

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

/** Self-contained: inline styles only, and forms that post back to the API itself. */
export const PAGE_HEADERS = pageHeaders("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");

/** The page, every value escaped by hono/html (the stylesheet is the app's own, inlined as is). */
export function renderPage(content: PageContent): HtmlEscapedString | Promise<HtmlEscapedString> {
  const { form, secret } = content;
  // The web app's look (inlined: these pages load nothing else), without its navigation.
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${content.title} · afterview</title>
<style>${raw(STYLESHEET)}</style>
</head><body>
<header class="top"><div class="bar"><span class="brand">afterview</span></div></header>
<main><div class="card">
<h1>${content.title}</h1>
${content.paragraphs.map((p) => html`<p>${p}</p>\n`)}${secret ? html`<p>${secret.label}</p>\n<pre class="secret"><code>${secret.value}</code></pre>\n` : ''}${
    form
      ? html`<form method="post" action="${form.action}">
${Object.entries(form.fields ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">\n`)}<button type="submit">${form.button}</button>
</form>`
      : ''
  }
</div></main></body></html>`;
}

export function page(c: Context, content: PageContent, status: ContentfulStatusCode = 200): Response | Promise<Response> {
  return c.html(renderPage(content), status, PAGE_HEADERS);
}
