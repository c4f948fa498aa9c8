/**
 * Step 7, match with seen: groups the relevant items into stories (syndicated copies are one
 * story, across every source of the company) and compares them with the company's stored stories.
 * A stored story is not news again; but a source that had not carried it before brings a new copy
 * of it — the copy its own watchers will see.
 */
import { STALE_AFTER_DAYS } from '../../../domain/news-watch/freshness.js';
import { clusterStories, storedStoryFinder, type StoryCluster } from '../../../domain/news-watch/dedupe.js';
import type { Story } from '../../../domain/news.js';
import type { SourcedItem } from './normalize.js';

/** Stored stories this recent are compared with new items (the freshness horizon plus the dedupe window). */
export const MATCH_WINDOW_DAYS = STALE_AFTER_DAYS + 3;

/**
 * How many of the company's stored stories are read for the comparison: far more than any real
 * company has in the window, so one subscriber's busy feed cannot push a story other people
 * already saw out of it (it would come back as new).
 */
export const MATCH_STORIES_LIMIT = 2_000;

/** A stored story that sources which had not carried it now carry. */
export interface KnownStory {
  story: Story;
  /** The earliest item from each source new to the story. */
  newCopies: SourcedItem[];
}

export interface MatchedStories {
  /** Stories nobody has stored yet, one cluster per story id. */
  unseen: StoryCluster<SourcedItem>[];
  /** Stored stories that gained sources, each once. */
  known: KnownStory[];
}

/** The feeds whose items became copies new to a story (for each feed's "last had a new story"). */
export function feedsWithNewCopies(matched: MatchedStories): Set<string> {
  return new Set([
    ...matched.unseen.flatMap((c) => firstCopyPerSource(c.copies).map((copy) => copy.readFrom)),
    ...matched.known.flatMap((k) => k.newCopies.map((copy) => copy.readFrom)),
  ]);
}

/** The earliest item of each source in the cluster (its copies come earliest first). */
export function firstCopyPerSource(copies: readonly SourcedItem[]): SourcedItem[] {
  const bySource = new Map<string, SourcedItem>();
  for (const copy of copies) if (!bySource.has(copy.sourceId)) bySource.set(copy.sourceId, copy);
  return [...bySource.values()];
}

export function matchWithSeen(companyKey: string, items: readonly SourcedItem[], stored: readonly Story[]): MatchedStories {
  const findStored = storedStoryFinder(stored);
  const unseen: StoryCluster<SourcedItem>[] = [];
  const known = new Map<string, KnownStory>();
  for (const cluster of clusterStories(companyKey, items)) {
    const story = findStored(cluster);
    if (story) {
      const entry = known.get(story.id) ?? { story, newCopies: [] };
      for (const copy of firstCopyPerSource(cluster.copies)) {
        const alreadyHas = story.sourceIds.includes(copy.sourceId) || entry.newCopies.some((c) => c.sourceId === copy.sourceId);
        if (!alreadyHas) entry.newCopies.push(copy);
      }
      if (entry.newCopies.length > 0) known.set(story.id, entry);
      continue;
    }
    // The same title far apart in time is two clusters but one id: the earliest copy names it.
    if (unseen.some((c) => c.id === cluster.id)) continue;
    unseen.push(cluster);
  }
  return { unseen, known: [...known.values()] };
}
