/**
 * Step 5, normalize: the items every source of a company served, each labelled with the source
 * it came from, at most FEED_MAX_ITEMS of each source's newest (the parse step already cut a
 * long feed's text; this also holds for a feed whose items are out of date order). A fallback
 * search's items are labelled as its primary's: the same people watch them.
 */
import { FEED_MAX_ITEMS } from '../../../domain/feed/limits.js';
import type { NewsItem } from '../../../domain/news.js';
import type { SourceRead } from './parse.js';

/**
 * A news item and its source: `sourceId` is whose watchers see it (a fallback's items count as its
 * primary news search's), `readFrom` the feed actually read.
 */
export type SourcedItem = NewsItem & { sourceId: string; readFrom: string };

/** A source's newest items first (undated ones after the dated, in feed order), at most `max`. */
export function newestFirst(items: readonly NewsItem[], max: number = FEED_MAX_ITEMS): NewsItem[] {
  if (items.length <= max) return [...items];
  const at = (item: NewsItem) => (item.publishedAt ? Date.parse(item.publishedAt) : NaN);
  return items
    .map((item, i) => ({ item, i, t: at(item) }))
    .sort((a, b) => (Number.isNaN(a.t) ? (Number.isNaN(b.t) ? a.i - b.i : 1) : Number.isNaN(b.t) ? -1 : b.t - a.t || a.i - b.i))
    .slice(0, max)
    .map((e) => e.item);
}

export function sourcedItems(reads: readonly SourceRead[]): SourcedItem[] {
  return reads.flatMap((read) => {
    const sourceId = read.source.fallbackFor ?? read.source.id;
    return newestFirst(read.items).map((item) => ({ ...item, sourceId, readFrom: read.source.id }));
  });
}
