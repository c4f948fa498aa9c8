/**
 * The last day's good news about a subscriber's watched companies (DESIGN.md §2): the digest job
 * puts it in the daily email and the web app's Today page shows it, from this one place.
 *
 * Only stories one of the subscriber's own sources carried, each as that source told it
 * (DESIGN.md §2 "Provenance"): what the subscriber sees, and whether it is good news, never comes
 * from a feed someone else added.
 *
 * A note is offered only where a congratulations is allowed now (R6, R8) and the story is fresh.
 * Otherwise the story is shown without one, saying why — or, when the subscriber already got the
 * note in an instant alert for this very story, saying so instead; or, when the story is the one
 * folded into a thank-you that is still due (./thank-you-news.ts), pointing at that thank-you.
 * Stories the subscriber marked "not relevant" are left out (./not-relevant.ts).
 */
import type { GoodNewsItem, NoNoteReason } from '../../domain/digest/index.js';
import type { WatchedCompany } from '../../domain/company.js';
import type { StoredInterview } from '../../domain/interview.js';
import { congratulationsAllowed, type CongratsVerdict } from '../../domain/news-watch/congratulations-allowed.js';
import { isStale } from '../../domain/news-watch/freshness.js';
import { storySeenBy } from '../../domain/news-watch/provenance.js';
import { isAboutCompany } from '../../domain/news-watch/relevance.js';
import type { Story } from '../../domain/news.js';
import { writeCongratulations } from '../../domain/notes/congratulations.js';
import { newsOfStory, noteVariant } from '../../domain/notes/story-news.js';
import type { ClaimRepository, NewsRepository } from '../ports.js';
import { DAY_MS } from '../../domain/durations.js';
import type { NotRelevant } from './not-relevant.js';

/** Stories read per company and set of sources: a day's news about one company rarely comes near this. */
const STORIES_PER_COMPANY = 20;

/** What the use case reads: the news store and the alert claims. */
export interface RecentGoodNewsDeps {
  repos: {
    news: Pick<NewsRepository, 'listSince'>;
    claims: Pick<ClaimRepository, 'alertSentAt'>;
  };
}

/**
 * A company's stories from the last day that came through any of the given sources (a subscriber's),
 * read once per cycle however many subscribers watch the company through the same sources.
 */
export type RecentNews = (company: Pick<WatchedCompany, 'key' | 'sourceIds'>) => Promise<Story[]>;

/**
 * A per-cycle cache of the last day's stories before `now`: the digest job makes one per run so a
 * company watched by many subscribers is read once; a single page view can use a fresh one. The
 * read is narrowed to the subscriber's sources, so another subscriber's busy feed can never crowd
 * their stories out of it.
 */
export function recentNews(deps: { repos: Pick<RecentGoodNewsDeps['repos'], 'news'> }, now: Date): RecentNews {
  const since = new Date(now.getTime() - DAY_MS);
  const cache = new Map<string, Promise<Story[]>>();
  return ({ key, sourceIds }) => {
    const sources = [...new Set(sourceIds)].sort();
    const cacheKey = `${key}\n${sources.join(',')}`;
    let stories = cache.get(cacheKey);
    if (!stories) {
      stories = sources.length === 0 ? Promise.resolve([]) : deps.repos.news.listSince(key, since, STORIES_PER_COMPANY, { sourceIds: sources });
      cache.set(cacheKey, stories);
    }
    return stories;
  };
}

/** One subscriber's watched companies and interviews, and the stories they marked not relevant. */
export interface GoodNewsScope {
  subscriberId: string;
  companies: WatchedCompany[];
  interviews: StoredInterview[];
  /** The marks, or how to read them: read only when some story is there to check. */
  notRelevant: NotRelevant | (() => Promise<NotRelevant>);
}

/** The story each interview's thank-you carries, by interview id (see ./thank-you-news.ts). */
export type ThankYouNewsByInterview = ReadonlyMap<string, Pick<Story, 'id'>>;

/**
 * The last day's positive stories about the subscriber's companies, by the subscriber's own names
 * and exclusions, each with the note to offer or the reason there is none. `inThankYou` names the
 * stories folded into thank-you notes still due.
 */
