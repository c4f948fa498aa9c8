/**
 * The product's trust boundaries through the API and the web app (issue 11, items 3–8): account
 * limits with the same sentence in both, API tokens a person can list and revoke (401 at once),
 * signing out everywhere, sign-in pages that name the account, one-click unsubscribes from a
 * mail provider's shared address, and per-client limits that count an IPv6 /64 as one client.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, linkIn, PUBLIC_URL, sampleInterview, tokenOf, uniqueEmail, type ApiHarness } from './api-harness.js';
import { Browser, webLink } from '../support/browser.js';
// After the harness: the API's schemas extend zod before the domain's are first built.
import { hashToken } from '../../functions/app/account/tokens.js';
import { ACCOUNT_MAIL_LIMITS } from '../../functions/app/account/subscriptions.js';
import { SETTLED_AFTER_MS } from '../../functions/app/quotas.js';
import { LIMIT_REACHED, LIMITS } from '../../functions/domain/quotas.js';
import { newStoredInterview, newSubscriber, newWatchedCompany } from '../support/records.js';

type ErrorBody = { error: { code: string; message: string } };

/** What a page says, as text (tags and entities out), to compare with the API's sentence. */
const pageText = async (res: Response) =>
  (await res.text())
    .replace(/<\/?(strong|em|code|span)[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** Signs a browser in through the emailed link, as a person would. */
async function signInBrowser(h: ApiHarness, browser: Browser, email: string): Promise<void> {
  await h.call('POST', '/v1/sign-in', { body: { email } });
  const link = webLink((await h.mailTo(email)).at(-1)!.body.text!, '/sign-in/confirm');
  const token = await browser.csrf(link);
  const done = await browser.post('/sign-in/confirm', { _csrf: token, token: new URL(link, PUBLIC_URL).searchParams.get('token')! });
  expect(done.status).toBe(303);
}

describe('quotas: refused with 409 and a sentence that names the limit, the same in the web app', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await createApiHarness();
  });

  it(`watches at most ${LIMITS.companiesPerSubscriber} companies, also under concurrent requests`, async () => {
    const email = uniqueEmail('quota-companies');
    const { token, subscriberId } = await h.signUp(email);
    const add = (name: string) => h.call('POST', '/v1/companies', { token, body: { name } });
    for (let i = 0; i < LIMITS.companiesPerSubscriber - 3; i++) expect((await add(`Company ${i}`)).status).toBe(201);

    // Five at once for the last three places: exactly three get in.
    const racing = await Promise.all(Array.from({ length: 5 }, (_, i) => add(`Racer ${i}`)));
    expect(racing.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409]);
    const companies = (await (await h.call('GET', '/v1/companies', { token })).json()) as { companies: { id: string }[] };
    expect(companies.companies).toHaveLength(LIMITS.companiesPerSubscriber);

    const refused = await add('One too many');
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error).toEqual({ code: 'quota_exceeded', message: LIMIT_REACHED.companies });
    expect(body.error.message).toContain(`${LIMITS.companiesPerSubscriber} companies`);
    // An interview with a company not watched yet would watch it: refused with the same sentence.
    const interview = await h.call('POST', '/v1/interviews', { token, body: sampleInterview({ company: 'Unwatched Inc' }) });
    expect(interview.status).toBe(409);
    expect(((await interview.json()) as ErrorBody).error.message).toBe(LIMIT_REACHED.companies);
    expect((await h.services.repos.companies.list(subscriberId)).some((c) => c.name === 'Unwatched Inc')).toBe(false);

    // The web app says the same sentence.
    const browser = new Browser(h);
    await signInBrowser(h, browser, email);
    const form = await browser.post('/companies', { _csrf: await browser.csrf('/companies'), name: 'Web Company' });
    expect(form.status).toBe(409);
    expect(await pageText(form)).toContain(LIMIT_REACHED.companies);

    // Stopping one frees a place.
    expect((await h.call('DELETE', `/v1/companies/${companies.companies[0]!.id}`, { token })).status).toBe(204);
    expect((await add('Now it fits')).status).toBe(201);
    expect((await add('But not two')).status).toBe(409);
  });

  it('counts what is stored when the count is missing (an account from before quotas)', async () => {
    const { token, subscriberId } = await h.signUp(uniqueEmail('quota-legacy'));
    for (let i = 0; i < LIMITS.companiesPerSubscriber; i++) await h.services.repos.companies.put(newWatchedCompany(subscriberId, `Legacy ${i}`));
    const refused = await h.call('POST', '/v1/companies', { token, body: { name: 'Over' } });
    expect(refused.status).toBe(409);
    expect(await h.services.repos.companies.list(subscriberId)).toHaveLength(LIMITS.companiesPerSubscriber);
  });

  it('corrects a count that ran ahead (requests that died before storing), once no request can still be storing', async () => {
    const { token, subscriberId } = await h.signUp(uniqueEmail('quota-drift'));
    await h.call('POST', '/v1/companies', { token, body: { name: 'Real one' } });
    // Units taken by requests that never stored their company: the count runs ahead of what is stored.
    for (let i = 0; i < LIMITS.companiesPerSubscriber; i++) await h.services.repos.quotas.take(subscriberId, 'companies', LIMITS.companiesPerSubscriber, h.clock.now());
    // Right after, one of them might still be storing: refused.
    expect((await h.call('POST', '/v1/companies', { token, body: { name: 'Too soon' } })).status).toBe(409);
    h.clock.advance(SETTLED_AFTER_MS);
    expect((await h.call('POST', '/v1/companies', { token, body: { name: 'Still fits' } })).status).toBe(201);
    expect(await h.services.repos.companies.list(subscriberId)).toHaveLength(2);
  });

  it(`keeps at most ${LIMITS.interviewsPerSubscriber} interviews`, async () => {
    const email = uniqueEmail('quota-interviews');
    const { token, subscriberId } = await h.signUp(email);
    const company = (await (await h.call('POST', '/v1/companies', { token, body: { name: 'Acme Robotics' } })).json()) as { id: string; name: string };
    const owner = { id: company.id, subscriberId, name: company.name };
    for (let i = 0; i < LIMITS.interviewsPerSubscriber - 1; i++) await h.services.repos.interviews.put(newStoredInterview(owner, { role: `Role ${i}` }));
    expect((await h.call('POST', '/v1/interviews', { token, body: sampleInterview() })).status).toBe(201);
    const refused = await h.call('POST', '/v1/interviews', { token, body: sampleInterview() });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as ErrorBody).error).toEqual({ code: 'quota_exceeded', message: LIMIT_REACHED.interviews });

    const browser = new Browser(h);
    await signInBrowser(h, browser, email);
    const form = await browser.post('/interviews', {
      _csrf: await browser.csrf('/interviews/new'),
      company: 'Acme Robotics',
      role: 'Analyst',
      interviewerName: 'Dana Lee',
      date: '2026-11-01',
      time: '15:00',
      timeZone: 'UTC',
    });
    expect(form.status).toBe(409);
    expect(await pageText(form)).toContain(LIMIT_REACHED.interviews);

    const [first] = await h.services.repos.interviews.list(subscriberId);
    expect((await h.call('DELETE', `/v1/interviews/${first!.id}`, { token })).status).toBe(204);
    expect((await h.call('POST', '/v1/interviews', { token, body: sampleInterview() })).status).toBe(201);
  });

  it(`records at most ${LIMITS.eventsPerInterview} events on one interview`, async () => {
    const email = uniqueEmail('quota-events');
    const { token, subscriberId } = await h.signUp(email);
    const created = (await (await h.call('POST', '/v1/interviews', { token, body: sampleInterview() })).json()) as { id: string };
    const stored = (await h.services.repos.interviews.get(subscriberId, created.id))!;
    const events = Array.from({ length: LIMITS.eventsPerInterview }, (_, i) => ({ type: 'heard-back' as const, at: new Date(Date.UTC(2026, 9, 29, 0, i)).toISOString() }));
    await h.services.repos.interviews.put({ ...stored, events });
    const refused = await h.call('POST', `/v1/interviews/${created.id}/events`, { token, body: { type: 'offer' } });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as ErrorBody).error).toEqual({ code: 'quota_exceeded', message: LIMIT_REACHED.events });

    const browser = new Browser(h);
    await signInBrowser(h, browser, email);
    const form = await browser.post(`/interviews/${created.id}/events`, { _csrf: await browser.csrf(`/interviews/${created.id}`), type: 'offer' });
    expect(form.status).toBe(409);
    expect(await pageText(form)).toContain(LIMIT_REACHED.events);
  });

  it(`takes at most ${LIMITS.feedsPerCompany} feeds per company, saying so`, async () => {
    const { token } = await h.signUp(uniqueEmail('quota-feeds'));
    const feeds = Array.from({ length: LIMITS.feedsPerCompany + 1 }, (_, i) => `https://news${i}.example/rss`);
    const refused = await h.call('POST', '/v1/companies', { token, body: { name: 'Acme', feeds } });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as ErrorBody).error.message).toBe(`body: feeds: ${LIMIT_REACHED.feeds}`);
  });

  it(`holds at most ${LIMITS.apiTokensPerSubscriber} API tokens, and a refused sign-in link still works once one is revoked`, async () => {
    const email = uniqueEmail('quota-tokens');
    const { token, subscriberId } = await h.signUp(email);
    for (let i = 1; i < LIMITS.apiTokensPerSubscriber; i++) await h.services.repos.subscribers.addApiToken(subscriberId, hashToken(`avt_${randomUUID()}`), h.clock.now());
    await h.call('POST', '/v1/sign-in', { body: { email } });
    const link = linkIn((await h.mailTo(email)).at(-1), '/v1/sign-in/confirm');
    const refused = await h.call('POST', '/v1/sign-in/confirm', { body: { token: tokenOf(link) } });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as ErrorBody).error).toEqual({ code: 'quota_exceeded', message: LIMIT_REACHED.apiTokens });

    const { tokens } = (await (await h.call('GET', '/v1/tokens', { token })).json()) as { tokens: { id: string; current: boolean }[] };
    expect(tokens).toHaveLength(LIMITS.apiTokensPerSubscriber);
    await h.call('DELETE', `/v1/tokens/${tokens.find((t) => !t.current)!.id}`, { token });
    expect((await h.call('POST', '/v1/sign-in/confirm', { body: { token: tokenOf(link) } })).status).toBe(200);
  });
});

