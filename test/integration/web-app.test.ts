/**
 * The web app through HTTP, as a browser would use it (cookies, forms, redirects) but without one:
 * sign-up by the emailed link, a session cookie with the right attributes, CSRF refusals, per-user
 * isolation (404), sign-out that really ends the session, and account deletion.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, PUBLIC_URL, sampleInterview, uniqueEmail, type ApiHarness } from './api-harness.js';
import { Browser, signedInByEmail, webLink } from '../support/browser.js';
// After the harness: the API's schemas extend zod before the domain's are first built.
import { companyKey } from '../../functions/domain/company.js';
import { companySources } from '../../functions/domain/news-watch/sources.js';

describe('web app', () => {
  let h: ApiHarness;
  const email = uniqueEmail('web');
  let browser: Browser;
  let interviewId: string;

  beforeAll(async () => {
    h = await createApiHarness();
    browser = new Browser(h);
  });

  it('sends a visitor who is not signed in to the sign-in page', async () => {
    for (const path of ['/', '/interviews', '/interviews/new', '/companies', '/settings', '/account/export']) {
      const res = await new Browser(h).get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe('/sign-in');
    }
    const page = await new Browser(h).get('/sign-in');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await page.text();
    expect(html).toContain('<label for="sign-in-email">');
    expect(html).toContain('<meta name="viewport"');
  });

  it('subscribes and confirms by the emailed link, which lands on a web page and starts a session', async () => {
    const token = await browser.csrf('/sign-in');
    const subscribed = await browser.post('/subscribe', { _csrf: token, email, timeZone: 'Europe/Paris' });
    expect(subscribed.status).toBe(200);
    expect(await subscribed.text()).toContain('Check your inbox');

    const mail = (await h.mailTo(email)).at(-1)!;
    // One mail, two doors: the web page for people and the API page for scripts (same ticket).
    expect(mail.body.text).toContain(`${PUBLIC_URL}/subscribe/confirm?token=`);
    expect(mail.body.text).toContain(`${PUBLIC_URL}/v1/subscriptions/confirm?token=`);
    const landing = webLink(mail.body.text ?? '', '/subscribe/confirm');

    // Opening the link changes nothing (mail scanners open links).
    const page = await browser.get(landing);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('Confirm and open afterview');
    expect((await h.services.repos.subscribers.findByEmail(email))?.status).toBe('pending');

    const ticket = decodeURIComponent(landing.split('token=')[1]!);
    const csrf = html.match(/name="_csrf" value="([^"]+)"/)![1]!;
    const confirmed = await browser.post('/subscribe/confirm', { _csrf: csrf, token: ticket });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe('/?done=welcome');
    const cookie = confirmed.headers.getSetCookie().find((c) => c.startsWith('afterview-session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await h.services.repos.subscribers.findByEmail(email))?.status).toBe('confirmed');
    // No API token was issued for the browser, and no session secret is stored in clear.
    expect((await h.services.repos.subscribers.findByEmail(email))?.tokenHashes).toEqual([]);
    const secret = browser.cookies.get('afterview-session')!.split('.')[1]!;
    expect(JSON.stringify(await h.scanTable())).not.toContain(secret);

    const home = await browser.get('/?done=welcome');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Add your first interview');
  });

  it('adds an interview, shows the thank-you with its draft, and records it as sent', async () => {
    const csrf = await browser.csrf('/interviews/new');
    const added = await browser.post('/interviews', {
      _csrf: csrf,
      company: 'Acme Robotics',
      role: 'Data Analyst',
      interviewerName: 'Dana Lee',
      interviewerEmail: 'dana@acme.example',
      date: '2026-11-01',
      time: '15:00',
      format: 'in-person',
      decisionExpectedBy: '2026-11-20',
      lastEmployerChannel: 'email',
      timeZone: 'Europe/Paris',
    });
    expect(added.status).toBe(303);
    const location = added.headers.get('location')!;
    expect(location).toMatch(/^\/interviews\/[0-9a-f-]+\?done=added$/);
    interviewId = location.split('/')[2]!.split('?')[0]!;
    const stored = await h.services.repos.interviews.get((await h.services.repos.subscribers.findByEmail(email))!.id, interviewId);
    expect(stored?.interviewedAt).toBe('2026-11-01T14:00:00Z');

    const today = await (await browser.get('/')).text();
    expect(today).toContain('Send your thank-you note');
    expect(today).toMatch(/href="mailto:dana@acme\.example\?subject=/);
    expect(today).toContain('data-copy="draft-');

    const csrfToday = today.match(/name="_csrf" value="([^"]+)"/)![1]!;
    const sent = await browser.post(`/interviews/${interviewId}/events`, { _csrf: csrfToday, type: 'thank-you-sent', return: '/' });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/?done=thank-you-sent');
    const after = await (await browser.get('/?done=thank-you-sent')).text();
    expect(after).toContain('Recorded: thank-you sent.');
    expect(after).not.toContain('Send your thank-you note');
  });

  it('refuses a form post without the right token, or from another site', async () => {
    const before = await h.services.repos.interviews.get((await h.services.repos.subscribers.findByEmail(email))!.id, interviewId);
    const noToken = await browser.post(`/interviews/${interviewId}/events`, { type: 'offer' });
    expect(noToken.status).toBe(403);
    const wrongToken = await browser.post(`/interviews/${interviewId}/events`, { _csrf: 'x'.repeat(43), type: 'offer' });
    expect(wrongToken.status).toBe(403);
    const token = await browser.csrf('/');
    const crossSite = await browser.post(`/interviews/${interviewId}/events`, { _csrf: token, type: 'offer' }, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const after = await h.services.repos.interviews.get(before!.subscriberId, interviewId);
    expect(after?.events).toEqual(before?.events);
    // A token from one session does not work in another.
    const other = new Browser(h);
    other.cookies.set('afterview-session', browser.cookies.get('afterview-session')!.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')));
    expect((await other.get('/')).status).toBe(303);
  });

  it("shows a 404 page for another user's ids and changes nothing of theirs", async () => {
    const otherUser = await h.signUp(uniqueEmail('web-other'));
    const theirs = (await (await h.call('POST', '/v1/interviews', { token: otherUser.token, body: sampleInterview({ company: 'Globex' }) })).json()) as { id: string; companyId: string };
    const token = await browser.csrf('/');
    for (const path of [`/interviews/${theirs.id}`, `/interviews/${theirs.id}/edit`, `/interviews/${theirs.id}/delete`, `/companies/${theirs.companyId}/edit`]) {
      const res = await browser.get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain('Not found');
    }
    for (const path of [`/interviews/${theirs.id}/events`, `/interviews/${theirs.id}/delete`, `/companies/${theirs.companyId}/delete`]) {
      expect((await browser.post(path, { _csrf: token, type: 'offer' })).status, path).toBe(404);
    }
    const still = await h.call('GET', `/v1/interviews/${theirs.id}`, { token: otherUser.token });
    expect(((await still.json()) as { events: unknown[] }).events).toEqual([]);
    expect((await h.call('GET', `/v1/companies/${theirs.companyId}`, { token: otherUser.token })).status).toBe(200);
  });

  it('changes settings, refuses a bad one with a message, and exports the data', async () => {
    const token = await browser.csrf('/settings');
    const bad = await browser.post('/settings', { _csrf: token, timeZone: 'Mars/Olympus', digestHour: '7', alerts: 'digest' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Time zone: must be an IANA time zone');
    const saved = await browser.post('/settings', { _csrf: token, timeZone: 'America/Chicago', digestHour: '7', alerts: 'digest', dailyEvenIfEmpty: 'on' });
    expect(saved.status).toBe(303);
    const me = await h.services.repos.subscribers.findByEmail(email);
    expect(me).toMatchObject({ timeZone: 'America/Chicago', digestHour: 7, alerts: 'digest', dailyEvenIfEmpty: true });

    const exported = await browser.get('/account/export');
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="afterview-export-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = (await exported.json()) as { account: { email: string }; interviews: unknown[] };
    expect(data.account.email).toBe(email);
    expect(data.interviews).toHaveLength(1);
  });

  it('signs in again by email link, and signing out ends the session for good', async () => {
    const fresh = new Browser(h);
    const token = await fresh.csrf('/sign-in');
    expect((await fresh.post('/sign-in', { _csrf: token, email })).status).toBe(200);
    const mail = (await h.mailTo(email)).find((m) => m.subject.includes('sign-in'))!;
    const landing = webLink(mail.body.text ?? '', '/sign-in/confirm');
    const page = await (await fresh.get(landing)).text();
    const signedIn = await fresh.post('/sign-in/confirm', {
      _csrf: page.match(/name="_csrf" value="([^"]+)"/)![1]!,
      token: decodeURIComponent(landing.split('token=')[1]!),
    });
    expect(signedIn.headers.get('location')).toBe('/?done=signed-in');
    expect((await fresh.get('/')).status).toBe(200);
    // The link works once.
    expect((await fresh.get(landing)).status).toBe(400);

    const stolen = fresh.cookies.get('afterview-session')!;
    const out = await fresh.post('/sign-out', { _csrf: await fresh.csrf('/') });
    expect(out.headers.get('location')).toBe('/sign-in?done=signed-out');
    const replay = new Browser(h);
    replay.cookies.set('afterview-session', stolen);
    expect((await replay.get('/')).status).toBe(303);
    // The first browser's session is another one and still works.
    expect((await browser.get('/')).status).toBe(200);
  });

  it('uses Secure __Host- cookies over https', async () => {
    const secure = new Browser(h, 'https://afterview.test');
    const res = await secure.get('/sign-in');
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^__Host-afterview-form=/);
    expect(cookie).toMatch(/; Secure/);
  });

  it('deletes the account only when confirmed, then signs out', async () => {
    const token = await browser.csrf('/settings');
    const unconfirmed = await browser.post('/account/delete', { _csrf: token });
    expect(unconfirmed.status).toBe(400);
    expect(await h.services.repos.subscribers.findByEmail(email)).not.toBeNull();
    const deleted = await browser.post('/account/delete', { _csrf: token, confirm: 'on' });
    expect(deleted.headers.get('location')).toBe('/sign-in?done=deleted');
    expect(await h.services.repos.subscribers.findByEmail(email)).toBeNull();
    expect((await browser.get('/')).status).toBe(303);
  });

  it('answers unknown pages with an HTML 404 for people and JSON for API clients', async () => {
    const page = await new Browser(h).get('/no-such-page');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const api = await h.call('GET', '/v1/no-such-thing');
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('web app: good news on Today', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await createApiHarness();
  });

  const signedIn = (address: string) => signedInByEmail(h, address);

  /** A positive story about `company`, seen an hour ago in the company's news search. */
  async function goodStory(company: string, overrides: Record<string, unknown> = {}) {
    const [search] = companySources({ name: company, aliases: [], feeds: [] }, h.services.config.newsBaseUrl);
    const now = h.clock.now().getTime();
    await h.services.repos.news.putIfNew({
      companyKey: companyKey(company),
      id: `story-${Math.random().toString(36).slice(2, 10)}`,
      title: `${company} wins national <innovation> award`,
      link: 'https://news.example/award?a=1&b=2',
      publisher: 'Example Times',
      publishedAt: new Date(now - 3 * 3_600_000).toISOString(),
      summary: null,
      firstSeenAt: new Date(now - 3_600_000).toISOString(),
      normalizedTitle: `${company.toLowerCase()} wins national innovation award`,
      classification: { polarity: 'positive', event: 'award', congratulate: true, confidence: 0.9, reasons: ['award'] },
      sourceIds: [search!.id],
      ...overrides,
    });
  }

  it('shows good news for a watched company with the note to send, escaped and safely linked', async () => {
    const { browser, token } = await signedIn(uniqueEmail('web-news'));
    const company = `Initech ${Math.random().toString(36).slice(2, 7)}`;
    const added = await h.call('POST', '/v1/interviews', { token, body: sampleInterview({ company }) });
    expect(added.status).toBe(201);
    // The thank-you went out long ago: a congratulations is the next note that fits (R1, R8).
    const { id } = (await added.json()) as { id: string };
    const thanked = await h.call('POST', `/v1/interviews/${id}/events`, { token, body: { type: 'thank-you-sent', at: '2026-10-29T10:00:00Z' } });
    expect(thanked.status).toBeLessThan(300);
    await goodStory(company);

    const today = await (await browser.get('/')).text();
    expect(today).toContain('<h2>Good news</h2>');
    expect(today).toContain(`${company} wins national &lt;innovation&gt; award`);
    expect(today).not.toContain('<innovation>');
    expect(today).toContain('href="https://news.example/award?a=1&amp;b=2" rel="noopener noreferrer"');
    expect(today).toContain('Example Times');
    expect(today, today.match(/For your information[^<]*/)?.[0]).toContain('A short note could be welcome');
    expect(today).toMatch(/href="mailto:dana@acme\.example\?subject=/);
    expect(today).toMatch(/data-copy="congrats-/);
    expect(today).toContain('name="type" value="congrats-sent"');
    expect(today).not.toContain('For your information only');
    expect(today).not.toMatch(/style="/);
  });

  it('shows a no-contact company’s good news for information only, with the reason and no note; never links a non-web URL', async () => {
    const { browser, token } = await signedIn(uniqueEmail('web-news-quiet'));
    const company = `Globex ${Math.random().toString(36).slice(2, 7)}`;
    expect((await h.call('POST', '/v1/interviews', { token, body: sampleInterview({ company, contactPolicy: 'no-contact' }) })).status).toBe(201);
    await goodStory(company, { link: 'javascript:alert(1)' });

    const today = await (await browser.get('/')).text();
    expect(today).toContain('<h2>Good news</h2>');
    expect(today).toContain('For your information only: no note for this one, as they asked not to be contacted.');
    expect(today).not.toContain('A short note could be welcome');
    expect(today).not.toContain('congrats-sent');
    expect(today).not.toContain('javascript:');
  });
});

describe('web app: every open interview on Today', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await createApiHarness({ startAt: '2026-12-07T13:00:00Z' });
  });

  it('lists the open interviews with nothing to do this week, one line each, after what is to do', async () => {
    const { browser, token } = await signedInByEmail(h, uniqueEmail('web-open'));
    const add = async (fields: Record<string, unknown>) => {
      const res = await h.call('POST', '/v1/interviews', { token, body: sampleInterview(fields) });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const waiting = await add({ company: 'Bluefin <Analytics>', interviewedAt: '2026-12-01T15:00:00Z', decisionExpectedBy: '2026-12-18' });
    expect((await h.call('POST', `/v1/interviews/${waiting}/events`, { token, body: { type: 'thank-you-sent', at: '2026-12-02T15:00:00Z' } })).status).toBeLessThan(300);
    const quiet = await add({ company: 'Harbor & Pine', interviewedAt: '2026-12-02T15:00:00Z', decisionExpectedBy: '2026-12-16', contactPolicy: 'no-contact' });
    await add({ company: 'Acme Robotics', interviewedAt: '2026-12-06T15:00:00Z', decisionExpectedBy: '2026-12-20' });


    const today = await (await browser.get('/')).text();
    expect(today).toContain('3 open interviews.');
    const others = today.slice(today.indexOf('<h2>Other open interviews</h2>'));
    expect(others).not.toBe(today);
    const lines = [...others.matchAll(/<li>(.*?)<\/li>/gs)].map((m) => m[1]!.replace(/\s+/g, ' '));
    expect(lines).toEqual([
      `<a href="/interviews/${waiting}">Bluefin &lt;Analytics&gt;</a> <span class="meta">(Data Analyst)</span>: waiting for their decision by 18 Dec; follow up on 23 Dec if you hear nothing`,
      `<a href="/interviews/${quiet}">Harbor &amp; Pine</a> <span class="meta">(Data Analyst)</span>: they asked for no contact, so nothing is needed until they reach out; they expect to decide by 16 Dec`,
    ]);
    // The interview with a thank-you due is in the day's plan above, not in this list; no draft or button here.
    expect(today.indexOf('Send your thank-you note')).toBeLessThan(today.indexOf('<h2>Other open interviews</h2>'));
    expect(others).not.toMatch(/<form|data-copy|mailto:/);
  });
});
