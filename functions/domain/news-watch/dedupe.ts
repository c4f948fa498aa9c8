/**
 * One story syndicated by twenty outlets is one story (DESIGN.md §2 "Dedupe"). Two items are the
 * same story when their canonical links are equal, or when their normalized titles are nearly the
 * same (token overlap) and they were published within a few days of each other.
 *
 * A story's id is derived from its company and its earliest copy's normalized title, so pollers
 * working at the same time on the same feed pick the same id and the conditional write lets one win.
 */
import { createHash } from 'node:crypto';
import type { NewsItem, Story } from '../news.js';
import { foldForMatching } from './relevance.js';
import { HOUR_MS } from '../durations.js';

/** Titles sharing this much of their words (Jaccard) are the same story… */
export const TITLE_SIMILARITY = 0.7;
/** …or when one title's words are nearly all in the other (a prefix like "UPDATE 1-" or a suffix). */
export const TITLE_CONTAINMENT = 0.85;
/** Copies of one story are published within this many hours of each other. */
export const STORY_WINDOW_HOURS = 72;

const STOPWORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'with', 'at', 'by', 'from', 'as', 'is', 'are',
  'its', 'it', 'this', 'that', 'after', 'over', 'says', 'say', 'said', 'report', 'reports', 'update', 'exclusive',
]);

/** Lower case, no accents, no punctuation, single spaces: the form titles are compared in. */
export function normalizeTitle(title: string): string {
  return foldForMatching(title)
    .replace(/&/g, ' and ')
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Token sets, memoized: clustering compares each title with many others. */
const TOKENS = new Map<string, Set<string>>();

/** The words that carry meaning (stopwords dropped unless nothing else is left). */
export function titleTokens(normalized: string): Set<string> {
  let tokens = TOKENS.get(normalized);
  if (!tokens) {
    tokens = computeTokens(normalized);
    if (TOKENS.size >= 20_000) TOKENS.clear();
    TOKENS.set(normalized, tokens);
  }
  return tokens;
}

function computeTokens(normalized: string): Set<string> {
  const words = normalized.split(' ').filter(Boolean);
  const meaningful = words.filter((w) => !STOPWORDS.has(w));
  return new Set(meaningful.length > 0 ? meaningful : words);
}

/** Whether two normalized titles name the same story. */
export function similarTitles(a: string, b: string): boolean {
  if (a === b) return a.length > 0;
  const ta = titleTokens(a);
  const tb = titleTokens(b);
  if (ta.size === 0 || tb.size === 0) return false;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  const union = ta.size + tb.size - shared;
  if (shared / union >= TITLE_SIMILARITY) return true;
  const smaller = Math.min(ta.size, tb.size);
  return smaller >= 4 && shared / smaller >= TITLE_CONTAINMENT;
}

/** Google News links are per-outlet redirect tokens: equal ones prove nothing about other copies. */
function comparableLink(link: string | null): string | null {
  if (!link) return null;
  return link.startsWith('https://news.google.com/') ? link : link.replace(/\/$/, '');
}

function withinWindow(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  return Math.abs(Date.parse(a) - Date.parse(b)) <= STORY_WINDOW_HOURS * HOUR_MS;
}

/** What dedupe compares: a news item, or a stored story. */
export interface StoryCandidate {
  title: string;
  link: string | null;
  publishedAt: string | null;
  normalizedTitle: string;
}

/** Whether two items (or an item and a stored story) are copies of one story. */
export function sameStory(a: StoryCandidate, b: StoryCandidate): boolean {
  const la = comparableLink(a.link);
  if (la && la === comparableLink(b.link)) return true;
  return withinWindow(a.publishedAt, b.publishedAt) && similarTitles(a.normalizedTitle, b.normalizedTitle);
}

/** The deterministic id of a company's story, from its earliest copy's normalized title. */
export function storyId(companyKey: string, normalizedTitle: string, link: string | null): string {
  // A title with no words (rare) falls back to the link so distinct items stay distinct.
  const basis = normalizedTitle || link || '';
  return createHash('sha256').update(`${companyKey}\n${basis}`).digest('hex').slice(0, 24);
}

/** A group of copies of one story; `lead` is the copy that names it (the earliest). */
export interface StoryCluster<T extends NewsItem = NewsItem> {
  id: string;
  lead: T;
  normalizedTitle: string;
  copies: T[];
}

/** Earliest first; undated items last; ties broken by title then link, so the order is stable. */
function compareCopies(a: NewsItem, b: NewsItem): number {
  const ta = a.publishedAt ? Date.parse(a.publishedAt) : Infinity;
  const tb = b.publishedAt ? Date.parse(b.publishedAt) : Infinity;
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = normalizeTitle(a.title);
  const nb = normalizeTitle(b.title);
  if (na !== nb) return na < nb ? -1 : 1;
  return (a.link ?? '').localeCompare(b.link ?? '');
}

/**
 * Groups items into stories. Deterministic: the same items in any order give the same clusters
 * and ids (an item joins the first story, in earliest-first order, that it is a copy of).
 */
export function clusterStories<T extends NewsItem>(companyKey: string, items: readonly T[]): StoryCluster<T>[] {
  const clusters: Array<StoryCluster<T> & { members: StoryCandidate[] }> = [];
  for (const item of [...items].sort(compareCopies)) {
    const candidate: StoryCandidate = { ...item, normalizedTitle: normalizeTitle(item.title) };
    const home = clusters.find((c) => c.members.some((m) => sameStory(m, candidate)));
    if (home) {
      home.copies.push(item);
      home.members.push(candidate);
    } else {
      clusters.push({
        id: storyId(companyKey, candidate.normalizedTitle, item.link),
        lead: item,
        normalizedTitle: candidate.normalizedTitle,
        copies: [item],
        members: [candidate],
      });
    }
  }
  return clusters.map(({ members: _members, ...c }) => c);
}

/** The stored story a cluster is a copy of, if any. */
export function findStoredStory(cluster: StoryCluster, stored: readonly Story[]): Story | null {
  const candidates: StoryCandidate[] = cluster.copies.map((c) => ({ ...c, normalizedTitle: normalizeTitle(c.title) }));
  return stored.find((s) => s.id === cluster.id || candidates.some((c) => sameStory(c, s))) ?? null;
}
