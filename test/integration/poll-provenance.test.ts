/**
 * Provenance per subscriber (DESIGN.md §2), attacked as issue 11 describes, through the API, the
 * web app, a local feed server and `poll --once`'s use case: subscriber B adds "Acme Robotics"
 * with a feed of their own — a made-up award, a phishing copy of the real story, and a spin that
 * would make a neutral story look like good news. None of it reaches A (alert, digest, plan,
 * Today page, export, the alert's own links); A still gets the real story from the shared news
 * search, exactly once, as the search told it; B's own feed still works for B.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, sampleInterview, uniqueEmail, type ApiHarness } from './api-harness.js';
// After the harness: the API's schemas extend zod before the domain's are first built.
import { digestFor } from '../../functions/app/digest/run-digest-cycle.js';
import { pollDepsFrom, runPollCycle } from '../../functions/app/poll/index.js';
import { companyKey } from '../../functions/domain/company.js';
import { nextDueSlot, pollLane, slotOf, slotStart } from '../../functions/domain/news-watch/poll-schedule.js';
import { classifyWins, plainNote, startNewsFeedServer, type NewsFeedServer } from '../support/news-watch.js';
import { signedInByEmail, type Browser } from '../support/browser.js';

const ACME = 'Acme Robotics';
const GLOBEX = 'Globex Logistics';
const PHISH = 'phish.example';
/** What only B's feed says: none of it may ever reach A. */
const B_ONLY = [PHISH, 'claim your prize', 'Best Robot', 'wins quarterly', 'Acme Newsroom', 'Globex Newsroom'];

let server: NewsFeedServer;
let h: ApiHarness;
let a: { token: string; subscriberId: string; email: string; browser: Browser };
let b: { token: string; subscriberId: string; email: string };

const poll = () => runPollCycle(pollDepsFrom(h.services, { classify: classifyWins, writeNote: plainNote, random: () => 0.5 }), h.clock.now());
const alertsTo = async (email: string) => (await h.mailTo(email)).filter((m) => m.subject.startsWith('Good news at'));
const expectNothingOfB = (text: string) => {
  for (const words of B_ONLY) expect(text, `"${words}" reached A`).not.toContain(words);
};

/**
 * Moves the clock to the next hour in which A's news search for the company is due. A healthy
 * search is due on its schedule (its phase is hashed from its id, which names the feed server's
 * port: any hour of its interval); its stored next attempt is only as fresh as its last write.
 */
async function untilSearchIsDue(company: string): Promise<void> {
  const watched = (await h.services.repos.companies.list(a.subscriberId)).find((c) => c.key === companyKey(company))!;
  const search = (await h.services.repos.sources.get(watched.sourceIds[0]!))!;
  const now = h.clock.now();
  const due =
    pollLane(search) === 'scheduled'
      ? slotStart(nextDueSlot(search.id, search.intervalHours!, slotOf(now)))
      : new Date(Math.max(Date.parse(search.nextAttemptAt), now.getTime() + 3_600_000));
  h.clock.set(due.toISOString());
}

/** Watches the company (through an interview; the thank-you went out long ago, so a note is welcome). */
async function interviewAt(token: string, company: string): Promise<void> {
  const res = await h.call('POST', '/v1/interviews', { token, body: sampleInterview({ company, interviewedAt: '2026-10-20T15:00:00Z', decisionExpectedBy: '2026-11-30' }) });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  expect((await h.call('POST', `/v1/interviews/${id}/events`, { token, body: { type: 'thank-you-sent', at: '2026-10-21T09:00:00Z' } })).status).toBeLessThan(300);
}

beforeAll(async () => {
  server = await startNewsFeedServer();
  h = await createApiHarness({ env: { AFTERVIEW_ALLOW_HOSTS: '127.0.0.1', AFTERVIEW_NEWS_BASE_URL: server.base }, startAt: '2026-11-04T10:00:00Z' });

  server.feeds.set(`"${ACME}"`, [
    { title: `${ACME} wins 2026 Innovation Award`, publisher: 'Reuters', publishedAt: '2026-11-04T06:00:00Z' },
    { title: `${ACME} reports quarterly results in Ohio today`, publisher: 'AP', publishedAt: '2026-11-04T09:00:00Z' },
  ]);
  server.feeds.set(`"${GLOBEX}"`, [{ title: `${GLOBEX} names new CFO`, publisher: 'AP', publishedAt: '2026-11-03T09:00:00Z' }]);
  // B's feed: every copy earlier than the search's, so B's copy names each shared story.
  server.custom.set('b-acme', [
    { title: `${ACME} wins 2026 Innovation Award: claim your prize`, publisher: 'Acme Newsroom', publishedAt: '2026-11-04T05:00:00Z', link: `https://${PHISH}/award` },
    { title: `${ACME} wins quarterly results in Ohio today`, publisher: 'Acme Newsroom', publishedAt: '2026-11-04T08:30:00Z', link: `https://${PHISH}/q` },
    { title: `${ACME} wins Best Robot of the Year award`, publisher: 'Acme Newsroom', publishedAt: '2026-11-04T09:30:00Z', link: `https://${PHISH}/fake` },
  ]);
  server.custom.set('b-globex', [
    { title: `${GLOBEX} wins $2bn defence contract`, publisher: 'Globex Newsroom', publishedAt: '2026-11-04T07:00:00Z', link: `https://${PHISH}/contract` },
  ]);

  const aEmail = uniqueEmail('prov-a');
  const signedIn = await signedInByEmail(h, aEmail);
  a = { ...signedIn, email: aEmail };
  await interviewAt(a.token, ACME);
  await interviewAt(a.token, GLOBEX);

  const bEmail = uniqueEmail('prov-b');
  b = { ...(await h.signUp(bEmail)), email: bEmail };
  for (const [name, feed] of [[ACME, 'b-acme'], [GLOBEX, 'b-globex']] as const) {
    const res = await h.call('POST', '/v1/companies', { token: b.token, body: { name, feeds: [server.customUrl(feed)] } });
    expect(res.status).toBe(201);
    await interviewAt(b.token, name);
  }
});
afterAll(() => server.close());

