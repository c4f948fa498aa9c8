/**
 * Bounded work per feed (issue 11): a subscriber adds a 20,000-item feed of about 3 MB (under the
 * fetcher's 5 MB cap). The cycle reads only its newest 200 items, stores at most that many
 * stories, and every other company in the same cycle is polled and alerted as usual. How long it
 * takes is a benchmark's business (`npm run bench:poll -- --big-feed`), not a test's.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCompanySources } from '../../functions/app/poll/company-sources.js';
import { runPollCycle, type PollDeps } from '../../functions/app/poll/poll-cycle.js';
import { FEED_MAX_ITEMS } from '../../functions/domain/feed/limits.js';
import { companyKey } from '../../functions/domain/company.js';
import { countingPollDeps, startNewsFeedServer, type FeedEntry, type NewsFeedServer } from '../support/news-watch.js';
import { newStoredInterview, newSubscriber, newWatchedCompany } from '../support/records.js';
import { createTestStack, mailTo, type TestStack } from '../support/stack.js';

const T0 = new Date('2026-11-04T10:00:00.000Z');
const tag = randomUUID().slice(0, 8);
const spammed = `Acme Robotics ${tag}`;
const other = `Globex ${tag}`;

let server: NewsFeedServer;
let stack: TestStack;
let deps: PollDeps;
let storyWrites: { count: number };

beforeAll(async () => {
  server = await startNewsFeedServer();
  stack = await createTestStack({ AFTERVIEW_ALLOW_HOSTS: '127.0.0.1', AFTERVIEW_NEWS_BASE_URL: 'http://placeholder.invalid' });
  stack.config.newsBaseUrl = server.base;
  ({ deps, storyWrites } = countingPollDeps(stack));

  // Newest first, one a minute: the newest 200 cover the last 200 minutes.
  const flood: FeedEntry[] = Array.from({ length: 20_000 }, (_, i) => ({
    title: `${spammed} update ${i} on widget ${i % 97}`,
    publisher: '',
    publishedAt: new Date(T0.getTime() - (i + 1) * 60_000).toISOString(),
    link: `https://spam.example/${i}`,
  }));
  server.custom.set('flood', flood);
  server.feeds.set(`"${spammed}"`, []);
  server.feeds.set(`"${other}"`, [{ title: `${other} wins $2bn defence contract`, publisher: 'Bloomberg', publishedAt: '2026-11-04T09:00:00Z' }]);

  const mallory = newSubscriber({ email: `mallory-${tag}@example.com`, alerts: 'digest' });
  const ana = newSubscriber({ email: `ana-${tag}@example.com` });
  for (const s of [mallory, ana]) await stack.repos.subscribers.save(s);
  const at = { createdAt: T0.toISOString(), updatedAt: T0.toISOString() };
  await stack.repos.companies.put(await syncCompanySources(stack, newWatchedCompany(mallory.id, spammed, { ...at, feeds: [server.customUrl('flood')] }), T0));
  const globex = await syncCompanySources(stack, newWatchedCompany(ana.id, other, at), T0);
  await stack.repos.companies.put(globex);
  await stack.repos.interviews.put(newStoredInterview(globex, {}, at));
});
afterAll(() => server.close());

describe('a 20,000-item feed in the cycle', () => {
  it('is about 3 MB, under the fetcher’s cap', async () => {
    const res = await fetch(server.customUrl('flood'));
    const bytes = (await res.arrayBuffer()).byteLength;
    expect(bytes).toBeGreaterThan(2.5 * 1024 * 1024);
    expect(bytes).toBeLessThan(5 * 1024 * 1024);
  });

  it('reads only its newest 200 items, and the rest of the cycle goes on as usual', async () => {
    const summary = await runPollCycle(deps, T0);
    expect(summary).toMatchObject({ requests: 3, fetched: 3, failures: 0, companiesFailed: 0 });
    // 200 from the flood, one from Globex.
    expect(summary.itemsSeen).toBe(FEED_MAX_ITEMS + 1);

    const kept = await stack.repos.news.listSince(companyKey(spammed), new Date(0), 1_000);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThanOrEqual(FEED_MAX_ITEMS);
    const oldest = Math.min(...kept.map((s) => Date.parse(s.publishedAt!)));
    expect(oldest).toBeGreaterThanOrEqual(T0.getTime() - FEED_MAX_ITEMS * 60_000);
    expect(storyWrites.count).toBe(kept.length + 1);

    const [alert] = await mailTo(stack.sesEndpoint, `ana-${tag}@example.com`);
    expect(alert?.subject).toContain(other);
  });
});
