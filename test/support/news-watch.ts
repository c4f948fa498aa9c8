/**
 * What the news-watch integration tests share: a local Google-News-style feed server with ETags
 * that counts requests, stand-ins for the classifier and the note writer (their own tests cover
 * them), and poll dependencies that count every story write.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClassifyHeadline, WriteCongratulations } from '../../functions/app/poll/collaborators.js';
import type { PollDeps } from '../../functions/app/poll/poll-cycle.js';
import type { NewsRepository } from '../../functions/app/ports.js';
import type { TestStack } from './stack.js';
import { createSafeFetcher } from '../../functions/adapters/http/safe-fetch.js';

export interface FeedEntry {
  title: string;
  publisher: string;
  publishedAt: string;
  /** Where a custom feed's item links. */
  link?: string;
}

export interface NewsFeedServer {
  base: string;
  /** Entries served per search query (`q`, e.g. `"Acme Robotics"`). */
  feeds: Map<string, FeedEntry[]>;
  /** Entries served at `/feeds/<name>`: feeds people add themselves. */
  custom: Map<string, FeedEntry[]>;
  /** Entries the fallback news search serves per query (`/news/search?q=…&format=rss`, Bing-style). */
  fallbackFeeds: Map<string, FeedEntry[]>;
  /** Search queries the news search refuses, with the status it answers (429, 503, 403…). */
  refusing: Map<string, number>;
  /** The URL of the custom feed `name`. */
  customUrl(name: string): string;
  /** Every request, as path + query, in order. */
  hits: string[];
  /** Requests for one search query. */
  hitsFor(query: string): number;
  /** The statuses the news search answered for one query, in order. */
  answersFor(query: string): number[];
  close(): Promise<void>;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function renderFeed(query: string, entries: FeedEntry[]): string {
  const items = entries
    .map((e) => {
      const id = createHash('sha1').update(e.title + e.publisher).digest('hex').slice(0, 16);
      return `<item><title>${xmlEscape(`${e.title} - ${e.publisher}`)}</title><link>https://news.google.com/rss/articles/${id}?oc=5</link><guid isPermaLink="false">${id}</guid><pubDate>${new Date(e.publishedAt).toUTCString()}</pubDate><description>${xmlEscape(`<a href="https://news.google.com/rss/articles/${id}?oc=5">${e.title}</a>&nbsp;&nbsp;<font color="#6f6f6f">${e.publisher}</font>`)}</description><source url="https://${e.publisher.toLowerCase().replace(/\W/g, '')}.example">${xmlEscape(e.publisher)}</source></item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${xmlEscape(query)} - Google News</title><link>https://news.google.com/</link>${items}</channel></rss>`;
}

/** A feed someone added: plain RSS items with their own links (and a <source> when a publisher is named). */
function renderCustomFeed(name: string, entries: FeedEntry[]): string {
  const items = entries
    .map((e) => {
      const source = e.publisher ? `<source url="https://source.example">${xmlEscape(e.publisher)}</source>` : '';
      return `<item><title>${xmlEscape(e.title)}</title><link>${xmlEscape(e.link ?? `https://${name}.example/${encodeURIComponent(e.title)}`)}</link><pubDate>${new Date(e.publishedAt).toUTCString()}</pubDate>${source}</item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${xmlEscape(name)}</title><link>https://${name}.example/</link>${items}</channel></rss>`;
}

/**
 * Serves `/rss/search?q=…` (Google-News-style), `/news/search?q=…&format=rss` (the fallback) and
 * `/feeds/<name>` on 127.0.0.1, answering 304 to a matching ETag; `delayMs` slows every answer.
 */
export async function startNewsFeedServer(options: { delayMs?: number } = {}): Promise<NewsFeedServer> {
  const feeds = new Map<string, FeedEntry[]>();
  const custom = new Map<string, FeedEntry[]>();
  const fallbackFeeds = new Map<string, FeedEntry[]>();
  const refusing = new Map<string, number>();
  const hits: string[] = [];
  const answers: Array<{ query: string | null; status: number }> = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits.push(url.pathname + url.search);
    res.on('finish', () => answers.push({ query: url.pathname === '/rss/search' ? url.searchParams.get('q') : null, status: res.statusCode }));
    const answer = () => {
      const query = url.searchParams.get('q') ?? '';
      const refused = url.pathname === '/rss/search' ? refusing.get(query) : undefined;
      if (refused) return void res.writeHead(refused, refused === 429 ? { 'retry-after': '60' } : {}).end();
      const customName = url.pathname.startsWith('/feeds/') ? url.pathname.slice('/feeds/'.length) : null;
      const fallback = url.pathname === '/news/search' && url.searchParams.get('format') === 'rss';
      const entries =
        customName !== null ? custom.get(customName) : fallback ? fallbackFeeds.get(query) : url.pathname === '/rss/search' ? feeds.get(query) : undefined;
      if (!entries) return void res.writeHead(404).end();
      const body = customName !== null ? renderCustomFeed(customName, entries) : fallback ? renderCustomFeed('bing', entries) : renderFeed(query, entries);
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 12)}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
    };
    if (options.delayMs) setTimeout(answer, options.delayMs);
    else answer();
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    feeds,
    custom,
    fallbackFeeds,
    refusing,
    customUrl: (name) => `${base}/feeds/${name}`,
    hits,
    hitsFor: (query) => hits.filter((h) => new URL(h, 'http://x').searchParams.get('q') === query).length,
    answersFor: (query) => answers.filter((a) => a.query === query).map((a) => a.status),
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Congratulates exactly the headlines that say "wins". */
export const classifyWins: ClassifyHeadline = (item) =>
  /\bwins\b/i.test(item.title)
    ? { polarity: 'positive', event: 'award', congratulate: true, confidence: 0.9, reasons: ['wins'] }
    : { polarity: 'neutral', event: null, congratulate: false, confidence: 0.5, reasons: [] };

export const plainNote: WriteCongratulations = (news, interview) => ({
  subject: `Congratulations, ${interview.company}!`,
  body: `Hi ${interview.interviewer.name},\n\nI just read that ${news.title}. Congratulations to the whole team!\n\nBest wishes`,
});

/** Poll dependencies on the test stack whose news repository counts every story write. */
export function countingPollDeps(stack: TestStack): { deps: PollDeps; storyWrites: { count: number } } {
  const storyWrites = { count: 0 };
  const news = stack.repos.news;
  const counting: NewsRepository = {
    putIfNew: async (s) => (storyWrites.count++, news.putIfNew(s)),
    putMany: async (stories) => ((storyWrites.count += stories.length), news.putMany(stories)),
    update: async (s) => (storyWrites.count++, news.update(s)),
    get: (k, id) => news.get(k, id),
    listSince: (k, since, limit) => news.listSince(k, since, limit),
  };
  return {
    deps: {
      repos: { ...stack.repos, news: counting },
      mailer: stack.mailer,
      links: stack.links,
      config: stack.config,
      classify: classifyWins,
      writeNote: plainNote,
      fetchFeed: createSafeFetcher({ allowHosts: stack.config.allowHosts }),
      random: () => 0.5,
    },
    storyWrites,
  };
}
