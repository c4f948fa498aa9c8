/**
 * The feeds polled for a watched company (DESIGN.md §2 "Sources"): the Google News RSS search
 * built from its name and aliases, plus the feeds the user added. A source is shared by everyone
 * whose company yields the same URL, so its id is a stable hash of (company key, URL).
 */
import { createHash } from 'node:crypto';
import { companyKey, type CompanyFields } from '../company.js';
import type { FeedSource } from '../feed-source.js';
import { wellFormed } from '../unicode.js';

/** What identifies a source; its polling state lives in {@link FeedSource}. */
export type SourceSpec = Pick<FeedSource, 'id' | 'url' | 'kind' | 'companyKey' | 'companyName'>;

/** Language and edition of the search feed: set together, as Google News expects. */
export const NEWS_EDITION = { hl: 'en-US', gl: 'US', ceid: 'US:en' } as const;

/** The stable id of the source that polls `url` for the company with key `key`. */
export function sourceId(key: string, url: string): string {
  return createHash('sha256').update(`${key}\n${url}`).digest('hex').slice(0, 24);
}

/** The names a company is searched and matched by: its name first, then its aliases, without repeats. */
export function searchTerms(company: Pick<CompanyFields, 'name' | 'aliases'>): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  const add = (raw: string) => {
    // A double quote would end the quoted phrase early; whitespace runs mean nothing to the search.
    const term = raw.replace(/["“”]/g, ' ').replace(/\s+/g, ' ').trim();
    const key = term.toLowerCase();
    if (term && !seen.has(key)) {
      seen.add(key);
      terms.push(term);
    }
  };
  add(company.name);
  // Sorted, so the same name and aliases in any order give the same (shared) source.
  [...(company.aliases ?? [])].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())).forEach(add);
  return terms;
}

/**
 * The Google News RSS search URL for a company: each name as a quoted phrase, OR-ed
 * (`"Acme Robotics" OR "Acme"`), with language and edition set consistently.
 */
export function newsSearchUrl(company: Pick<CompanyFields, 'name' | 'aliases'>, newsBaseUrl: string): string {
  const query = searchTerms(company)
    .map((t) => `"${t}"`)
    .join(' OR ');
  const base = newsBaseUrl.replace(/\/+$/, '');
  return `${base}/rss/search?q=${encodeURIComponent(wellFormed(query))}&hl=${NEWS_EDITION.hl}&gl=${NEWS_EDITION.gl}&ceid=${NEWS_EDITION.ceid}`;
}

/**
 * The second news search for the same query, used while the first keeps failing (Google News is
 * known to throttle or block cloud addresses): Bing News's RSS search, `/news/search?q=…&format=rss`.
 * Null when `primary` is not a news search URL the product built.
 */
export function fallbackSearchUrl(primaryUrl: string, fallbackBaseUrl: string): string | null {
  let query: string | null;
  try {
    query = new URL(primaryUrl).searchParams.get('q');
  } catch {
    return null;
  }
  if (!query) return null;
  return `${fallbackBaseUrl.replace(/\/+$/, '')}/news/search?q=${encodeURIComponent(wellFormed(query))}&format=rss`;
}

/** The fallback source of a news search source (same company, the fallback search's URL). */
export function fallbackSource(primary: Pick<FeedSource, 'id' | 'url' | 'kind' | 'companyKey' | 'companyName'>, fallbackBaseUrl: string): (SourceSpec & { fallbackFor: string }) | null {
  if (primary.kind !== 'news-search') return null;
  const url = fallbackSearchUrl(primary.url, fallbackBaseUrl);
  return url ? { id: sourceId(primary.companyKey, url), url, kind: 'news-search-fallback', companyKey: primary.companyKey, companyName: primary.companyName, fallbackFor: primary.id } : null;
}

/** Every source polled for this company: the news search, then each added feed (normalized, once). */
export function companySources(company: Pick<CompanyFields, 'name' | 'aliases' | 'feeds'>, newsBaseUrl: string): SourceSpec[] {
  const key = companyKey(company.name);
  const specs: SourceSpec[] = [];
  const add = (url: string, kind: SourceSpec['kind']) => {
    if (specs.some((s) => s.url === url)) return;
    specs.push({ id: sourceId(key, url), url, kind, companyKey: key, companyName: company.name.trim() });
  };
  add(newsSearchUrl(company, newsBaseUrl), 'news-search');
  for (const feed of company.feeds ?? []) {
    let url: string;
    try {
      url = new URL(feed.trim()).href;
    } catch {
      continue; // validated when added; a malformed one is simply not polled
    }
    add(url, 'custom');
  }
  return specs;
}
