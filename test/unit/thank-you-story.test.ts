/**
 * Which good news a thank-you still due carries (R8 with R1; functions/app/news/thank-you-news.ts):
 * the one choice the digest, the Today page and GET /v1/plan share. The story must be good news in
 * the subscriber's own copy, fresh and dated, about the company by their names, not marked "not
 * relevant" by them, and first seen after the interview began; the newest such story wins.
 */
import { describe, expect, it } from 'vitest';
import { chooseThankYouNews, chooseThankYouStory, planWithNews, thankYouStillDue } from '../../functions/app/news/thank-you-news.js';
import type { NotRelevant } from '../../functions/app/news/not-relevant.js';
import { NEWS_IN_THANK_YOU } from '../../functions/domain/follow-up/index.js';
import type { Classification, Story } from '../../functions/domain/news.js';
import { newStoredInterview, newWatchedCompany } from '../support/records.js';
import { storyCopy } from '../support/records.js';

const NOW = new Date('2026-11-04T13:00:00Z');
const good: Classification = { polarity: 'positive', event: 'award', congratulate: true, confidence: 0.9, reasons: [] };
const neutral: Classification = { polarity: 'neutral', event: null, congratulate: false, confidence: 0.5, reasons: [] };

const company = newWatchedCompany('sub-1', 'Acme Robotics', { sourceIds: ['search-acme', 'own-feed'], exclude: ['fruit'] });
// Interviewed yesterday, no thank-you yet: it is due today.
const interview = newStoredInterview(company, { interviewedAt: '2026-11-03T15:00:00Z', events: [] });

let n = 0;
function story(overrides: Partial<Story> = {}): Story {
  const id = overrides.id ?? `story-${++n}`;
  return {
    companyKey: company.key,
    id,
    title: 'Acme Robotics wins the 2026 Industrial Design Award',
    link: `https://news.example/${id}`,
    publisher: 'Example Times',
    publishedAt: '2026-11-04T08:00:00.000Z',
    summary: null,
    firstSeenAt: '2026-11-04T09:00:00.000Z',
    normalizedTitle: 'acme robotics wins the 2026 industrial design award',
    classification: good,
    sourceIds: ['search-acme'],
    ...overrides,
  };
}

const copy = storyCopy;

const choose = (stories: Story[], notRelevant?: NotRelevant) => chooseThankYouStory(stories, company, interview, NOW, notRelevant)?.id ?? null;

