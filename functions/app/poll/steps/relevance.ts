/**
 * Step 6, keep relevant: old news is never news again (undated items are kept: stored and shown,
 * never congratulated), and an item is kept only when it is about the company by the names and
 * exclusions of at least one of the watchers of the source that served it.
 */
import type { WatchedCompany } from '../../../domain/company.js';
import { freshnessOf } from '../../../domain/news-watch/freshness.js';
import { foldedTextIsAbout, relevanceText } from '../../../domain/news-watch/relevance.js';
import { watchersOf } from './classify.js';
import type { SourcedItem } from './normalize.js';

export interface RelevantItems {
  relevant: SourcedItem[];
  /** Items dropped as too old. */
  stale: number;
}

export function keepRelevant(items: readonly SourcedItem[], watchers: readonly WatchedCompany[], now: Date): RelevantItems {
  const audience = new Map<string, WatchedCompany[]>();
  const audienceOf = (sourceId: string) => {
    let found = audience.get(sourceId);
    if (!found) audience.set(sourceId, (found = watchersOf(sourceId, watchers)));
    return found;
  };
  const fresh = items.filter((item) => freshnessOf(item.publishedAt, now) !== 'stale');
  const relevant = fresh.filter((item) => {
    const text = relevanceText(item);
    return audienceOf(item.sourceId).some((w) => foldedTextIsAbout(text, { name: w.name, aliases: w.aliases, exclude: w.exclude }));
  });
  return { relevant, stale: items.length - fresh.length };
}
