/**
 * The demo's offline news: a loopback server that answers the news search feed URL afterview
 * builds (`/rss/search?q="Name" OR "Alias"&…`) with a Google-News-style RSS feed of the stories
 * written for the demo (functions/local/demo/sample-data.ts). Unknown companies get an empty feed.
 * Dates are relative to when the server started, so the news is always fresh; the bytes do not
 * change while it runs, so conditional GETs (ETag) get 304 like a real feed.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { companyKey } from '../../domain/company.js';
import { DEMO_NEWS, type DemoStory } from './sample-data.js';
import { HOUR_MS } from '../../domain/durations.js';

export interface DemoFeedServer {
  /** e.g. http://127.0.0.1:41234 — what AFTERVIEW_NEWS_BASE_URL points at during the demo. */
  baseUrl: string;
  /** The host the fetcher must be allowed to reach (it is loopback). */
  host: string;
  /** Feed requests answered so far (each with its status). */
  requests: Array<{ path: string; status: number }>;
  stop(): Promise<void>;
}

const xml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);

/** The names quoted in a news search query: `"Bluefin Analytics" OR "Bluefin"` → both. */
function quotedNames(query: string): string[] {
  return [...query.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.trim()).filter(Boolean);
}

function storiesFor(query: string): DemoStory[] {
  const keys = new Set(quotedNames(query).map(companyKey));
  return Object.entries(DEMO_NEWS)
    .filter(([name]) => keys.has(companyKey(name)))
    .flatMap(([, stories]) => stories);
}

export function renderDemoFeed(query: string, startedAt: Date): string {
  const items = storiesFor(query).map((story) => {
    const published = new Date(startedAt.getTime() - story.hoursAgo * HOUR_MS).toUTCString();
    const outlet = companyKey(story.publisher);
    const link = `https://news.afterview.example/articles/${story.slug}/${outlet}`;
    return [
      '    <item>',
      `      <title>${xml(`${story.title} - ${story.publisher}`)}</title>`,
      `      <link>${xml(link)}</link>`,
      `      <guid isPermaLink="false">${xml(`demo-${story.slug}-${outlet}`)}</guid>`,
      `      <pubDate>${published}</pubDate>`,
      `      <description>${xml(story.summary)}</description>`,
      `      <source url="${xml(story.publisherSite)}">${xml(story.publisher)}</source>`,
      '    </item>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0">',
    '  <channel>',
    `    <title>${xml(`${query} - afterview demo news`)}</title>`,
    '    <link>https://news.afterview.example/</link>',
    '    <description>Sample news written for the afterview demo. None of it is real.</description>',
    '    <language>en-US</language>',
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

export async function startDemoFeedServer(options: { port?: number; now?: Date } = {}): Promise<DemoFeedServer> {
  const startedAt = options.now ?? new Date();
  const requests: DemoFeedServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
      requests.push({ path: url.pathname, status });
      res.writeHead(status, headers).end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(405, '', { Allow: 'GET, HEAD' });
    if (url.pathname !== '/rss/search') return answer(404, 'not found\n', { 'Content-Type': 'text/plain' });
    const body = renderDemoFeed(url.searchParams.get('q') ?? '', startedAt);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return answer(304, '', { ETag: etag });
    return answer(200, body, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag, 'Cache-Control': 'max-age=300' });
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([err]) => {
      throw err;
    }),
  ]);
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    host: '127.0.0.1',
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
