/**
 * Good news while the thank-you is still due (DESIGN.md R8 with R1, issue 12 item 3), end to end:
 * a real poll of a local feed server, then the digest, the Today page, GET /v1/plan and the
 * per-interview plan all offer the same thank-you with one sentence about the news, and the
 * good-news entry points at it. A story only another subscriber's own feed carried never folds
 * in; a story the subscriber marked "not relevant" (through the real link) leaves their Today
 * page and their thank-you — and nobody else's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, sampleInterview, uniqueEmail, type ApiHarness } from './api-harness.js';
// After the harness: the API's schemas extend zod before the domain's are first built.
import { digestFor } from '../../functions/app/digest/run-digest-cycle.js';
import { pollDepsFrom, runPollCycle } from '../../functions/app/poll/index.js';
import { companyKey } from '../../functions/domain/company.js';
import { NEWS_IN_THANK_YOU } from '../../functions/domain/follow-up/index.js';
import { signedInByEmail, type Browser } from '../support/browser.js';
import { classifyWins, plainNote, startNewsFeedServer, type NewsFeedServer } from '../support/news-watch.js';

const ACME = 'Acme Robotics';
const PHISH = 'phish.example';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

interface Person {
  email: string;
  token: string;
  subscriberId: string;
  browser: Browser;
  interviewId: string;
}
interface PlanJson {
  interviews: Array<{ interviewId: string; actions: Array<{ type: string; why: string; draft?: { subject: string; body: string } }> }>;
}

let server: NewsFeedServer;
let h: ApiHarness;
let a: Person;
let b: Person;
let c: Person;

const poll = () => runPollCycle(pollDepsFrom(h.services, { classify: classifyWins, writeNote: plainNote, random: () => 0.5 }), h.clock.now());

/** Signs up, and logs yesterday's interview at Acme (no thank-you yet: it is due today); `feeds` are the person's own. */
async function person(label: string, feeds: string[] = []): Promise<Person> {
  const email = uniqueEmail(label);
  const { browser, token, subscriberId } = await signedInByEmail(h, email);
  if (feeds.length > 0) expect((await h.call('POST', '/v1/companies', { token, body: { name: ACME, feeds } })).status).toBe(201);
  const res = await h.call('POST', '/v1/interviews', {
    token,
    body: sampleInterview({ company: ACME, interviewedAt: '2026-11-03T15:00:00Z', decisionExpectedBy: '2026-11-30', format: 'video' }),
  });
  expect(res.status).toBe(201);
  return { email, token, subscriberId, browser, interviewId: ((await res.json()) as { id: string }).id };
}

