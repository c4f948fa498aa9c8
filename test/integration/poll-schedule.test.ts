/**
 * Polling that costs less as it grows (issue 13): each feed is asked as often as it publishes —
 * active ones every hour, quiet ones every few hours, a new one at once — and an hour in which
 * every feed answers 304 writes at most one item per ten feeds (the hour's batch leases), also with
 * two cycles running at once, each feed asked once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCompanySources } from '../../functions/app/poll/company-sources.js';
import { runPollCycle, type PollDeps } from '../../functions/app/poll/poll-cycle.js';
import { countingPollDeps, startNewsFeedServer, type NewsFeedServer } from '../support/news-watch.js';
import { newSubscriber, newWatchedCompany } from '../support/records.js';
import { createTestStack, type TestStack } from '../support/stack.js';

const T0 = new Date('2026-11-04T10:00:00.000Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);
const tag = randomUUID().slice(0, 8);
const ACTIVE = 36;
const QUIET = 12;
const active = Array.from({ length: ACTIVE }, (_, i) => `Active ${i} ${tag}`);
const quiet = Array.from({ length: QUIET }, (_, i) => `Quiet ${i} ${tag}`);
const queryOf = (name: string) => `"${name}"`;

let server: NewsFeedServer;
let stack: TestStack;
let deps: PollDeps;

const hitsOf = (names: readonly string[]) => names.reduce((n, name) => n + server.hitsFor(queryOf(name)), 0);

beforeAll(async () => {
  server = await startNewsFeedServer({ delayMs: 20 });
  stack = await createTestStack({ AFTERVIEW_ALLOW_HOSTS: '127.0.0.1', AFTERVIEW_NEWS_BASE_URL: 'http://placeholder.invalid' });
  stack.config.newsBaseUrl = server.base;
  ({ deps } = countingPollDeps(stack));
  // Active: news this morning. Quiet: the newest story is five days old, two a week before that.
  for (const name of active) server.feeds.set(queryOf(name), [{ title: `${name} opens an office`, publisher: 'AP', publishedAt: '2026-11-04T07:00:00Z' }]);
  for (const name of quiet) {
    server.feeds.set(queryOf(name), [
      { title: `${name} names a new CFO`, publisher: 'AP', publishedAt: '2026-10-30T07:00:00Z' },
      { title: `${name} reports results`, publisher: 'AP', publishedAt: '2026-10-27T07:00:00Z' },
    ]);
  }
  const reader = newSubscriber({ email: `schedule-${tag}@example.com`, alerts: 'digest' });
  await stack.repos.subscribers.save(reader);
  for (const name of [...active, ...quiet]) {
    await stack.repos.companies.put(await syncCompanySources(stack, newWatchedCompany(reader.id, name, { createdAt: T0.toISOString(), updatedAt: T0.toISOString() }), T0));
  }
});
afterAll(() => server.close());

describe('the poll schedule', () => {
  it('asks every new feed at once', async () => {
    server.hits.length = 0;
    const first = await runPollCycle(deps, T0);
    expect(first).toMatchObject({ sourcesDue: ACTIVE + QUIET, requests: ACTIVE + QUIET, fetched: ACTIVE + QUIET });
    expect(hitsOf([...active, ...quiet])).toBe(ACTIVE + QUIET);
  });

  it('asks active feeds the next hour; an hour of 304s writes at most one item per ten feeds', async () => {
    server.hits.length = 0;
    const unchanged = await runPollCycle(deps, hours(1));
    expect(hitsOf(active)).toBe(ACTIVE);
    expect(unchanged.notModified).toBe(unchanged.requests);
    expect(unchanged.requests).toBeGreaterThanOrEqual(ACTIVE);
    expect(unchanged.tableWrites).toBeLessThanOrEqual(Math.floor(unchanged.requests / 10));
    expect(unchanged.tableWritesBy).toMatchObject({ feedStates: 0, stories: 0, alerts: 0 });
  });

  it('with two cycles at once, asks each due feed once in total and still writes at most one item per ten feeds', async () => {
    server.hits.length = 0;
    const [a, b] = await Promise.all([runPollCycle(deps, hours(2)), runPollCycle(deps, hours(2))]);
    expect(hitsOf(active)).toBe(ACTIVE);
    expect(a.requests + b.requests).toBe(hitsOf([...active, ...quiet]));
    expect(a.leasedElsewhere + b.leasedElsewhere).toBe(a.sourcesDue + b.sourcesDue - (a.requests + b.requests));
    expect(a.tableWrites + b.tableWrites).toBeLessThanOrEqual(Math.floor((a.requests + b.requests) / 10) + 1);
  });

  it('asks quiet feeds a few times a day and active ones every hour', async () => {
    server.hits.length = 0;
    for (let h = 3; h < 27; h++) {
      // Active feeds keep publishing, a story every six hours.
      if (h % 6 === 0) for (const name of active) server.feeds.get(queryOf(name))!.push({ title: `${name} update ${h}`, publisher: 'AP', publishedAt: hours(h - 1).toISOString() });
      await runPollCycle(deps, hours(h));
    }
    for (const name of active) expect(server.hitsFor(queryOf(name))).toBe(24);
    for (const name of quiet) {
      const asked = server.hitsFor(queryOf(name));
      expect(asked).toBeGreaterThanOrEqual(2);
      expect(asked).toBeLessThanOrEqual(12);
    }
  });
});