describe('API tokens a person can manage', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await createApiHarness();
  });

  it('lists id, made and last used — never a token or its hash — and marks the one in use', async () => {
    const email = uniqueEmail('tokens');
    const first = await h.signUp(email);
    await h.call('GET', '/v1/me', { token: first.token });
    h.clock.advance(60_000);
    await h.call('POST', '/v1/sign-in', { body: { email } });
    const second = ((await (await h.call('POST', '/v1/sign-in/confirm', { body: { token: tokenOf(linkIn((await h.mailTo(email)).at(-1), '/v1/sign-in/confirm')) } })).json()) as { apiToken: string }).apiToken;

    const res = await h.call('GET', '/v1/tokens', { token: second });
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const secret of [first.token, second, hashToken(first.token), hashToken(second)]) expect(text).not.toContain(secret);
    const { tokens } = JSON.parse(text) as { tokens: Array<Record<string, unknown>> };
    expect(tokens).toEqual([
      { id: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/), createdAt: '2026-11-02T12:00:00.000Z', lastUsedAt: '2026-11-02T12:00:00.000Z', current: false },
      { id: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/), createdAt: '2026-11-02T12:01:00.000Z', lastUsedAt: '2026-11-02T12:01:00.000Z', current: true },
    ]);
    // The OpenAPI document describes both routes.
    const doc = (await (await h.call('GET', '/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/v1/tokens'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/v1/tokens/{id}'] ?? {})).toEqual(['delete']);
  });

  it('writes "last used" at most once an hour per token, not on every request', async () => {
    const { token, subscriberId } = await h.signUp(uniqueEmail('last-used'));
    const lastUsed = async () => (await h.services.repos.subscribers.listApiTokens(subscriberId))[0]!.lastUsedAt;
    const start = h.clock.now().getTime();
    await h.call('GET', '/v1/me', { token });
    expect(await lastUsed()).toBe(new Date(start).toISOString());
    h.clock.advance(59 * 60_000);
    for (let i = 0; i < 3; i++) await h.call('GET', '/v1/me', { token });
    expect(await lastUsed()).toBe(new Date(start).toISOString());
    h.clock.advance(2 * 60_000);
    await h.call('GET', '/v1/me', { token });
    expect(await lastUsed()).toBe(new Date(start + 61 * 60_000).toISOString());
  });

  it('revokes one token: it answers 401 on the very next request, the others keep working', async () => {
    const email = uniqueEmail('revoke');
    const first = await h.signUp(email);
    await h.call('POST', '/v1/sign-in', { body: { email } });
    const second = ((await (await h.call('POST', '/v1/sign-in/confirm', { body: { token: tokenOf(linkIn((await h.mailTo(email)).at(-1), '/v1/sign-in/confirm')) } })).json()) as { apiToken: string }).apiToken;
    const { tokens } = (await (await h.call('GET', '/v1/tokens', { token: second })).json()) as { tokens: { id: string; current: boolean }[] };
    const firstId = tokens.find((t) => !t.current)!.id;

    expect((await h.call('GET', '/v1/me', { token: first.token })).status).toBe(200);
    expect((await h.call('DELETE', `/v1/tokens/${firstId}`, { token: second })).status).toBe(204);
    const refused = await h.call('GET', '/v1/me', { token: first.token });
    expect(refused.status).toBe(401);
    expect((await h.call('GET', '/v1/me', { token: second })).status).toBe(200);
    expect((await h.call('DELETE', `/v1/tokens/${firstId}`, { token: second })).status).toBe(404);
    // Nothing of the revoked token is left: not its lookup, not its record, not its hash on the profile.
    const items = await h.scanTable();
    expect(JSON.stringify(items)).not.toContain(hashToken(first.token));

    // Revoking the token in use is allowed, and takes effect for the next request.
    const own = tokens.find((t) => t.current)!.id;
    expect((await h.call('DELETE', `/v1/tokens/${own}`, { token: second })).status).toBe(204);
    expect((await h.call('GET', '/v1/me', { token: second })).status).toBe(401);
  });

  it("cannot revoke another subscriber's token (404, and it keeps working)", async () => {
    const owner = await h.signUp(uniqueEmail('owner'));
    const intruder = await h.signUp(uniqueEmail('intruder'));
    const { tokens } = (await (await h.call('GET', '/v1/tokens', { token: owner.token })).json()) as { tokens: { id: string }[] };
    expect((await h.call('DELETE', `/v1/tokens/${tokens[0]!.id}`, { token: intruder.token })).status).toBe(404);
    expect((await h.call('GET', '/v1/me', { token: owner.token })).status).toBe(200);
  });

  it('signs out everywhere from Settings: every browser session and every API token stop at once', async () => {
    const email = uniqueEmail('everywhere');
    const { token } = await h.signUp(email);
    const laptop = new Browser(h);
    const phone = new Browser(h);
    await signInBrowser(h, laptop, email);
    await signInBrowser(h, phone, email);
    expect((await phone.get('/')).status).toBe(200);

    const settings = await (await laptop.get('/settings')).text();
    expect(settings).toContain('Sign out everywhere');
    expect(settings).toMatch(/<code>[A-Za-z0-9_-]{16}<\/code>/);
    const done = await laptop.post('/account/sign-out-everywhere', { _csrf: await laptop.csrf('/settings') });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/sign-in?done=signed-out-everywhere');

    for (const browser of [laptop, phone]) {
      const res = await browser.get('/');
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/sign-in');
    }
    expect((await h.call('GET', '/v1/me', { token })).status).toBe(401);
    // Signing in again afterwards works.
    h.clock.advance(1000);
    const fresh = new Browser(h);
    await signInBrowser(h, fresh, email);
    expect((await fresh.get('/')).status).toBe(200);
  });
});