async function thankYouInPlan(p: Person) {
  const res = await h.call('GET', '/v1/plan', { token: p.token });
  expect(res.status).toBe(200);
  const plan = (await res.json()) as PlanJson;
  return plan.interviews.find((i) => i.interviewId === p.interviewId)!.actions.find((x) => x.type === 'send-thank-you')!;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The Today page's thank-you draft for the person's interview, as plain text. */
function thankYouOnToday(page: string, p: Person): string {
  const match = page.match(new RegExp(`<pre id="draft-${p.interviewId}-send-thank-you">([\\s\\S]*?)</pre>`));
  expect(match, 'a thank-you draft on Today').not.toBeNull();
  return unescape(match![1]!);
}

beforeAll(async () => {
  server = await startNewsFeedServer();
  h = await createApiHarness({ env: { AFTERVIEW_ALLOW_HOSTS: '127.0.0.1', AFTERVIEW_NEWS_BASE_URL: server.base }, startAt: '2026-11-04T10:00:00Z' });
  server.feeds.set(`"${ACME}"`, [
    { title: `${ACME} wins 2026 Innovation Award`, publisher: 'Reuters', publishedAt: '2026-11-04T06:00:00Z' },
    { title: `${ACME} names new finance chief`, publisher: 'AP', publishedAt: '2026-11-04T07:00:00Z' },
  ]);
  // B's own feed: a newer, made-up award with a phishing link. Only B may ever see it.
  server.custom.set('b-acme', [{ title: `${ACME} wins Best Robot of the Year award`, publisher: 'Acme Newsroom', publishedAt: '2026-11-04T09:30:00Z', link: `https://${PHISH}/fake` }]);
  a = await person('fold-a');
  b = await person('fold-b', [server.customUrl('b-acme')]);
  c = await person('fold-c');
  const summary = await poll();
  expect(summary).toMatchObject({ failures: 0, newStories: 3 });
});
afterAll(() => server.close());

describe('the thank-you still due carries the good news', () => {
  it('offers the same folded thank-you in GET /v1/plan, the per-interview plan, the Today page and the digest', async () => {
    const planned = await thankYouInPlan(a);
    expect(planned.draft!.body).toMatch(/innovation award/i);
    expect(planned.why).toContain(NEWS_IN_THANK_YOU);

    const one = (await (await h.call('GET', `/v1/interviews/${a.interviewId}/plan`, { token: a.token })).json()) as PlanJson['interviews'][number];
    expect(one.actions.find((x) => x.type === 'send-thank-you')).toEqual(planned);

    const today = await (await a.browser.get('/')).text();
    expect(thankYouOnToday(today, a)).toBe(planned.draft!.body);
    expect(today).toContain(NEWS_IN_THANK_YOU);
    // The news card points at the thank-you instead of standing apart "for your information".
    expect(today).toContain(`${ACME} wins 2026 Innovation Award`);
    expect(today).toContain('No separate note: your thank-you note above mentions this news.');
    expect(today).not.toContain('For your information only');

    const interviewPage = await (await a.browser.get(`/interviews/${a.interviewId}`)).text();
    expect(unescape(interviewPage)).toContain(planned.draft!.body);

    const sent: Array<{ text: string; html: string }> = [];
    const mailer = { send: async (m: { text: string; html: string }) => (sent.push(m), { messageId: 'digest-a' }) };
    const subscriber = (await h.services.repos.subscribers.get(a.subscriberId))!;
    expect(await digestFor({ ...h.services, mailer }, subscriber, h.clock.now())).toBe('sent');
    const [digest] = sent;
    // The text part wraps nothing: the draft's paragraphs are there as written, indented.
    for (const paragraph of planned.draft!.body.split('\n\n')) expect(digest!.text).toContain(paragraph);
    expect(digest!.text).toContain('No separate note: your thank-you note above mentions this news.');
    expect(digest!.html).toContain('No separate note: your thank-you note above mentions this news.');

    // Its "Add to calendar" file carries the same draft.
    const calendarLink = digest!.text.match(/Add to calendar: http:\/\/afterview\.test(\/v1\/calendar\?token=[A-Za-z0-9_.%-]+)/)![1]!;
    const ics = await (await h.call('GET', calendarLink)).text();
    const unfolded = ics.replace(/\r\n[ \t]/g, '').replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');
    expect(unfolded).toContain(planned.draft!.body.split('\n\n')[1]!);

    // So does the calendar feed the candidate subscribed to.
    const { calendarUrl } = (await (await h.call('GET', '/v1/me', { token: a.token })).json()) as { calendarUrl: string };
    const feed = await (await h.call('GET', calendarUrl.slice(calendarUrl.indexOf('/v1/')))).text();
    const feedText = feed.replace(/\r\n[ \t]/g, '').replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');
    expect(feedText).toContain(planned.draft!.body.split('\n\n')[1]!);
    expect(feedText).toMatch(/innovation award/i);
  });

  it('never folds in a story only another subscriber’s feed carried; that subscriber’s own feed folds in for them', async () => {
    for (const p of [a, c]) {
      const planned = await thankYouInPlan(p);
      expect(planned.draft!.body).not.toMatch(/best robot/i);
      const today = await (await p.browser.get('/')).text();
      expect(today).not.toContain('Best Robot');
      expect(today).not.toContain(PHISH);
    }
    // B's feed carried the newest good news B can see: it is B's to write about.
    const theirs = await thankYouInPlan(b);
    expect(theirs.why).toContain(NEWS_IN_THANK_YOU);
    expect(theirs.draft!.body).not.toMatch(/innovation award/i);
    const bToday = await (await b.browser.get('/')).text();
    expect(bToday).toContain(`${ACME} wins Best Robot of the Year award`);
    expect(bToday).toContain('No separate note: your thank-you note above mentions this news.');
  });

  it('drops a story marked "not relevant" from that subscriber’s Today page and thank-you, and from nobody else’s', async () => {
    const award = (await h.services.repos.news.listSince(companyKey(ACME), new Date(0))).find((s) => s.normalizedTitle.includes('innovation'))!;
    const link = await h.services.links.sign(
      { purpose: 'not-relevant', subscriberId: a.subscriberId, data: { companyKey: award.companyKey, storyId: award.id } },
      h.clock.now(),
    );
    const res = await h.call('POST', `/v1/actions?token=${encodeURIComponent(link)}`, { headers: form, body: '' });
    expect(res.status).toBe(200);

    const planned = await thankYouInPlan(a);
    expect(planned.draft!.body).not.toMatch(/innovation award/i);
    expect(planned.why).not.toContain(NEWS_IN_THANK_YOU);
    const today = await (await a.browser.get('/')).text();
    expect(today).not.toContain('Innovation Award');
    expect(today).not.toContain('<h2>Good news</h2>');

    // C marked nothing: the award is still in C's thank-you and on C's Today page.
    expect((await thankYouInPlan(c)).draft!.body).toMatch(/innovation award/i);
    expect(await (await c.browser.get('/')).text()).toContain(`${ACME} wins 2026 Innovation Award`);
  });
});
