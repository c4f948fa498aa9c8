/**
 * What a note is written from, in one place for every note about a story: the alert's
 * congratulations, the digest's and the Today page's, and the thank-you that carries the news
 * (R8 with R1). Each reads the subscriber's own copy of the story (domain/news-watch/provenance.ts)
 * — its title, event, summary, publisher and link — so the same story gives the same note wherever
 * the subscriber meets it.
 */
import type { Story } from '../news.js';
import type { CongratulationsNews } from './congratulations.js';

/** The news as the note writers read it, from one subscriber's copy of the story. */
export function newsOfStory(story: Pick<Story, 'title' | 'classification' | 'summary' | 'publisher' | 'link'>): CongratulationsNews {
  return {
    title: story.title,
    event: story.classification?.event ?? null,
    ...(story.summary ? { summary: story.summary } : {}),
    ...(story.publisher ? { publisher: story.publisher } : {}),
    ...(story.link ? { link: story.link } : {}),
  };
}

/** A stable note variant per (story, interview), so a note reads the same in the alert, the digest and on Today. */
export function noteVariant(storyId: string, interviewId: string): number {
  let h = 0;
  for (const ch of `${storyId}:${interviewId}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}