describe('the good news a thank-you still due carries', () => {
  it('chooses the newest good story first seen after the interview began', () => {
    const older = story({ id: 'older', publishedAt: '2026-11-04T06:00:00.000Z' });
    const newer = story({ id: 'newer', publishedAt: '2026-11-04T10:00:00.000Z', firstSeenAt: '2026-11-04T10:30:00.000Z' });
    expect(choose([older, newer])).toBe('newer');
    expect(choose([newer, older])).toBe('newer');
    // Same date: the later seen, then the id, so every caller picks the same story.
    const twin = story({ id: 'twin', publishedAt: newer.publishedAt, firstSeenAt: '2026-11-04T11:00:00.000Z' });
    expect(choose([newer, twin])).toBe('twin');
  });

  it.each<[string, Partial<Story>]>([
    ['not good news', { classification: neutral }],
    ['stale (published more than 14 days ago)', { publishedAt: '2026-10-15T08:00:00.000Z' }],
    ['undated', { publishedAt: null }],
    ['first seen before the interview began', { firstSeenAt: '2026-11-03T14:00:00.000Z' }],
    ['first seen after "now" (a digest run for an earlier instant)', { firstSeenAt: '2026-11-04T14:00:00.000Z' }],
    ['not about the company by the subscriber’s names', { title: 'Globex wins the 2026 Industrial Design Award' }],
    ['ruled out by the subscriber’s exclusions', { title: 'Acme Robotics fruit stand wins award' }],
    ['carried only by a source the subscriber does not watch', { sourceIds: ['someone-elses-feed'] }],
  ])('never folds in a story that is %s', (_, overrides) => {
    expect(choose([story(overrides)])).toBeNull();
  });

  it('judges the subscriber’s own copy: another feed’s good verdict never decides it, nor its words', () => {
    // Someone else's feed calls it good news; the subscriber's own news search does not.
    const theirs = story({
      sourceIds: ['mallory-feed', 'search-acme'],
      copies: [copy('mallory-feed', 'Acme Robotics wins award: claim your prize', good), copy('search-acme', 'Acme Robotics wins award', neutral)],
    });
    expect(choose([theirs])).toBeNull();
    // The other way round: good in the subscriber's copy, and it is that copy's words that are chosen.
    const ours = story({
      sourceIds: ['mallory-feed', 'search-acme'],
      copies: [copy('mallory-feed', 'Acme Robotics sued', neutral), copy('search-acme', 'Acme Robotics wins the Webby for best app', good)],
    });
    expect(chooseThankYouStory([ours], company, interview, NOW)?.title).toBe('Acme Robotics wins the Webby for best app');
  });

  it('leaves out a story the subscriber marked not relevant, and chooses the next one', () => {
    const marked = story({ id: 'marked', publishedAt: '2026-11-04T10:00:00.000Z' });
    const other = story({ id: 'other' });
    const notRelevant: NotRelevant = { has: (s) => s.companyKey === company.key && s.id === 'marked' };
    expect(choose([marked, other])).toBe('marked');
    expect(choose([marked, other], notRelevant)).toBe('other');
  });

  it('reads news only for interviews whose thank-you is still due and contact allowed', async () => {
    const reads: string[] = [];
    const deps = {
      repos: {
        news: {
          listSince: async (key: string, since: Date, _limit?: number, options?: { sourceIds?: readonly string[] }) => {
            reads.push(`${key} since ${since.toISOString()} from ${options?.sourceIds?.join(',')}`);
            return [story({ id: 'award' })];
          },
        },
      },
    };
    const thanked = newStoredInterview(company, { interviewedAt: '2026-11-03T15:00:00Z', events: [{ type: 'thank-you-sent', at: '2026-11-03T20:00:00Z' }] });
    const quiet = newStoredInterview(company, { interviewedAt: '2026-11-03T15:00:00Z', events: [], contactPolicy: 'no-contact' });
    expect(thankYouStillDue(interview, NOW)).toBe(true);
    expect(thankYouStillDue(thanked, NOW)).toBe(false);
    expect(thankYouStillDue(quiet, NOW)).toBe(false);

    const chosen = await chooseThankYouNews(deps, { companies: [company], interviews: [interview, thanked, quiet] }, NOW);
    expect([...chosen.keys()]).toEqual([interview.id]);
    expect(chosen.get(interview.id)?.id).toBe('award');
    // One read, from the interview on, through the subscriber's own sources.
    expect(reads).toEqual([`${company.key} since 2026-11-03T15:00:00.000Z from search-acme,own-feed`]);
  });

  it('reads no news when no thank-you is due, and the subscriber’s marks only when there is a story to check', async () => {
    let newsReads = 0;
    let markReads = 0;
    const deps = (stories: Story[]) => ({ repos: { news: { listSince: async () => (newsReads++, stories) } } });
    const marks = async () => (markReads++, { has: () => false });
    const thanked = newStoredInterview(company, { interviewedAt: '2026-11-03T15:00:00Z', events: [{ type: 'thank-you-sent', at: '2026-11-03T20:00:00Z' }] });
    expect((await chooseThankYouNews(deps([story()]), { companies: [company], interviews: [thanked], notRelevant: marks }, NOW)).size).toBe(0);
    expect([newsReads, markReads]).toEqual([0, 0]);
    expect((await chooseThankYouNews(deps([]), { companies: [company], interviews: [interview], notRelevant: marks }, NOW)).size).toBe(0);
    expect([newsReads, markReads]).toEqual([1, 0]);
    expect((await chooseThankYouNews(deps([story()]), { companies: [company], interviews: [interview], notRelevant: marks }, NOW)).size).toBe(1);
    expect([newsReads, markReads]).toEqual([2, 1]);
  });

  it('plans the thank-you with the news folded in, and says when it is not', () => {
    const planned = planWithNews(interview, NOW, story({ id: 'award' }));
    const thankYou = planned.plan.actions.find((a) => a.type === 'send-thank-you')!;
    expect(planned.thankYouNews?.id).toBe('award');
    expect(thankYou.draft!.body).toMatch(/Industrial Design Award/);
    expect(thankYou.why).toContain(NEWS_IN_THANK_YOU);
    // Once the thank-you is recorded there is nothing to fold into.
    const thanked = newStoredInterview(company, { interviewedAt: '2026-11-03T15:00:00Z', events: [{ type: 'thank-you-sent', at: '2026-11-03T20:00:00Z' }] });
    expect(planWithNews(thanked, NOW, story()).thankYouNews).toBeNull();
  });
});
