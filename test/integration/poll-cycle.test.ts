/**
 * A full poll cycle against dynalite, the mail catcher and a local Google-News-style feed server:
 * requests = unique sources, unchanged feeds answer 304 and write nothing, one alert per
 * (subscriber, story) under concurrent cycles and re-runs, digest-mode and no-contact get none, and
 * an alert recorded by a run that stopped or died still goes out with a later one.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { congratulationsAllowed } from '../../functions/domain/news-watch/congratulations-allowed.js';
import { companyKey, type WatchedCompany } from '../../functions/domain/company.js';
import type { InterviewInput, StoredInterview } from '../../functions/domain/interview.js';
import type { Subscriber } from '../../functions/domain/subscriber.js';
import { syncCompanySources } from '../../functions/app/poll/company-sources.js';
import { planPolls, pollSources, runPollCycle, type PollDeps } from '../../functions/app/poll/poll-cycle.js';
import type { RunDeadline } from '../../functions/app/run-deadline.js';
import { countingPollDeps, startNewsFeedServer, type NewsFeedServer } from '../support/news-watch.js';
import { newStoredInterview, newSubscriber, newWatchedCompany } from '../support/records.js';
import { createTestStack, mailTo, type TestStack } from '../support/stack.js';

// ── a local Google-News-style feed server with ETags ─────────────────────────────────────────
let server: NewsFeedServer;
let feeds: NewsFeedServer['feeds'];
let hits: string[];

beforeAll(async () => {
  server = await startNewsFeedServer();
  ({ feeds, hits } = server);
});
afterAll(() => server.close());

// ── fixtures ─────────────────────────────────────────────────────────────────────────────────
const T0 = new Date('2026-11-04T10:00:00.000Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);
const tag = randomUUID().slice(0, 8);

let stack: TestStack;
let deps: PollDeps;
let storyWrites: { count: number };

async function subscriber(name: string, alerts: 'instant' | 'digest', status: Subscriber['status'] = 'confirmed'): Promise<Subscriber> {
  const s = newSubscriber({ email: `${name}-${tag}@example.com`, status, alerts, createdAt: T0.toISOString() });
  await stack.repos.subscribers.save(s);
  return s;
}

async function watch(sub: Subscriber, name: string, extra: Partial<WatchedCompany> = {}): Promise<WatchedCompany> {
  const company = newWatchedCompany(sub.id, name, { createdAt: T0.toISOString(), updatedAt: T0.toISOString(), ...extra });
  const synced = await syncCompanySources(stack, company, T0);
  await stack.repos.companies.put(synced);
  return synced;
}

async function interview(company: WatchedCompany, extra: Partial<InterviewInput> = {}): Promise<StoredInterview> {
  const stored = newStoredInterview(company, extra, { createdAt: T0.toISOString(), updatedAt: T0.toISOString() });
  await stack.repos.interviews.put(stored);
  return stored;
}

const acmeName = `Acme Robotics ${tag}`;
const globexName = `Globex ${tag}`;
const acmeQuery = `"${acmeName}"`;
const globexQuery = `"${globexName}"`;

let instant: Subscriber;
let digestOnly: Subscriber;
let noContact: Subscriber;
let pending: Subscriber;
let globexWatcher: Subscriber;
let instantInterview: StoredInterview;
let globexInterview: StoredInterview;

beforeAll(async () => {
  stack = await createTestStack({ AFTERVIEW_ALLOW_HOSTS: '127.0.0.1', AFTERVIEW_NEWS_BASE_URL: 'http://placeholder.invalid' });
  stack.config.newsBaseUrl = server.base;
  // Count every story write the cycle makes.
  ({ deps, storyWrites } = countingPollDeps(stack));

  feeds.set(acmeQuery, [
    { title: `${acmeName} wins 2026 Innovation Award`, publisher: 'Reuters', publishedAt: '2026-11-03T14:30:00Z' },
    { title: `${acmeName} Wins 2026 Innovation Award`, publisher: 'AP', publishedAt: '2026-11-03T15:00:00Z' },
    { title: `UPDATE 1-${acmeName} wins 2026 innovation award`, publisher: 'Yahoo Finance', publishedAt: '2026-11-03T16:00:00Z' },
    { title: `${acmeName} opens new plant in Ohio`, publisher: 'The Columbus Dispatch', publishedAt: '2026-11-02T08:00:00Z' },
    { title: `${acmeName} wins old award`, publisher: 'Archive', publishedAt: '2026-09-01T08:00:00Z' },
    { title: 'Robotics startups raise funding', publisher: 'TechCrunch', publishedAt: '2026-11-03T08:00:00Z' },
  ]);
  // Published this morning: an active feed, asked every hour (a quiet one would be asked less often).
  feeds.set(globexQuery, [{ title: `${globexName} reports quarterly results`, publisher: 'Reuters', publishedAt: '2026-11-04T08:00:00Z' }]);

  instant = await subscriber('instant', 'instant');
  digestOnly = await subscriber('digest', 'digest');
  noContact = await subscriber('nocontact', 'instant');
  pending = await subscriber('pending', 'instant', 'pending');
  globexWatcher = await subscriber('globex', 'instant');

  const acmeForInstant = await watch(instant, acmeName);
  instantInterview = await interview(acmeForInstant);
  await interview(await watch(digestOnly, acmeName));
  await interview(await watch(noContact, acmeName), { contactPolicy: 'no-contact' });
  await interview(await watch(pending, acmeName));
  const globex = await watch(globexWatcher, globexName);
  globexInterview = await interview(globex);
});

describe('poll cycle', () => {
  it('registers one shared source per company, however many watch it', async () => {
    // New sources are asked at once, each company's in one message.
    const batches = (await planPolls(deps, T0)).filter((b) => 'companyKey' in b);
    const mine = batches.filter((b) => b.companyKey === companyKey(acmeName) || b.companyKey === companyKey(globexName));
    expect(mine.map((b) => b.sourceIds.length)).toEqual([1, 1]);
    expect(await stack.repos.sources.countWatchers(mine.find((b) => 'companyKey' in b && b.companyKey === companyKey(acmeName))!.sourceIds[0]!)).toBe(4);
  });

  it('cold: fetches each unique source once, stores one story per syndicated story, alerts only the instant subscriber', async () => {
    hits.length = 0;
    storyWrites.count = 0;
    const summary = await runPollCycle(deps, T0);
    expect(summary).toMatchObject({ sourcesDue: 2, requests: 2, fetched: 2, notModified: 0, failures: 0, companies: 2 });
    expect(hits).toHaveLength(2);
    // 3 copies of the award → 1 story, plus the plant; the old award is stale and the startup item not about Acme.
    expect(summary.newStories).toBe(3); // award, plant, Globex results
    expect(summary.staleItems).toBe(1);
    expect(storyWrites.count).toBe(3);
    expect(summary.alertsSent).toBe(1);

    const stories = await stack.repos.news.listSince(companyKey(acmeName), new Date(0));
    expect(stories.map((s) => s.title).sort()).toEqual([`${acmeName} opens new plant in Ohio`, `${acmeName} wins 2026 Innovation Award`]);
    const award = stories.find((s) => s.title.includes('wins'))!;
    expect(award.publisher).toBe('Reuters');

    const [mail, ...more] = await mailTo(stack.sesEndpoint, instant.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(`Good news at ${acmeName}: a reason to write to Dana Lee`);
    const text = mail!.body.text!;
    expect(text).toContain(`“${acmeName} wins 2026 Innovation Award”`);
    expect(text).toContain('Reported by Reuters on 3 Nov 2026: https://news.google.com/rss/articles/');
    expect(text).toContain('Subject: Congratulations, ');
    expect(text).toContain('mailto:dana.lee@acme.example?subject=Congratulations%2C%20');
    expect(text).toContain('&body=Hi%20Dana%20Lee%2C%0D%0A%0D%0A');
    expect(text).toContain('Send it by email');
    expect(mail!.body.html).toContain('Write to Dana Lee');
    expect(mail!.body.html).not.toContain('<script');

    // one-click links are signed, single-purpose, for this subscriber
    const tokens = [...text.matchAll(/\/v1\/(actions|unsubscribe)\?token=([^\s]+)/g)].map((m) => [m[1], decodeURIComponent(m[2]!)] as const);
    const payloads = await Promise.all(tokens.map(async ([, t]) => deps.links.verify(t, T0)));
    expect(payloads.map((p) => p?.purpose)).toEqual(['interview-event', 'not-relevant', 'stop-watching', 'unsubscribe']);
    expect(payloads[0]).toEqual({ purpose: 'interview-event', subscriberId: instant.id, data: { interviewId: instantInterview.id, type: 'congrats-sent' } });
    expect(payloads[1]!.data).toEqual({ companyKey: companyKey(acmeName), storyId: award.id });
    const headers = JSON.stringify((mail as unknown as { headers?: unknown }).headers ?? []);
    expect(headers).toContain('List-Unsubscribe-Post');
    expect(headers).toContain('List-Unsubscribe=One-Click');

    // digest mode, no-contact and unconfirmed subscribers get no alert mail
    expect(await mailTo(stack.sesEndpoint, digestOnly.email)).toHaveLength(0);
    expect(await mailTo(stack.sesEndpoint, noContact.email)).toHaveLength(0);
    expect(await mailTo(stack.sesEndpoint, pending.email)).toHaveLength(0);
    // R8: the interview's congratulations slot is taken
    const after = await stack.repos.interviews.get(instant.id, instantInterview.id);
    expect(after!.lastCongratsSuggestedAt).toBe(T0.toISOString());
    expect(congratulationsAllowed(after!, hours(1)).allowed).toBe(false);
  });

  it('unchanged: the next cycle is answered by 304s and writes no items', async () => {
    hits.length = 0;
    storyWrites.count = 0;
    const summary = await runPollCycle(deps, hours(1));
    expect(summary).toMatchObject({ requests: 2, notModified: 2, fetched: 0, newStories: 0, itemWrites: 0, alertsSent: 0 });
    expect(storyWrites.count).toBe(0);
    expect(hits).toHaveLength(2);
  });

  it('nothing is due again before the minimum interval', async () => {
    const summary = await runPollCycle(deps, new Date(hours(1).getTime() + 10 * 60_000));
    expect(summary.requests).toBe(0);
  });

  it('sends one alert per (subscriber, story) with two cycles at once, and none on a re-run', async () => {
    feeds.get(globexQuery)!.push({ title: `${globexName} wins $2bn defence contract`, publisher: 'Bloomberg', publishedAt: '2026-11-04T09:00:00Z' });
    const [a, b] = await Promise.all([runPollCycle(deps, hours(2)), runPollCycle(deps, hours(2))]);
    expect(a.alertsSent + b.alertsSent).toBe(1);
    const contract = (await stack.repos.news.listSince(companyKey(globexName), new Date(0))).filter((s) => s.title.includes('defence contract'));
    expect(contract).toHaveLength(1);
    let mails = await mailTo(stack.sesEndpoint, globexWatcher.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body.text).toContain(`${globexName} wins $2bn defence contract`);

    // a redelivered batch (same sources, same instant): nothing is due, nothing happens
    const batch = (await stack.repos.sources.listDue(hours(100))).filter((s) => s.companyKey === companyKey(globexName)).map((s) => s.id);
    const rerun = await pollSources(deps, batch, hours(2));
    expect(rerun).toMatchObject({ sourcesDue: 0, requests: 0, alertsSent: 0 });

    // a later cycle after the feed changed again: the known story is not news, no second alert
    feeds.get(globexQuery)!.push({ title: `${globexName} names new CFO`, publisher: 'AP', publishedAt: '2026-11-04T11:00:00Z' });
    const later = await runPollCycle(deps, hours(3));
    expect(later.alertsSent).toBe(0);
    mails = await mailTo(stack.sesEndpoint, globexWatcher.email);
    expect(mails).toHaveLength(1);
    const slot = await stack.repos.interviews.get(globexWatcher.id, globexInterview.id);
    expect(slot!.lastCongratsSuggestedAt).toBe(hours(2).toISOString());
  });

  it('keeps the old validators when storing the stories fails, so the items are fetched again', async () => {
    const name = `Vandelay ${tag}`;
    feeds.set(`"${name}"`, [{ title: `${name} opens a latex plant`, publisher: 'AP', publishedAt: '2026-11-04T08:00:00Z' }]);
    const sub = await subscriber('vandelay', 'digest');
    const company = await watch(sub, name);
    const failing: PollDeps = {
      ...deps,
      repos: { ...deps.repos, news: { ...deps.repos.news, putMany: async () => Promise.reject(new Error('table unavailable')) } },
    };
    const broken = await pollSources(failing, company.sourceIds, hours(4.5));
    expect(broken.companiesFailed).toBeGreaterThanOrEqual(1);
    const after = await stack.repos.sources.get(company.sourceIds[0]!);
    expect(after!.etag).toBeUndefined();
    const retried = await pollSources(deps, company.sourceIds, hours(6));
    expect(retried).toMatchObject({ fetched: 1, newStories: 1 });
    expect((await stack.repos.sources.get(company.sourceIds[0]!))!.etag).toMatch(/^"/);
  });

  it('records a failing source and keeps polling the others', async () => {
    const sub = await subscriber('broken', 'instant');
    const broken = await watch(sub, `Broken Feed Co ${tag}`); // the feed server answers 404 for unknown queries
    const summary = await runPollCycle(deps, hours(4));
    // the unknown feeds fail (404) while Acme and Globex are still polled
    expect(summary.failures).toBeGreaterThanOrEqual(1);
    expect(summary.notModified + summary.fetched).toBeGreaterThanOrEqual(2);
    const source = await stack.repos.sources.get(broken.sourceIds[0]!);
    expect(source).toMatchObject({ consecutiveFailures: 1, lastStatus: 404 });
    expect(source!.lastError).toMatch(/HTTP 404/);
    expect(Date.parse(source!.nextAttemptAt)).toBe(hours(5).getTime());
  });

  /** Poll dependencies whose run is told to stop the moment it has recorded an alert (as SIGTERM or its deadline would). */
  function stoppingOnceRecorded(repos: Partial<PollDeps['repos']> = {}): { deps: PollDeps; deadline: RunDeadline } {
    let recorded = false;
    const outbox = deps.repos.outbox;
    const record: typeof outbox.record = (...args) => ((recorded = true), outbox.record(...args));
    return {
      deps: { ...deps, repos: { ...deps.repos, outbox: Object.assign(Object.create(outbox) as typeof outbox, { record }), ...repos } },
      deadline: { remainingMs: () => (recorded ? 0 : Infinity) },
    };
  }

  /** A company with one good story published at `at`, watched by a new instant subscriber with an interview there. */
  async function goodNewsFor(name: string, who: string, at: Date): Promise<{ sub: Subscriber; company: WatchedCompany }> {
    feeds.set(`"${name}"`, [{ title: `${name} wins a safety award`, publisher: 'Reuters', publishedAt: at.toISOString() }]);
    const sub = await subscriber(who, 'instant');
    const company = await watch(sub, name);
    await interview(company);
    return { sub, company };
  }

  it('never loses an alert: one recorded and left unsent goes out with the next cycle, once, though the feed answers 304', async () => {
    const name = `Initech ${tag}`;
    // Published an hour before: an active feed, asked every hour (hours no other test here polls at).
    const { sub } = await goodNewsFor(name, 'stopped', hours(19));
    const stopping = stoppingOnceRecorded();
    const first = await runPollCycle(stopping.deps, hours(20), stopping.deadline);
    expect(first).toMatchObject({ alertsSent: 0, stopped: 'deadline', outbox: { leased: 0, sent: 0 } });
    expect(first.alertsPending).toBeGreaterThanOrEqual(1);
    expect(server.answersFor(`"${name}"`)).toEqual([200]);
    expect(await mailTo(stack.sesEndpoint, sub.email)).toHaveLength(0);
    const [pendingAlert] = (await stack.repos.subscribers.exportAll(sub.id)).filter((i) => String(i.SK).startsWith('OUTBOX#alert#'));
    expect(pendingAlert).toMatchObject({ state: 'pending' });

    // The next cycle: the feed has not changed (304), the story is stored, and the alert still goes out.
    const next = await runPollCycle(deps, hours(21));
    expect(server.answersFor(`"${name}"`)).toEqual([200, 304]);
    expect(next).toMatchObject({ alertsPending: 0, stopped: null });
    expect(next.alertsRecovered).toBeGreaterThanOrEqual(1);
    const mails = await mailTo(stack.sesEndpoint, sub.email);
    expect(mails.map((m) => m.subject)).toEqual([`Good news at ${name}: a reason to write to Dana Lee`]);
    // And never again.
    expect((await runPollCycle(deps, hours(22))).alertsSent).toBe(0);
    expect(await mailTo(stack.sesEndpoint, sub.email)).toHaveLength(1);
  });

  it('never loses an alert when the run dies between recording it and storing its story', async () => {
    const name = `Hooli ${tag}`;
    const { sub, company } = await goodNewsFor(name, 'unstored', hours(29));
    // Recorded, then nothing more: no mail goes out and the story write fails, as if the process died there.
    const dying = stoppingOnceRecorded({ news: { ...deps.repos.news, putMany: async () => Promise.reject(new Error('process killed')) } });
    const first = await pollSources(dying.deps, company.sourceIds, hours(30), dying.deadline);
    expect(first.outbox).toMatchObject({ pending: 1, leased: 0 });
    expect(first.companiesFailed).toBeGreaterThanOrEqual(1);
    expect(await stack.repos.news.listSince(company.key, new Date(0))).toHaveLength(0);
    expect((await stack.repos.sources.get(company.sourceIds[0]!))!.etag).toBeUndefined();

    // Its feed is asked again (no validators were saved), the story is stored; the recorded alert goes out once.
    const next = await runPollCycle(deps, hours(31));
    expect(next.alertsSent).toBeGreaterThanOrEqual(1);
    expect((await mailTo(stack.sesEndpoint, sub.email)).map((m) => m.subject)).toEqual([`Good news at ${name}: a reason to write to Dana Lee`]);
    expect(await stack.repos.news.listSince(company.key, new Date(0))).toHaveLength(1);
  });
});
