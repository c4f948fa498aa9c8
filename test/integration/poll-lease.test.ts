/**
 * The poll lease: concurrent cycles (scheduler retry, SQS redelivery, `poll --once` beside the
 * scheduler) never fetch the same feed twice, a crashed poller's lease runs out by itself, and the
 * repository's lease is won by exactly one of many concurrent attempts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCompanySources } from '../../functions/app/poll/company-sources.js';
import { planPolls, pollBatch, POLL_LEASE_MS, runPollCycle, type PollDeps } from '../../functions/app/poll/poll-cycle.js';
import { isBatchMessage } from '../../functions/app/poll/poll-message.js';
import { slotName, slotOf } from '../../functions/domain/news-watch/poll-schedule.js';
import type { Subscriber } from '../../functions/domain/subscriber.js';
import { countingPollDeps, startNewsFeedServer, type NewsFeedServer } from '../support/news-watch.js';
import { newStoredInterview, newSubscriber, newWatchedCompany } from '../support/records.js';
import { createTestStack, mailTo, type TestStack } from '../support/stack.js';

// A feed server slow enough that two cycles started together are both in flight at once.
let server: NewsFeedServer;
beforeAll(async () => {
  server = await startNewsFeedServer({ delayMs: 40 });
});
afterAll(() => server.close());

const T0 = new Date('2026-11-04T10:00:00.000Z');
const minutes = (m: number, from = T0) => new Date(from.getTime() + m * 60_000);
const tag = randomUUID().slice(0, 8);
const names = [`Acme Lease ${tag}`, `Globex Lease ${tag}`, `Initech Lease ${tag}`];
const queryOf = (name: string) => `"${name}"`;
const reuters = (title: string) => ({ title, publisher: 'Reuters', publishedAt: '2026-11-04T08:00:00Z' });

let stack: TestStack;
let deps: PollDeps;
let storyWrites: { count: number };
const subscribers: Subscriber[] = [];
const sourceIds: string[] = [];

const hitsTotal = () => names.reduce((n, name) => n + server.hitsFor(queryOf(name)), 0);

beforeAll(async () => {
  stack = await createTestStack({ AFTERVIEW_ALLOW_HOSTS: '127.0.0.1', AFTERVIEW_NEWS_BASE_URL: 'http://placeholder.invalid' });
  stack.config.newsBaseUrl = server.base;
  ({ deps, storyWrites } = countingPollDeps(stack));
  server.feeds.set(queryOf(names[0]!), [`${names[0]} wins 2026 Innovation Award`, `${names[0]} opens a plant in Ohio`].map(reuters));
  server.feeds.set(queryOf(names[1]!), [`${names[1]} wins a defence contract`].map(reuters));
  server.feeds.set(queryOf(names[2]!), [`${names[2]} reports quarterly results`].map(reuters));

  // Two instant subscribers watch every company, each with an interview there.
  for (const who of ['ana', 'ben']) {
    const at = { createdAt: T0.toISOString(), updatedAt: T0.toISOString() };
    const sub = newSubscriber({ email: `${who}-${tag}@example.com`, createdAt: T0.toISOString() });
    await stack.repos.subscribers.save(sub);
    subscribers.push(sub);
    for (const name of names) {
      const synced = await syncCompanySources(stack, newWatchedCompany(sub.id, name, at), T0);
      await stack.repos.companies.put(synced);
      for (const id of synced.sourceIds) if (!sourceIds.includes(id)) sourceIds.push(id);
      await stack.repos.interviews.put(newStoredInterview(synced, {}, at));
    }
  }
});

describe('poll lease', () => {
  it('two cycles started together fetch each feed once in total, store each story once, alert once', async () => {
    expect(sourceIds).toHaveLength(3);
    server.hits.length = 0;
    storyWrites.count = 0;
    const [a, b] = await Promise.all([runPollCycle(deps, T0), runPollCycle(deps, T0)]);
    for (const name of names) expect(server.hitsFor(queryOf(name))).toBe(1);
    expect(a.requests + b.requests).toBe(3);
    // Whatever one cycle saw due and did not fetch, the other one leased.
    expect(a.leasedElsewhere + b.leasedElsewhere).toBe(a.sourcesDue + b.sourcesDue - 3);
    expect(a.fetched + b.fetched).toBe(3);
    expect(a.newStories + b.newStories).toBe(4);
    expect(storyWrites.count).toBe(4);
    // two positive stories (Acme's award, Globex's contract) × two subscribers, one alert each
    expect(a.alertsSent + b.alertsSent).toBe(4);
    for (const sub of subscribers) {
      const mails = await mailTo(stack.sesEndpoint, sub.email);
      expect(mails).toHaveLength(2);
      expect(new Set(mails.map((m) => m.subject)).size).toBe(2);
    }
    // the winner saved each feed's schedule: healthy and active (news this morning), asked again next hour
    for (const id of sourceIds) {
      const state = (await stack.repos.sources.get(id))!;
      expect(state).toMatchObject({ intervalHours: 1, consecutiveFailures: 0 });
      expect(Date.parse(state.nextAttemptAt)).toBe(minutes(60).getTime());
    }
  });

  it('a redelivered batch handled twice at once: each feed is asked once, answered 304, nothing written', async () => {
    server.hits.length = 0;
    storyWrites.count = 0;
    const at = minutes(60);
    // The hour's planner puts the three healthy feeds in one batch message; SQS hands it out twice.
    const messages = (await planPolls(deps, at)).filter(isBatchMessage);
    expect(messages).toHaveLength(1);
    expect([...messages[0]!.sourceIds].sort()).toEqual([...sourceIds].sort());
    const { batch, sourceIds: ids } = messages[0]!;
    const [a, b] = await Promise.all([pollBatch(deps, batch, ids, at), pollBatch(deps, batch, ids, at)]);
    expect(hitsTotal()).toBe(3);
    expect(a.requests + b.requests).toBe(3);
    expect(a.notModified + b.notModified).toBe(3);
    // both loaded all three as due; each source was leased by exactly one of them
    expect(a.sourcesDue + b.sourcesDue).toBe(6);
    expect(a.leasedElsewhere + b.leasedElsewhere).toBe(3);
    expect(a.itemWrites + b.itemWrites + storyWrites.count).toBe(0);
    expect(a.alertsSent + b.alertsSent).toBe(0);
  });

  it('a single cycle: requests = unique due sources, none leased elsewhere', async () => {
    server.hits.length = 0;
    const summary = await runPollCycle(deps, minutes(120));
    expect(summary).toMatchObject({ sourcesDue: 3, requests: 3, leasedElsewhere: 0, notModified: 3, itemWrites: 0 });
    expect(hitsTotal()).toBe(3);
  });

  it("a crashed poller's batch: skipped while its hold lasts, then asked again by itself", async () => {
    const at = minutes(180);
    // A cycle took this hour's batch of the three healthy feeds, then died: nothing marks it done.
    const slot = slotName(slotOf(at));
    expect(await stack.repos.pollPlans.create(slot, 1, { indexes: [0], until: minutes(60, at) }, at)).not.toBeNull();

    server.hits.length = 0;
    const during = await runPollCycle(deps, minutes(20, at));
    expect(during).toMatchObject({ sourcesDue: 3, requests: 0, leasedElsewhere: 3 });
    expect(hitsTotal()).toBe(0);

    // The next hour's cycle finds the abandoned batch: the feeds are asked, once.
    const after = await runPollCycle(deps, minutes(65, at));
    expect(after).toMatchObject({ sourcesDue: 3, requests: 3, leasedElsewhere: 0, notModified: 3 });
    expect(hitsTotal()).toBe(3);
    // This hour's plan and its end; the abandoned batch's feeds were due now anyway: not taken over.
    expect(after.tableWrites).toBe(2);
  });

  it("a crashed poller's lease on a new feed runs out: the feed is skipped meanwhile, then due again by itself", async () => {
    const at = minutes(300);
    const name = `Umbrella Lease ${tag}`;
    server.feeds.set(queryOf(name), [`${name} opens a lab`].map(reuters));
    const company = await syncCompanySources(stack, newWatchedCompany(subscribers[0]!.id, name, { createdAt: at.toISOString(), updatedAt: at.toISOString() }), at);
    await stack.repos.companies.put(company);
    const crashed = company.sourceIds[0]!;
    const before = (await stack.repos.sources.get(crashed))!;
    // The poller that took this lease died before fetching or saving anything.
    expect(await stack.repos.sources.lease(crashed, before.nextAttemptAt, new Date(at.getTime() + POLL_LEASE_MS))).toBe(true);

    server.hits.length = 0;
    await runPollCycle(deps, minutes(1, at));
    expect(server.hitsFor(queryOf(name))).toBe(0);
    expect((await stack.repos.sources.listDue(minutes(4, at))).map((s) => s.id)).not.toContain(crashed);

    const after = await runPollCycle(deps, minutes(6, at));
    expect(after).toMatchObject({ sourcesDue: 1, requests: 1, leasedElsewhere: 0, fetched: 1 });
    expect(server.hitsFor(queryOf(name))).toBe(1);
    const state = (await stack.repos.sources.get(crashed))!;
    // healthy now: on its schedule, asked again in the next hour
    expect(Date.parse(state.nextAttemptAt)).toBe(minutes(60, at).getTime());
    expect(state.consecutiveFailures).toBe(0);
  });

  it('lease: of 10 concurrent attempts exactly one wins; a stale or disabled source is never leased', async () => {
    const id = sourceIds[1]!;
    const current = (await stack.repos.sources.get(id))!;
    const until = new Date(Date.parse(current.nextAttemptAt) + POLL_LEASE_MS);
    const results = await Promise.all(Array.from({ length: 10 }, () => stack.repos.sources.lease(id, current.nextAttemptAt, until)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const leased = (await stack.repos.sources.get(id))!;
    expect(leased.nextAttemptAt).toBe(until.toISOString());
    // the index entry moved with it
    expect((await stack.repos.sources.listDue(new Date(until.getTime() - 1))).map((s) => s.id)).not.toContain(id);
    expect((await stack.repos.sources.listDue(until)).map((s) => s.id)).toContain(id);
    // the old expectation is stale now
    expect(await stack.repos.sources.lease(id, current.nextAttemptAt, until)).toBe(false);
    // a disabled source stays off
    await stack.repos.sources.save({ ...leased, disabled: true, disabledReason: 'gone' });
    expect(await stack.repos.sources.lease(id, leased.nextAttemptAt, until)).toBe(false);
    // an unknown source is not created by a lease
    expect(await stack.repos.sources.lease(`missing-${tag}`, leased.nextAttemptAt, until)).toBe(false);
    expect(await stack.repos.sources.get(`missing-${tag}`)).toBeNull();
  });
});
