/**
 * Step 7, match with seen: groups the relevant items into stories (syndicated copies are one
 * story) and compares them with the company's stored stories. A story already stored is not news;
 * if a source that had not carried it before carries it now, the stored story records that source.
 */
import { STALE_AFTER_DAYS } from '../../../domain/news-watch/freshness.js';
import { clusterStories, findStoredStory, type StoryCluster } from '../../../domain/news-watch/dedupe.js';
import type { Story } from '../../../domain/news.js';
import type { SourcedItem } from './normalize.js';

/** Stored stories this recent are compared with new items (the freshness horizon plus the dedupe window). */
export const MATCH_WINDOW_DAYS = STALE_AFTER_DAYS + 3;

/** How many of the company's stored stories are read for the comparison. */
export const MATCH_STORIES_LIMIT = 500;

export interface MatchedStories {
  /** Stories nobody has stored yet, one cluster per story id. */
  unseen: StoryCluster<SourcedItem>[];
  /** Stored stories that gained sources (their `sourceIds` updated), each once. */
  gainedSources: Story[];
}

export function matchWithSeen(companyKey: string, items: readonly SourcedItem[], stored: readonly Story[]): MatchedStories {
  const unseen: StoryCluster<SourcedItem>[] = [];
  const gained = new Map<string, Story>();
  for (const cluster of clusterStories(companyKey, items)) {
    const known = findStoredStory(cluster, stored);
    if (known) {
      const newSources = cluster.copies.map((c) => c.sourceId).filter((id) => !known.sourceIds.includes(id));
      if (newSources.length > 0) {
        known.sourceIds = [...new Set([...known.sourceIds, ...newSources])].sort();
        gained.set(known.id, known);
      }
      continue;
    }
    // The same title far apart in time is two clusters but one id: the earliest copy names it.
    if (unseen.some((c) => c.id === cluster.id)) continue;
    unseen.push(cluster);
  }
  return { unseen, gainedSources: [...gained.values()] };
}
