/**
 * "Not relevant" (the link under a story in an alert or a digest): the subscriber says a story is
 * not about the company they interviewed with. From then on it is left out of their Today page,
 * their digest and the thank-you it could be folded into — theirs only: nobody else's view of the
 * story changes.
 */
import type { Story } from '../../domain/news.js';
import type { FeedbackRepository } from '../ports.js';

/** The stories one subscriber marked not relevant. */
export interface NotRelevant {
  has(story: Pick<Story, 'companyKey' | 'id'>): boolean;
}

const ref = (companyKey: string, storyId: string) => `${companyKey}\n${storyId}`;

/** No story marked (a subscriber who never used the link, or a caller with nothing to read). */
export const NONE_MARKED: NotRelevant = { has: () => false };

/** What the subscriber marked, read once per page or digest. */
export async function storiesMarkedNotRelevant(deps: { repos: { feedback: Pick<FeedbackRepository, 'list'> } }, subscriberId: string): Promise<NotRelevant> {
  const marked = new Set(
    (await deps.repos.feedback.list(subscriberId)).filter((f) => f.verdict === 'not-relevant').map((f) => ref(f.companyKey, f.storyId)),
  );
  return marked.size === 0 ? NONE_MARKED : { has: (story) => marked.has(ref(story.companyKey, story.id)) };
}

/** The subscriber's marks, read on first use only: most plans have no story to check them against. */
export function notRelevantOnDemand(deps: { repos: { feedback: Pick<FeedbackRepository, 'list'> } }, subscriberId: string): () => Promise<NotRelevant> {
  let marks: Promise<NotRelevant> | undefined;
  return () => (marks ??= storiesMarkedNotRelevant(deps, subscriberId));
}
