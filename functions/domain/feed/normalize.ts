/**
 * The pure normalizer: whatever rss-parser produced (its shapes vary with the feed format and
 * with what publishers put in their elements) becomes the product's {@link NewsItem}.
 */
import type { NewsItem, ParsedFeed } from '../news.js';
import { canonicalLink } from './canonical-link.js';
import { toPlainText, truncateText } from './plain-text.js';

/** Summaries are a lead, not the article. */
export const SUMMARY_MAX_CHARS = 400;

/** rss-parser's item, loosely: any field may be missing, a string, or a nested XML object. */
export interface RawItem {
  title?: unknown;
  link?: unknown;
  guid?: unknown;
  id?: unknown;
  pubDate?: unknown;
  isoDate?: unknown;
  date?: unknown;
  issued?: unknown;
  modified?: unknown;
  content?: unknown;
  contentSnippet?: unknown;
  summary?: unknown;
  'content:encoded'?: unknown;
  source?: unknown;
  dcPublisher?: unknown;
}

export interface RawFeed {
  title?: unknown;
  link?: unknown;
  /** The feed's own address (Atom rel="self", RSS atom:link). */
  feedUrl?: unknown;
  items?: unknown;
}

/** The text of an XML value as xml2js gives it: a string, `{ _: text }`, or `[value]`. */
function textOf(value: unknown, depth = 0): string | null {
  if (depth > 3 || value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return textOf(value[0], depth + 1);
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj._ === 'string') return obj._;
    // Atom <source><title>Publisher</title></source>
    if (obj.title !== undefined) return textOf(obj.title, depth + 1);
  }
  return null;
}

function plain(value: unknown): string | null {
  const text = textOf(value);
  if (text === null) return null;
  const cleaned = toPlainText(text);
  return cleaned === '' ? null : cleaned;
}

/** The publisher named by the item itself (RSS/Google News <source>, Atom source title, dc:publisher). */
function publisherOf(item: RawItem): string | null {
  const named = plain(item.source) ?? plain(item.dcPublisher);
  // RSS 1.0's dc:source is often the site's URL rather than its name.
  const namedUrl = named && /^https?:\/\/\S+$/i.test(named) ? canonicalLink(named) : null;
  if (namedUrl) return new URL(namedUrl).hostname.replace(/^www\./, '');
  if (named) return truncateText(named, 120);
  // <source url="https://www.reuters.com"/> without a name: the site's host is the best name there is.
  const src = item.source as { $?: { url?: unknown } } | undefined;
  const url = typeof src?.$?.url === 'string' ? canonicalLink(src.$.url) : null;
  return url ? new URL(url).hostname.replace(/^www\./, '') : null;
}

const SEPARATORS = [' - ', ' – ', ' — ', ' | ', ' · ', ' :: '];

/**
 * Removes a trailing " - Publisher" when the item names that publisher. Only the exact publisher
 * name after a separator is removed: "Spider-Man - The Movie - Variety" keeps "Spider-Man - The Movie".
 */
export function stripPublisherSuffix(title: string, publisher: string | null): string {
  if (!publisher) return title;
  const lowerTitle = title.toLowerCase();
  const lowerPublisher = publisher.toLowerCase();
  for (const sep of SEPARATORS) {
    const suffix = `${sep}${lowerPublisher}`;
    if (lowerTitle.endsWith(suffix) && title.length > suffix.length) {
      return title.slice(0, title.length - suffix.length).trim();
    }
  }
  return title;
}

const MONTHS: Readonly<Record<string, number>> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/**
 * A date naming a day its month does not have ("Mon, 30 Feb 2026", "2026-02-30"): JavaScript rolls
 * it over to another day (2 March), which would date the story wrongly, so it counts as unreadable.
 */
export function namesImpossibleDay(text: string): boolean {
  let year: number;
  let month: number;
  let day: number;
  const written = /\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})\b/i.exec(text);
  const iso = written ? null : /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (written) [day, month, year] = [Number(written[1]), MONTHS[written[2]!.toLowerCase()]!, Number(written[3])];
  else if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return false;
  return month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An ISO-8601 instant, or null when the feed gave none or an unreadable one. */
function isoDateOf(item: RawItem): string | null {
  // rss-parser's isoDate is computed from pubDate: a rolled-over pubDate makes it wrong too.
  const written = textOf(item.pubDate)?.trim() ?? textOf(item.date)?.trim();
  for (const candidate of [item.isoDate, item.pubDate, item.date, item.issued, item.modified]) {
    const text = textOf(candidate)?.trim();
    if (!text) continue;
    if (namesImpossibleDay(candidate === item.isoDate && written ? written : text)) continue;
    const at = Date.parse(text);
    if (!Number.isNaN(at)) return new Date(at).toISOString();
  }
  return null;
}

function summaryOf(item: RawItem, title: string, rawTitle: string, publisher: string | null): string | null {
  // The first of description / Atom summary / content:encoded that has any text.
  let text = '';
  for (const candidate of [item.content, item.summary, item['content:encoded']]) {
    const html = textOf(candidate);
    text = html === null ? '' : toPlainText(html);
    if (text !== '') break;
  }
  // Google News leads are "<a>Title</a>&nbsp;<font>Publisher</font>": drop the repeated publisher.
  if (publisher && text.toLowerCase().endsWith(` ${publisher.toLowerCase()}`)) {
    text = text.slice(0, text.length - publisher.length - 1).trim();
  }
  if (text === '') return null;
  if (text === rawTitle) return title;
  return truncateText(text, SUMMARY_MAX_CHARS);
}

/** Normalizes one item; `feedLink` resolves relative item links. */
export function normalizeItem(item: RawItem, feedLink: string | null): NewsItem {
  const publisher = publisherOf(item);
  const rawTitle = plain(item.title) ?? '';
  const title = stripPublisherSuffix(rawTitle, publisher);
  const guid = textOf(item.guid)?.trim() || textOf(item.id)?.trim() || null;
  // An item without <link> but with a permalink guid (RSS 2.0's default) links there.
  const link = canonicalLink(textOf(item.link), feedLink) ?? (guid && /^https?:\/\//i.test(guid) ? canonicalLink(guid) : null);
  return {
    title,
    link,
    publisher,
    publishedAt: isoDateOf(item),
    guid: guid ? guid.slice(0, 2048) : null,
    summary: summaryOf(item, title, rawTitle, publisher),
  };
}

/**
 * Normalizes what rss-parser produced for a whole feed. Relative links resolve against the feed's
 * site link, itself resolved against the feed's own address (or `baseUrl`, where it was fetched).
 */
export function normalizeFeed(raw: RawFeed, baseUrl?: string | null): ParsedFeed {
  const selfUrl = canonicalLink(textOf(raw.feedUrl), baseUrl) ?? canonicalLink(baseUrl);
  const feedLink = canonicalLink(textOf(raw.link), selfUrl) ?? selfUrl;
  const items = Array.isArray(raw.items) ? (raw.items as RawItem[]) : [];
  return {
    title: plain(raw.title),
    items: items
      .filter((i): i is RawItem => typeof i === 'object' && i !== null)
      .map((i) => normalizeItem(i, feedLink))
      // An item with nothing to show or link to is not news.
      .filter((i) => i.title !== '' || i.link !== null || i.summary !== null),
  };
}