describe('provenance: a feed one subscriber adds never reaches another', () => {
  it('alerts A once, about the real story, in the shared search’s words; B’s own feed alerts B', async () => {
    const summary = await poll();
    expect(summary).toMatchObject({ requests: 4, fetched: 4, failures: 0 });

    const [alert, ...more] = await alertsTo(a.email);
    expect(more).toHaveLength(0);
    const text = alert!.body.text!;
    expect(text).toContain(`“${ACME} wins 2026 Innovation Award”`);
    expect(text).toContain('Reported by Reuters on 4 Nov 2026: https://news.google.com/rss/articles/');
    expectNothingOfB(text);
    expectNothingOfB(alert!.body.html!);
    expectNothingOfB(alert!.subject);

    // The stored story is named by B's earlier copy; A never saw it.
    const award = (await h.services.repos.news.listSince(companyKey(ACME), new Date(0))).find((s) => s.normalizedTitle.includes('innovation'))!;
    expect(award.link).toBe(`https://${PHISH}/award`);
    expect(award.copies).toHaveLength(2);

    // B's made-up award is the newest good news B sees: B's own feed works for B.
    const bAlerts = await alertsTo(b.email);
    expect(bAlerts.map((m) => m.body.text).join('\n')).toContain('Best Robot of the Year');
  });

  it('shows A nothing of B’s feed in the plan, the Today page, the digest, the export or the alert’s links', async () => {
    const plan = await h.call('GET', '/v1/plan', { token: a.token });
    expect(plan.status).toBe(200);
    expectNothingOfB(await plan.text());

    const today = await (await a.browser.get('/')).text();
    expect(today).toContain(`${ACME} wins 2026 Innovation Award`);
    expect(today).toContain('Reuters');
    expectNothingOfB(today);

    const subscriber = (await h.services.repos.subscribers.get(a.subscriberId))!;
    const sent: string[] = [];
    const mailer = { send: async (m: { text: string; html: string; subject: string }) => (sent.push(m.subject, m.text, m.html), { messageId: 'digest-1' }) };
    expect(await digestFor({ ...h.services, mailer }, subscriber, h.clock.now())).toBe('sent');
    expect(sent.join('\n')).toContain(`${ACME} wins 2026 Innovation Award`);
    expectNothingOfB(sent.join('\n'));

    const exported = await h.call('GET', '/v1/me/export', { token: a.token });
    expect(exported.status).toBe(200);
    expectNothingOfB(await exported.text());

    // The alert's "not relevant" link names the story as A's source told it.
    const [alert] = await alertsTo(a.email);
    const actions = [...alert!.body.text!.matchAll(/http:\/\/afterview\.test(\/v1\/actions\?token=[A-Za-z0-9_.%-]+)/g)].map((m) => m[1]!);
    const pages = await Promise.all(actions.map(async (path) => (await h.call('GET', path, { headers: { accept: 'text/html' } })).text()));
    const notRelevant = pages.find((p) => p.includes('Not relevant'))!;
    expect(notRelevant).toContain(`${ACME} wins 2026 Innovation Award`);
    expectNothingOfB(notRelevant);
  });

  it('does not let B’s feed make the news search’s neutral story good news for A', async () => {
    const stories = await h.services.repos.news.listSince(companyKey(ACME), new Date(0));
    const results = stories.find((s) => s.normalizedTitle.includes('quarterly'))!;
    // One story, named by B's spin (judged good news on its words), the search's copy judged neutral.
    expect(results.classification?.congratulate).toBe(true);
    expect(results.copies!.map((c) => c.classification?.congratulate).sort()).toEqual([false, true]);
    expect((await alertsTo(a.email)).map((m) => m.body.text).join('\n')).not.toContain('quarterly');
  });

  it('a story only B’s feed had reaches A when the news search carries it, once, in the search’s words', async () => {
    h.clock.advance(3_600_000);
    await poll();
    expect((await alertsTo(a.email)).filter((m) => m.subject.includes(GLOBEX))).toHaveLength(0);

    server.feeds.get(`"${GLOBEX}"`)!.push({ title: `${GLOBEX} wins $2bn defence contract`, publisher: 'Bloomberg', publishedAt: '2026-11-04T10:30:00Z' });
    // A quiet search is asked every few hours: the story is found when it is next due.
    await untilSearchIsDue(GLOBEX);
    const summary = await poll();
    expect(summary.newStories).toBe(0); // the same story, now from one more source
    let globex = (await alertsTo(a.email)).filter((m) => m.subject.includes(GLOBEX));
    expect(globex).toHaveLength(1);
    expect(globex[0]!.body.text).toContain('Reported by Bloomberg');
    expectNothingOfB(globex[0]!.body.text!);

    server.feeds.get(`"${GLOBEX}"`)!.push({ title: `${GLOBEX} opens Leeds depot`, publisher: 'AP', publishedAt: h.clock.now().toISOString() });
    await untilSearchIsDue(GLOBEX);
    await poll();
    globex = (await alertsTo(a.email)).filter((m) => m.subject.includes(GLOBEX));
    expect(globex).toHaveLength(1);
  });
});