describe('sign-in links say whose account it is', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await createApiHarness();
  });

  it('the API page behind the emailed link names the account with a masked address', async () => {
    const email = `dana-${randomUUID().slice(0, 6)}@example.com`;
    await h.signUp(email);
    await h.call('POST', '/v1/sign-in', { body: { email } });
    const link = linkIn((await h.mailTo(email)).at(-1), '/v1/sign-in/confirm');
    const page = await pageText(await h.call('GET', new URL(link).pathname + new URL(link).search));
    expect(page).toContain('This link signs in to the afterview account of d•••@example.com.');
    expect(page).toContain('If that is not your address, do not press the button');
    expect(page).not.toContain(email);

    const other = `eve-${randomUUID().slice(0, 6)}@example.org`;
    await h.call('POST', '/v1/subscriptions', { body: { email: other } });
    const confirm = linkIn((await h.mailTo(other)).at(-1), '/v1/subscriptions/confirm');
    expect(await pageText(await h.call('GET', new URL(confirm).pathname + new URL(confirm).search))).toContain('This link confirms the subscription of e•••@example.org.');
  });

  it("a link planted by someone else names the planter's account, and warns whose session it ends", async () => {
    const victim = `vic-${randomUUID().slice(0, 6)}@example.com`;
    const attacker = `mallory-${randomUUID().slice(0, 6)}@attacker.example`;
    await h.signUp(victim);
    await h.signUp(attacker);
    const browser = new Browser(h);
    await signInBrowser(h, browser, victim);

    // The attacker asks for their own sign-in link and gets the victim to open it.
    await h.call('POST', '/v1/sign-in', { body: { email: attacker } });
    const planted = webLink((await h.mailTo(attacker)).at(-1)!.body.text!, '/sign-in/confirm');
    const page = await pageText(await browser.get(planted));
    expect(page).toContain('This link signs in to the afterview account of m•••@attacker.example.');
    expect(page).toContain('This browser is signed in as v•••@example.com now');
    expect(page).not.toContain(attacker);
  });
});

