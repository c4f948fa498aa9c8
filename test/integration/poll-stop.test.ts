/**
 * A poll that stops in time (issue 16 item 4): near its deadline (a Lambda's remaining time, a
 * SIGTERM) it starts no new company and gives back the hour's batches it did not get to, so the
 * next cycle — or the queue's redelivery — polls them at once instead of after the hour.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCompanySources } from '../../functions/app/poll/company-sources.js';
import { POLL_STOP_RESERVE_MS } from '../../functions/app/poll/cycle.js';
import { runPollCycle, type PollDeps } from '../../functions/app/poll/poll-cycle.js';
import { slotName, slotOf } from '../../functions/domain/news-watch/poll-schedule.js';
import { countingPollDeps, startNewsFeedServer, type NewsFeedServer } from '../support/news-watch.js';
import { newStoredInterview, newSubscriber, newWatchedCompany } from '../support/records.js';
import { createTestStack, mailTo, type TestStack } from '../support/stack.js';

let server: NewsFeedServer;
let stack: TestStack;
let deps: PollDeps;
const T0 = new Date('2026-11-04T10:00:00.000Z');
const name = `Stopping Co ${randomUUID().slice(0, 8)}`;
let email: string;

beforeAll(async () => {
  server = await startNewsFeedServer();
  stack = await createTestStack({ AFTERVIEW_ALLOW_HOSTS: '127.0.0.1', AFTERVIEW_NEWS_BASE_URL: 'http://placeholder.invalid' });
  stack.config.newsBaseUrl = server.base;
  ({ deps } = countingPollDeps(stack));
  server.feeds.set(`"${name}"`, [{ title: `${name} wins 2026 Innovation Award`, publisher: 'Reuters', publishedAt: '2026-11-04T08:00:00Z' }]);
  const sub = newSubscriber({ email: `stop-${randomUUID().slice(0, 8)}@example.test` });
  email = sub.email;
  await stack.repos.subscribers.save(sub);
  const company = await syncCompanySources(stack, newWatchedCompany(sub.id, name), T0);
  await stack.repos.companies.put(company);
  await stack.repos.interviews.put(newStoredInterview(company));
});
afterAll(() => server.close());

describe('a poll near its deadline', () => {
  it('starts no company, says so, and gives back the batch it held; the next cycle in the same hour polls it and alerts', async () => {
    const stopping = await runPollCycle(deps, T0, { remainingMs: () => POLL_STOP_RESERVE_MS - 1 });
    expect(stopping).toMatchObject({ sourcesDue: 1, requests: 0, notReached: 1, stopped: 'deadline', alertsSent: 0 });
    expect(server.hitsFor(`"${name}"`)).toBe(0);
    // Neither done nor held: free for the next cycle now, not only after the hour.
    const plan = await stack.repos.pollPlans.get(slotName(slotOf(T0)));
    expect(plan).toMatchObject({ done: {}, leases: {} });

    const next = await runPollCycle(deps, new Date(T0.getTime() + 5 * 60_000));
    expect(next).toMatchObject({ requests: 1, fetched: 1, notReached: 0, stopped: null, alertsSent: 1 });
    expect(await mailTo(stack.sesEndpoint, email)).toHaveLength(1);
  });
});
