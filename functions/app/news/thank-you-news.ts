/**
 * Good news while the thank-you is still due (DESIGN.md R8 with R1): instead of a separate
 * congratulations note, the thank-you draft carries one sentence about the news. This module
 * chooses that story, the same way for the digest, the Today page and GET /v1/plan, so all three
 * offer the same thank-you.
 *
 * The story must be good news as this subscriber sees it — their own source's copy, congratulated
 * on its own words (DESIGN.md §2 "Provenance": another subscriber's feed never decides it) —
 * fresh and dated, about the company by the subscriber's names and exclusions, not marked "not
 * relevant" by them, and first seen after the interview began. The newest such story wins.
 */
import type { WatchedCompany } from '../../domain/company.js';
import { DAY_MS } from '../../domain/durations.js';
import { planFollowUps } from '../../domain/follow-up/index.js';
import type { FollowUpPlan, StoredInterview } from '../../domain/interview.js';
import { congratulationsAllowed } from '../../domain/news-watch/congratulations-allowed.js';
import { isStale, STALE_AFTER_DAYS } from '../../domain/news-watch/freshness.js';
import { storySeenBy } from '../../domain/news-watch/provenance.js';
import { isAboutCompany } from '../../domain/news-watch/relevance.js';
import type { Story } from '../../domain/news.js';
import { newsOfStory } from '../../domain/notes/story-news.js';
import type { NewsRepository } from '../ports.js';
import { NONE_MARKED, type NotRelevant } from './not-relevant.js';

/** Stories read per company: the newest since the interview, far more than a week's news about one company. */
const STORIES_READ = 20;

export interface ThankYouNewsDeps {
  repos: { news: Pick<NewsRepository, 'listSince'> };
}

/**
 * One subscriber's interviews and watched companies, and the stories they marked not relevant
 * (or how to read them, when some story is there to check).
 */
export interface ThankYouNewsScope {
  companies: readonly WatchedCompany[];
  interviews: readonly StoredInterview[];
  notRelevant?: NotRelevant | (() => Promise<NotRelevant>);
}

/** Whether the interview's thank-you is still due, with contact allowed: the only time news is folded in. */
export function thankYouStillDue(interview: StoredInterview, now: Date): boolean {
  const verdict = congratulationsAllowed(interview, now);
  return !verdict.allowed && verdict.block === 'thank-you-first';
}

/**
 * The story to fold into `interview`'s thank-you, from its company's stored `stories` (read through
 * the subscriber's sources), as this subscriber sees it; null when none qualifies.
 */
export function chooseThankYouStory(
  stories: readonly Story[],
  company: Pick<WatchedCompany, 'name' | 'aliases' | 'exclude' | 'sourceIds'>,
  interview: Pick<StoredInterview, 'interviewedAt'>,
  now: Date,
  notRelevant: NotRelevant = NONE_MARKED,
): Story | null {
  const began = Date.parse(interview.interviewedAt);
  const candidates = stories
    .filter((s) => !notRelevant.has(s))
    .map((s) => storySeenBy(s, company.sourceIds))
    .filter((s): s is Story => s !== null)
    .filter((s) => s.classification?.congratulate === true && !isStale(s.publishedAt, now))
    .filter((s) => {
      const seen = Date.parse(s.firstSeenAt);
      return seen >= began && seen <= now.getTime();
    })
    .filter((s) => isAboutCompany(s, { name: company.name, aliases: company.aliases, exclude: company.exclude }));
  // Newest news first; then the latest seen, then the id, so every caller picks the same one.
  candidates.sort(
    (a, b) =>
      (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.firstSeenAt.localeCompare(a.firstSeenAt) || a.id.localeCompare(b.id),
  );
  return candidates[0] ?? null;
}

/**
 * The story each interview's thank-you should carry, by interview id: only interviews whose
 * thank-you is still due (contact allowed) and whose company the subscriber watches. One read per
 * such company, narrowed to the subscriber's sources.
 */
export async function chooseThankYouNews(deps: ThankYouNewsDeps, scope: ThankYouNewsScope, now: Date): Promise<Map<string, Story>> {
  const due = scope.interviews.filter((i) => thankYouStillDue(i, now));
  if (due.length === 0) return new Map();
  const byCompany = new Map<string, { company: WatchedCompany; interviews: StoredInterview[] }>();
  for (const interview of due) {
    const company = scope.companies.find((c) => c.id === interview.companyId);
    if (!company || company.sourceIds.length === 0) continue;
    const entry = byCompany.get(company.id) ?? { company, interviews: [] };
    entry.interviews.push(interview);
    byCompany.set(company.id, entry);
  }
  const read = await Promise.all(
    [...byCompany.values()].map(async ({ company, interviews }) => {
      // From the earliest interview on, but never further back than news can still be fresh.
      const earliest = Math.min(...interviews.map((i) => Date.parse(i.interviewedAt)));
      const since = new Date(Math.max(earliest, now.getTime() - STALE_AFTER_DAYS * DAY_MS));
      return { company, interviews, stories: await deps.repos.news.listSince(company.key, since, STORIES_READ, { sourceIds: company.sourceIds }) };
    }),
  );
  const chosen = new Map<string, Story>();
  if (read.every((r) => r.stories.length === 0)) return chosen;
  const notRelevant = typeof scope.notRelevant === 'function' ? await scope.notRelevant() : scope.notRelevant;
  for (const { company, interviews, stories } of read) {
    for (const interview of interviews) {
      const story = chooseThankYouStory(stories, company, interview, now, notRelevant);
      if (story) chosen.set(interview.id, story);
    }
  }
  return chosen;
}

/** An interview's plan, and the story its thank-you carries (null when none is folded in). */
export interface PlannedInterview {
  interview: StoredInterview;
  plan: FollowUpPlan;
  thankYouNews: Story | null;
}

/**
 * The interview's plan with `story` folded into its thank-you. `thankYouNews` is null when the
 * draft could not take the sentence (planFollowUps leaves it out rather than make the note too long).
 */
export function planWithNews(interview: StoredInterview, now: Date, story: Story | null | undefined): PlannedInterview {
  const plain = planFollowUps(interview, now);
  if (!story) return { interview, plan: plain, thankYouNews: null };
  const plan = planFollowUps(interview, now, { news: newsOfStory(story) });
  const draftOf = (p: FollowUpPlan) => p.actions.find((a) => a.type === 'send-thank-you')?.draft?.body;
  return draftOf(plan) !== undefined && draftOf(plan) !== draftOf(plain)
    ? { interview, plan, thankYouNews: story }
    : { interview, plan: plain, thankYouNews: null };
}

/** Every interview's plan, each thank-you with its news folded in (what the digest, Today and the plan show). */
export async function planInterviewsWithNews(deps: ThankYouNewsDeps, scope: ThankYouNewsScope, now: Date): Promise<PlannedInterview[]> {
  const chosen = await chooseThankYouNews(deps, scope, now);
  return scope.interviews.map((interview) => planWithNews(interview, now, chosen.get(interview.id)));
}

/** The story each planned thank-you carries, by interview id: what the good-news entries point at. */
export function foldedNews(planned: readonly PlannedInterview[]): Map<string, Story> {
  return new Map(planned.flatMap((p) => (p.thankYouNews ? [[p.interview.id, p.thankYouNews] as const] : [])));
}