describe('rate limits that fit the network', () => {
  const tight = { perClient: { limit: 3, windowSeconds: 60 }, perSubscriber: { limit: 300, windowSeconds: 60 } };

  it('never answers 429 to RFC 8058 one-click unsubscribes from many subscribers through one shared address', async () => {
    const h = await createApiHarness({ overrides: { limits: tight }, startAt: '2026-11-02T12:00:05Z' });
    const provider = '203.0.113.25';
    // Twelve subscribers (stored directly: signing up through the API would meet the tight limit).
    const subscribers = Array.from({ length: 12 }, (_, i) => newSubscriber({ email: uniqueEmail(`one-click-${i}`) }));
    for (const s of subscribers) await h.services.repos.subscribers.createIfAbsent(s);
    const statuses: number[] = [];
    for (const { id: subscriberId } of subscribers) {
      const token = await h.services.links.sign({ purpose: 'unsubscribe', subscriberId, data: {} }, h.clock.now());
      for (let attempt = 0; attempt < 2; attempt++) {
        const res = await h.call('POST', `/v1/unsubscribe?token=${encodeURIComponent(token)}`, {
          ip: provider,
          body: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        statuses.push(res.status);
      }
    }
    expect(statuses).toEqual(Array(24).fill(200));
    for (const { id } of subscribers) expect((await h.services.repos.subscribers.get(id))?.status).toBe('unsubscribed');

    // The address itself is still limited for everything else, and for forged links.
    const other: number[] = [];
    for (let i = 0; i < 4; i++) other.push((await h.call('POST', '/v1/unsubscribe?token=forged.forged.forged', { ip: provider, body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status);
    expect(other).toEqual([400, 400, 400, 429]);
  });

  it('counts an IPv6 /64 as one client, and an IPv4 address however it is written', async () => {
    const h = await createApiHarness({ overrides: { limits: tight }, startAt: '2026-11-02T12:00:05Z' });
    const from = async (ip: string) => (await h.call('GET', '/v1/plan', { ip })).status;
    // Four addresses of one /64 (a host may pick a fresh one per request): the fourth is refused.
    expect([await from('2001:db8:1:2::1'), await from('2001:db8:1:2::ffff'), await from('2001:db8:1:2:abcd:1:2:3'), await from('2001:DB8:1:2::9')]).toEqual([401, 401, 401, 429]);
    // Another /64 is another client.
    expect(await from('2001:db8:1:3::1')).toBe(401);
    // An IPv4 address as a dual-stack socket reports it counts with the plain one.
    expect([await from('198.51.100.20'), await from('::ffff:198.51.100.20'), await from('198.51.100.20'), await from('::ffff:c633:6414')]).toEqual([401, 401, 401, 429]);
  });

  it('counts account mail per /64 too, so a host cannot send sign-in mail from fresh addresses', async () => {
    const h = await createApiHarness({ startAt: '2026-11-02T12:00:05Z' });
    // The production limits (local mode's per-client limit is looser: see below).
    (h.services.config as { runtime: string }).runtime = 'aws';
    const email = uniqueEmail('mail-64');
    await h.signUp(email);
    const before = (await h.mailTo(email)).length;
    for (let i = 0; i < 14; i++) await h.call('POST', '/v1/sign-in', { ip: `2001:db8:9:9::${i + 1}`, body: { email: uniqueEmail('nobody') } });
    await h.call('POST', '/v1/sign-in', { ip: '2001:db8:9:9::99', body: { email } });
    expect((await h.mailTo(email)).length).toBe(before);
  });
});

describe('account mail limits', () => {
  /** The log lines about refused account mail, parsed. */
  const refusals = (h: ApiHarness) =>
    h.logs
      .flatMap((chunk) => chunk.split('\n'))
      .filter((line) => line.includes('account mail not sent'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it(`keep ${ACCOUNT_MAIL_LIMITS.perClient.limit} a client an hour on AWS, and say which limit refused, without the address`, async () => {
    const h = await createApiHarness({ startAt: '2026-11-02T12:00:05Z' });
    (h.services.config as { runtime: string }).runtime = 'aws';
    const addresses = Array.from({ length: ACCOUNT_MAIL_LIMITS.perClient.limit + 1 }, (_, i) => uniqueEmail(`aws-client-${i}`));
    for (const email of addresses) expect((await h.call('POST', '/v1/subscriptions', { ip: '192.0.2.10', body: { email } })).status).toBe(202);
    const mailed = await Promise.all(addresses.map(async (a) => (await h.mailTo(a)).length));
    expect(mailed).toEqual([...Array(ACCOUNT_MAIL_LIMITS.perClient.limit).fill(1), 0]);
    const [refused, ...more] = refusals(h);
    expect(more).toEqual([]);
    expect(refused).toMatchObject({ level: 'WARN', kind: 'subscribe', limit: `${ACCOUNT_MAIL_LIMITS.perClient.limit} mails an hour per client address` });
    expect(JSON.stringify(refused)).not.toContain(addresses.at(-1)!);
  });

  it('let one person in local mode, where every client is 127.0.0.1, make many test accounts; the per-address limit stays', async () => {
    const h = await createApiHarness({ startAt: '2026-11-02T12:00:05Z' });
    expect(h.services.config.runtime).toBe('local');
    const addresses = Array.from({ length: 25 }, (_, i) => uniqueEmail(`local-client-${i}`));
    for (const email of addresses) await h.call('POST', '/v1/subscriptions', { ip: '127.0.0.1', body: { email } });
    expect(await Promise.all(addresses.map(async (a) => (await h.mailTo(a)).length))).toEqual(Array(25).fill(1));
    expect(refusals(h)).toEqual([]);

    const again = addresses[0]!;
    for (let i = 0; i < ACCOUNT_MAIL_LIMITS.perAddress.limit; i++) await h.call('POST', '/v1/sign-in', { ip: '127.0.0.1', body: { email: again } });
    // Three sign-in requests for one address in an hour: the third is one too many (the counter is per kind of mail).
    expect(refusals(h)).toEqual([]);
    await h.call('POST', '/v1/sign-in', { ip: '127.0.0.1', body: { email: again } });
    const [refused] = refusals(h);
    expect(refused).toMatchObject({ level: 'WARN', kind: 'sign-in', limit: `${ACCOUNT_MAIL_LIMITS.perAddress.limit} mails an hour per email address` });
    expect(JSON.stringify(refused)).not.toContain(again);
  });
});

describe('quiet failures: no internal text reaches a person', () => {
  it('answers an unexpected failure with a plain sentence in the API and the web app, and keeps the detail for the log', async () => {
    const h = await createApiHarness();
    const email = uniqueEmail('internals');
    const { token, subscriberId } = await h.signUp(email);
    const browser = new Browser(h);
    await signInBrowser(h, browser, email);
    const internal = "Cannot read properties of undefined (reading 'events')";
    h.services.repos.interviews.list = async () => {
      throw new TypeError(internal);
    };
    const api = await h.call('GET', '/v1/plan', { token });
    expect(api.status).toBe(500);
    expect(await api.json()).toEqual({ error: { code: 'internal_error', message: 'something went wrong on our side; please try again' } });
    const web = await browser.get('/');
    expect(web.status).toBe(500);
    expect(await web.text()).not.toContain('Cannot read');
    expect(h.logs.join('')).toContain(internal);

    // A stored item that fails validation names keys and fields: for the log only.
    const { CorruptItemError, ServiceUnavailableError } = await import('../../functions/app/errors.js');
    h.services.repos.interviews.list = async () => {
      throw new CorruptItemError('interview', `SUB#${subscriberId}/INTERVIEW#x`, 'events: expected array');
    };
    const corrupt = await browser.get('/');
    expect(corrupt.status).toBe(500);
    expect(await corrupt.text()).not.toContain('INTERVIEW#');
    expect(JSON.stringify(await (await h.call('GET', '/v1/plan', { token })).json())).not.toContain('INTERVIEW#');

    // A part that is down: 503 without saying which table, key or endpoint.
    h.services.repos.interviews.list = async () => {
      throw new ServiceUnavailableError('the link-signing key has no current version (arn:aws:secretsmanager:eu-west-1:1:secret:k)');
    };
    const down = await h.call('GET', '/v1/plan', { token });
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ error: { code: 'unavailable', message: 'afterview cannot answer just now; please try again in a minute' } });
  });
});

describe('the link-signing key is not in the table', () => {
  it('signs with a key kept in a file only the owner reads, and nothing written into the table can forge a link', async () => {
    const { createHmac } = await import('node:crypto');
    const { readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const h = await createApiHarness();
    const { subscriberId } = await h.signUp(uniqueEmail('no-key-in-table'));
    await h.services.links.sign({ purpose: 'unsubscribe', subscriberId, data: {} }, h.clock.now());

    const file = join(h.stack.config.dataDir, 'link-signing-keys.json');
    const { current } = JSON.parse(readFileSync(file, 'utf8')) as { current: string };
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const items = await h.scanTable();
    expect(items.some((i) => String(i.PK).startsWith('SECRET#'))).toBe(false);
    expect(JSON.stringify(items)).not.toContain(current);

    // Someone who can write the table plants a key where the old secret store kept it, and signs with it.
    const planted = 'planted-key-planted-key-planted-key-123';
    await h.stack.client.send(new PutCommand({ TableName: h.stack.tableName, Item: { PK: 'SECRET#link-signing-key', SK: 'SECRET', entity: 'secret', value: planted } }));
    const body = Buffer.from(JSON.stringify({ p: 'unsubscribe', s: subscriberId, d: {}, e: Math.floor(h.clock.now().getTime() / 1000) + 3600 })).toString('base64url');
    const key = Buffer.from(planted, 'base64');
    for (const forged of [`${body}.${createHmac('sha256', key).update(body).digest('base64url')}`, `abcdefgh.${body}.${createHmac('sha256', key).update(`abcdefgh.${body}`).digest('base64url')}`]) {
      const res = await h.call('POST', `/v1/unsubscribe?token=${encodeURIComponent(forged)}`, { body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(res.status).toBe(400);
    }
    expect((await h.services.repos.subscribers.get(subscriberId))?.status).toBe('confirmed');
  });
});
