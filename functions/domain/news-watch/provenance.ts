/**
 * Provenance (DESIGN.md §2): a story reaches a subscriber only through a source that subscriber
 * watches — the company's shared news search, or a feed they added themselves — and they see the
 * copy from their own source. One subscriber's feed never changes what another sees: another
 * source's copy is never shown to them, and never decides whether they are congratulated.
 */
import type { Story, StoryCopy } from '../news.js';

/**
 * The story's copies, one per source. A story stored before copies were kept has one copy, its
 * own fields, for each source that carried it; a story no source carried has none.
 */
export function copiesOf(story: Story): StoryCopy[] {
  if (story.copies) return story.copies;
  const { title, link, publisher, publishedAt, summary, classification } = story;
  return story.sourceIds.map((sourceId) => ({ sourceId, title, link, publisher, publishedAt, summary, ...(classification ? { classification } : {}) }));
}

/**
 * The copy a watcher sees: from the first of their sources that carried the story — their sources
 * are listed news search first, then the feeds they added, in their order — or null when none did.
 */
export function copyFor(story: Story, watchedSourceIds: readonly string[]): StoryCopy | null {
  const copies = copiesOf(story);
  for (const id of watchedSourceIds) {
    const copy = copies.find((c) => c.sourceId === id);
    if (copy) return copy;
  }
  return null;
}

/** The story as a watcher sees it: their copy's words and verdict, or null when it is not theirs to see. */
export function storySeenBy(story: Story, watchedSourceIds: readonly string[]): Story | null {
  const copy = copyFor(story, watchedSourceIds);
  return copy ? storyAsCopy(story, copy) : null;
}

/**
 * The story as one source told it: the copy's title, link, publisher, lead, date and
 * classification, that source alone, and nothing any other source said.
 */
export function storyAsCopy(story: Story, copy: StoryCopy): Story {
  const { sourceId, classification, ...words } = copy;
  const { classification: _lead, copies: _all, ...rest } = story;
  return { ...rest, ...words, ...(classification ? { classification } : {}), sourceIds: [sourceId] };
}