export async function recentGoodNews(
  deps: RecentGoodNewsDeps,
  scope: GoodNewsScope,
  now: Date,
  news: RecentNews = recentNews(deps, now),
  inThankYou: ThankYouNewsByInterview = new Map(),
): Promise<GoodNewsItem[]> {
  const read = await Promise.all(scope.companies.map(async (company) => ({ company, stories: await news(company) })));
  // Most days bring no stories: then the subscriber's "not relevant" marks are not read at all.
  if (read.every((r) => r.stories.length === 0)) return [];
  const notRelevant = typeof scope.notRelevant === 'function' ? await scope.notRelevant() : scope.notRelevant;
  const perCompany = await Promise.all(
    read.map(async ({ company, stories: all }) => {
      const stories = all
        .filter((s) => !notRelevant.has(s))
        .map((s) => storySeenBy(s, company.sourceIds))
        .filter((s): s is Story => s !== null)
        .filter((s) => s.classification?.congratulate === true)
        .filter((s) => isAboutCompany(s, { name: company.name, aliases: company.aliases, exclude: company.exclude }));
      return Promise.all(stories.map((story) => goodNewsItem(deps, scope, company, story, now, inThankYou)));
    }),
  );
  return perCompany.flat();
}

async function goodNewsItem(
  deps: RecentGoodNewsDeps,
  scope: GoodNewsScope,
  company: WatchedCompany,
  story: Story,
  now: Date,
  inThankYou: ThankYouNewsByInterview,
): Promise<GoodNewsItem> {
  const withCompany = scope.interviews.filter((i) => i.companyId === company.id);
  const thankYous = withCompany.filter((i) => inThankYou.get(i.id)?.id === story.id).map((i) => i.id);
  // An alert only ever goes out about an interview, so without one there is nothing to look up.
  const alertSentAt = withCompany.length > 0 ? await deps.repos.claims.alertSentAt(scope.subscriberId, company.key, story.id) : null;
  const stale = isStale(story.publishedAt, now);
  const verdicts = withCompany.map((interview) => ({ interview, verdict: congratulationsAllowed(interview, now) }));
  const allowed = alertSentAt || stale ? [] : verdicts.filter((v) => v.verdict.allowed).map((v) => v.interview);
  const target = allowed[0];
  // Folded into a thank-you, the story needs no reason: the item points at that thank-you instead.
  const noNoteReason: NoNoteReason | undefined = target || alertSentAt || thankYous.length > 0
    ? undefined
    : withCompany.length === 0
      ? 'no-interview'
      : stale
        ? 'old-news'
        : mostTelling(verdicts.map((v) => reasonOf(v.verdict)));
  return {
    companyId: company.id,
    companyName: company.name,
    storyId: story.id,
    title: story.title,
    publisher: story.publisher,
    link: story.link,
    publishedAt: story.publishedAt,
    event: story.classification?.event ?? null,
    congratulate: true,
    interviewIds: (target ? allowed : withCompany).map((i) => i.id),
    forInformationOnly: !target,
    ...(noNoteReason ? { noNoteReason } : {}),
    ...(alertSentAt ? { noteAlreadySentAt: alertSentAt } : {}),
    ...(thankYous.length > 0 ? { inThankYouOf: thankYous } : {}),
    // The subscriber's copy, with the variant the alert uses: the same note as the alert's.
    note: target ? writeCongratulations(newsOfStory(story), target, { variant: noteVariant(story.id, target.id) }) : undefined,
  };
}

/** With several interviews at the company, the reason about the liveliest one says most. */
const REASON_ORDER: NoNoteReason[] = ['thank-you-first', 'too-soon', 'no-contact', 'moved-on', 'closed'];

function mostTelling(reasons: Array<NoNoteReason | undefined>): NoNoteReason | undefined {
  return REASON_ORDER.find((r) => reasons.includes(r));
}

/** The product's reason for no note, from the verdict's block. */
function reasonOf(verdict: CongratsVerdict): NoNoteReason | undefined {
  return verdict.allowed ? undefined : verdict.block;
}
