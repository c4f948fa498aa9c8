/**
 * One story syndicated by twenty outlets is one story (DESIGN.md §2 "Dedupe"). Two items are the
 * same story when their canonical links are equal, or when their normalized titles are nearly the
 * same (token overlap) and they were published within a few days of each other.
 *
 * A story's id is derived from its company and its earliest copy's normalized title, so pollers
 * working at the same time on the same feed pick the same id and the conditional write lets one win.
 *
 * Grouping is near-linear: an item is compared only with the stories an index names as possible
 * matches (./story-index.ts), never with every story, so a company whose feeds bring thousands of
 * items costs thousands of comparisons rather than millions.
 */
import { createHash } from 'node:crypto';
import type { NewsItem, Story } from '../news.js';
import { HOUR_MS } from '../durations.js';
import { StoryIndex } from './story-index.js';
import { normalizeTitle, similarTitles } from './title-similarity.js';

export { normalizeTitle, similarTitles, titleTokens, TITLE_CONTAINMENT, TITLE_SIMILARITY } from './title-similarity.js';

/** Copies of one story are published within this many hours of each other. */
export const STORY_WINDOW_HOURS = 72;

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
function compareCopies(a: { item: NewsItem; candidate: StoryCandidate }, b: { item: NewsItem; candidate: StoryCandidate }): number {
  const ta = a.item.publishedAt ? Date.parse(a.item.publishedAt) : Infinity;
  const tb = b.item.publishedAt ? Date.parse(b.item.publishedAt) : Infinity;
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.candidate.normalizedTitle;
  const nb = b.candidate.normalizedTitle;
  if (na !== nb) return na < nb ? -1 : 1;
  return (a.item.link ?? '').localeCompare(b.item.link ?? '');
}

function candidateOf(item: NewsItem): StoryCandidate {
  return { title: item.title, link: item.link, publishedAt: item.publishedAt, normalizedTitle: normalizeTitle(item.title) };
}

/**
 * Groups items into stories. Deterministic: the same items in any order give the same clusters
 * and ids (an item joins the first story, in earliest-first order, that it is a copy of).
 */
export function clusterStories<T extends NewsItem>(companyKey: string, items: readonly T[]): StoryCluster<T>[] {
  const entries = items.map((item) => ({ item, candidate: candidateOf(item) })).sort(compareCopies);
  const clusters: StoryCluster<T>[] = [];
  // Every copy is filed under its own key; `clusterOf` says whose copy it is.
  const members: StoryCandidate[] = [];
  const clusterOf: number[] = [];
  const index = new StoryIndex(entries.map((e) => e.candidate.normalizedTitle), comparableLink, (m) => clusterOf[m]!);
  for (const { item, candidate } of entries) {
    const match = index.firstMatch(candidate, (m) => sameStory(members[m]!, candidate));
    const home = match === null ? clusters.length : clusterOf[match]!;
    if (match === null) {
      clusters.push({ id: storyId(companyKey, candidate.normalizedTitle, item.link), lead: item, normalizedTitle: candidate.normalizedTitle, copies: [] });
    }
    clusters[home]!.copies.push(item);
    members.push(candidate);
    clusterOf.push(home);
    index.add(members.length - 1, candidate);
  }
  return clusters;
}

/**
 * Finds, for each cluster, the stored story it is a copy of: the first stored story (in the order
 * given) with the cluster's id, or of which one of its copies is a copy. Built once per company.
 */
export function storedStoryFinder(stored: readonly Story[]): (cluster: StoryCluster) => Story | null {
  const index = new StoryIndex(stored.map((s) => s.normalizedTitle), comparableLink);
  const byId = new Map<string, number>();
  stored.forEach((story, i) => {
    index.add(i, story);
    if (!byId.has(story.id)) byId.set(story.id, i);
  });
  return (cluster) => {
    const copies = cluster.copies.map(candidateOf);
    let best = byId.get(cluster.id) ?? Infinity;
    for (const copy of copies) {
      const k = index.firstMatch(copy, (i) => i < best && sameStory(copy, stored[i]!));
      if (k !== null && k < best) best = k;
    }
    return Number.isFinite(best) ? stored[best]! : null;
  };
}

/** The stored story a cluster is a copy of, if any. */
export function findStoredStory(cluster: StoryCluster, stored: readonly Story[]): Story | null {
  return storedStoryFinder(stored)(cluster);
}
