/**
 * A second news search when the first keeps failing (issue 13): the company's Google-News-style
 * search answers 503 and 429; from its second failure in a row the fallback search (Bing-style,
 * same query) is put in use and read at once, its stories reach the company's watchers as the
 * search's would, and when the first search answers again the fallback stands down — with the
 * story both carried stored and alerted once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCompanySources } from '../../functions/app/poll/company-sources.js';
import { runPollCycle, type PollDeps } from '../../functions/app/poll/poll-cycle.js';
import type { WatchedCompany } from '../../functions/domain/company.js';
import { countingPollDeps, startNewsFeedServer, type NewsFeedServer } from '../support/news-watch.js';
import { newStoredInterview, newSubscriber, newWatchedCompany } from '../support/records.js';
import { createTestStack, mailTo, type TestStack } from '../support/stack.js';

const T0 = new Date('2026-11-04T10:00:00.000Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);
const tag = randomUUID().slice(0, 8);
const name = `Hooli ${tag}`;
const query = `"${name}"`;
const fallbackHits = () => server.hits.filter((h) => h.startsWith('/news/search')).length;
const searchHits = () => server.hits.filter((h) => h.startsWith('/rss/search')).length;

let server: NewsFeedServer;
let stack: TestStack;
let deps: PollDeps;
let company: WatchedCompany;
const email = `fallback-${tag}@example.com`;

beforeAll(async () => {
  server = await startNewsFeedServer();
  stack = await createTestStack({ AFTERVIEW_ALLOW_HOSTS: '127.0.0.1' });
  stack.config.newsBaseUrl = server.base;
  stack.config.fallbackNewsBaseUrl = server.base;
  ({ deps } = countingPollDeps(stack));
  server.refusing.set(query, 503);
  server.feeds.set(query, [{ title: `${name} wins national design award`, publisher: 'Reuters', publishedAt: '2026-11-04T09:30:00Z' }]);
  server.fallbackFeeds.set(query, [{ title: `${name} wins national design award`, publisher: 'Bloomberg', publishedAt: '2026-11-04T09:00:00Z', link: 'https://bloomberg.example/hooli-award' }]);
  const subscriber = newSubscriber({ email });
  await stack.repos.subscribers.save(subscriber);
  company = await syncCompanySources(stack, newWatchedCompany(subscriber.id, name, { createdAt: T0.toISOString(), updatedAt: T0.toISOString() }), T0);
  await stack.repos.companies.put(company);
  await stack.repos.interviews.put(newStoredInterview(company));
});
afterAll(() => server.close());

const search = async () => (await stack.repos.sources.get(company.sourceIds[0]!))!;

describe('the fallback news search', () => {
  it('is not used after one failure', async () => {
    const summary = await runPollCycle(deps, T0);
    expect(summary).toMatchObject({ requests: 1, throttled: 1 });
    expect(fallbackHits()).toBe(0);
    expect((await search()).fallbackInUse).toBeUndefined();
  });

  let fallbackId = '';

  it('is put in use and read at once when the search fails again (429); its story reaches the watcher as the search’s', async () => {
    server.refusing.set(query, 429);
    const summary = await runPollCycle(deps, new Date((Date.parse((await search()).nextAttemptAt))));
    expect(summary).toMatchObject({ requests: 2, throttled: 1, fetched: 1, newStories: 1, alertsSent: 1 });
    expect(fallbackHits()).toBe(1);

    const primary = await search();
    fallbackId = primary.fallbackInUse!;
    const fallback = (await stack.repos.sources.get(fallbackId))!;
    expect(fallback).toMatchObject({ kind: 'news-search-fallback', fallbackFor: primary.id, disabled: false, consecutiveFailures: 0 });
    expect(fallback.url).toBe(`${server.base}/news/search?q=${encodeURIComponent(query)}&format=rss`);

    const [story] = await stack.repos.news.listSince(company.key, new Date(0));
    expect(story!.sourceIds).toEqual([primary.id]);
    const [alert, ...more] = await mailTo(stack.sesEndpoint, email);
    expect(more).toHaveLength(0);
    expect(alert!.body.text).toContain('Reported by Bloomberg');
  });

  it('keeps being read while the search backs off', async () => {
    const before = { fallback: fallbackHits(), search: searchHits() };
    const at = new Date(Date.parse((await search()).nextAttemptAt) - 30 * 60_000);
    await runPollCycle(deps, at);
    expect(fallbackHits() - before.fallback).toBe(1);
    expect(searchHits() - before.search).toBe(0);
  });

  it('stands down when the search answers again; the story both carried stays one story, alerted once', async () => {
    server.refusing.delete(query);
    const summary = await runPollCycle(deps, new Date(Date.parse((await search()).nextAttemptAt)));
    expect(summary).toMatchObject({ fetched: 1, newStories: 0, alertsSent: 0 });
    const primary = await search();
    expect(primary.consecutiveFailures).toBe(0);
    expect(primary.failingSince).toBeUndefined();
    expect(primary.fallbackInUse).toBeUndefined();
    expect(await stack.repos.sources.get(fallbackId)).toMatchObject({ disabled: true, disabledReason: 'primary-recovered' });

    const asked = fallbackHits();
    for (let h = 6; h < 10; h++) await runPollCycle(deps, hours(h));
    expect(fallbackHits()).toBe(asked);
    expect(await stack.repos.news.listSince(company.key, new Date(0))).toHaveLength(1);
    expect(await mailTo(stack.sesEndpoint, email)).toHaveLength(1);
  });
});
