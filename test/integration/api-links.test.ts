/**
 * Emailed links: opening one (GET, as mail scanners do) never changes anything; expired, forged,
 * mistyped and wrong-purpose tokens get a clear refusal; subscription and sign-in requests look
 * the same whatever the address's state, and send only what they should.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, linkIn, sampleInterview, tokenOf, uniqueEmail, type ApiHarness } from './api-harness.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;

describe('emailed links', () => {
  let h: ApiHarness;
  let user: { token: string; subscriberId: string; email: string };
  let interviewId: string;
  let companyId: string;

  /** Everything that could change: the subscriber's partition, tickets and tokens. */
  const state = async () =>
    JSON.stringify(
      (await h.scanTable())
        .filter((i) => i.entity !== 'rate-window' && i.entity !== 'secret')
        .sort((x, y) => `${x.PK}${x.SK}`.localeCompare(`${y.PK}${y.SK}`)),
    );

  beforeAll(async () => {
    h = await createApiHarness();
    const email = uniqueEmail('links');
    user = { ...(await h.signUp(email)), email };
    companyId = ((await (await h.call('POST', '/v1/companies', { token: user.token, body: { name: 'Umbrella' } })).json()) as { id: string }).id;
    interviewId = ((await (await h.call('POST', '/v1/interviews', { token: user.token, body: sampleInterview({ company: 'Umbrella' }) })).json()) as { id: string }).id;
  });

  it('GET on every kind of emailed link shows a page with a button and changes nothing', async () => {
    // A pending subscription's confirmation link, and a sign-in link for the confirmed user.
    const pendingEmail = uniqueEmail('pending');
    await h.call('POST', '/v1/subscriptions', { body: { email: pendingEmail } });
    const confirmLink = linkIn((await h.mailTo(pendingEmail))[0], '/v1/subscriptions/confirm');
    await h.call('POST', '/v1/sign-in', { body: { email: user.email } });
    const signInMail = (await h.mailTo(user.email)).find((m) => m.subject.includes('sign-in'));
    const signInLink = linkIn(signInMail, '/v1/sign-in/confirm');

    const now = h.clock.now();
    const sign = (purpose: 'interview-event' | 'stop-watching' | 'not-relevant' | 'unsubscribe', data: Record<string, string>) =>
      h.services.links.sign({ purpose, subscriberId: user.subscriberId, data }, now);
    const links = [
      pathOf(confirmLink),
      pathOf(signInLink),
      `/v1/actions?token=${encodeURIComponent(await sign('interview-event', { interviewId, type: 'thank-you-sent' }))}`,
      `/v1/actions?token=${encodeURIComponent(await sign('stop-watching', { companyId }))}`,
      `/v1/actions?token=${encodeURIComponent(await sign('not-relevant', { companyKey: 'umbrella', storyId: 'story-1' }))}`,
      `/v1/actions?token=${encodeURIComponent(await sign('unsubscribe', {}))}`,
      `/v1/unsubscribe?token=${encodeURIComponent(await sign('unsubscribe', {}))}`,
    ];

    const before = await state();
    for (const link of links) {
      for (const method of ['GET', 'HEAD']) {
        const res = await h.call(method, link);
        expect(res.status, `${method} ${link.slice(0, 30)}`).toBe(200);
        if (method === 'GET') {
          const html = await res.text();
          expect(html).toMatch(/<form method="post"/);
          expect(html).toMatch(/<button type="submit">/);
        }
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      }
    }
    expect(await state()).toBe(before);
    expect((await h.services.repos.subscribers.findByEmail(pendingEmail))?.status).toBe('pending');
    expect((await (await h.call('GET', '/v1/me', { token: user.token })).json()) as { status: string }).toMatchObject({ status: 'confirmed' });

    // The buttons then do work: the sign-in link issues a new token that works next to the old one.
    const signedIn = await h.call('POST', '/v1/sign-in/confirm', { body: { token: tokenOf(signInLink) } });
    expect(signedIn.status).toBe(200);
    const { apiToken } = (await signedIn.json()) as { apiToken: string };
    expect(apiToken).not.toBe(user.token);
    expect((await h.call('GET', '/v1/me', { token: apiToken })).status).toBe(200);
    expect((await h.call('GET', '/v1/me', { token: user.token })).status).toBe(200);
  });

  it('refuses expired confirmation and sign-in links, with a page and with JSON', async () => {
    const email = uniqueEmail('expiring');
    await h.call('POST', '/v1/subscriptions', { body: { email } });
    const link = linkIn((await h.mailTo(email))[0], '/v1/subscriptions/confirm');
    h.clock.advance(25 * 3_600_000);
    try {
      const page = await h.call('GET', pathOf(link));
      expect(page.status).toBe(400);
      expect(await page.text()).toMatch(/expired or was already used/);
      const posted = await h.call('POST', '/v1/subscriptions/confirm', { body: { token: tokenOf(link) } });
      expect(posted.status).toBe(400);
      expect(((await posted.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'invalid_link',
        message: expect.stringMatching(/Subscribe again/),
      });
      const viaForm = await h.call('POST', '/v1/subscriptions/confirm', { headers: form, body: `token=${tokenOf(link)}` });
      expect(viaForm.status).toBe(400);
      expect(viaForm.headers.get('content-type')).toMatch(/text\/html/);
      expect((await h.services.repos.subscribers.findByEmail(email))?.status).toBe('pending');
    } finally {
      h.clock.advance(-25 * 3_600_000);
    }

    await h.call('POST', '/v1/sign-in', { body: { email: user.email } });
    const signIn = linkIn((await h.mailTo(user.email)).filter((m) => m.subject.includes('sign-in')).at(-1), '/v1/sign-in/confirm');
    h.clock.advance(61 * 60_000);
    try {
      expect((await h.call('GET', pathOf(signIn))).status).toBe(400);
      expect((await h.call('POST', '/v1/sign-in/confirm', { body: { token: tokenOf(signIn) } })).status).toBe(400);
    } finally {
      h.clock.advance(-61 * 60_000);
    }
  });

  it('refuses expired, forged, mistyped and wrong-purpose tokens', async () => {
    const now = h.clock.now();
    const shortLived = await h.services.links.sign(
      { purpose: 'interview-event', subscriberId: user.subscriberId, data: { interviewId, type: 'offer' } },
      now,
      60,
    );
    const [body, mac] = shortLived.split('.');
    const tampered = `${Buffer.from(Buffer.from(body!, 'base64url').toString().replace('offer', 'rejected')).toString('base64url')}.${mac}`;
    const unsubscribeAsAction = await h.services.links.sign({ purpose: 'interview-event', subscriberId: user.subscriberId, data: { interviewId, type: 'offer' } }, now);
    const before = await state();

    h.clock.advance(120_000);
    try {
      for (const [path, why] of [
        [`/v1/actions?token=${encodeURIComponent(shortLived)}`, 'expired'],
        [`/v1/actions?token=${encodeURIComponent(tampered)}`, 'forged'],
        [`/v1/actions?token=${encodeURIComponent(shortLived.slice(0, -3))}`, 'cut short'],
        ['/v1/actions?token=not-a-token', 'garbage'],
        ['/v1/actions', 'missing'],
        ['/v1/actions?token=', 'empty'],
        [`/v1/unsubscribe?token=${encodeURIComponent(unsubscribeAsAction)}`, 'another purpose'],
        ['/v1/unsubscribe?token=abc.def', 'garbage'],
        ['/v1/subscriptions/confirm?token=abc', 'unknown ticket'],
        ['/v1/sign-in/confirm', 'missing'],
      ] as const) {
        for (const method of ['GET', 'POST']) {
          const res = await h.call(method, path, method === 'POST' ? { headers: form, body: '' } : {});
          expect(res.status, `${method} ${why}`).toBe(400);
          expect(res.headers.get('content-type'), why).toMatch(/text\/html/);
          expect(await res.text()).toMatch(/cannot be used/);
        }
      }
    } finally {
      h.clock.advance(-120_000);
    }
    expect(await state()).toBe(before);
  });

  it('a sign-in ticket cannot confirm a subscription, and is not used up by trying', async () => {
    await h.call('POST', '/v1/sign-in', { body: { email: user.email } });
    const signIn = tokenOf(linkIn((await h.mailTo(user.email)).filter((m) => m.subject.includes('sign-in')).at(-1), '/v1/sign-in/confirm'));
    expect((await h.call('POST', '/v1/subscriptions/confirm', { body: { token: signIn } })).status).toBe(400);
    expect((await h.call('POST', '/v1/sign-in/confirm', { body: { token: signIn } })).status).toBe(200);
    expect((await h.call('POST', '/v1/sign-in/confirm', { body: { token: signIn } })).status).toBe(400);
  });

  it('action links work once: stop watching, and not relevant is remembered', async () => {
    const now = h.clock.now();
    const other = ((await (await h.call('POST', '/v1/companies', { token: user.token, body: { name: 'Soylent' } })).json()) as { id: string }).id;
    const stop = `/v1/actions?token=${encodeURIComponent(await h.services.links.sign({ purpose: 'stop-watching', subscriberId: user.subscriberId, data: { companyId: other } }, now))}`;
    expect(await (await h.call('GET', stop)).text()).toMatch(/Stop watching Soylent/);
    expect(await (await h.call('POST', stop, { headers: form, body: '' })).text()).toMatch(/no longer watches Soylent/);
    expect((await h.call('GET', `/v1/companies/${other}`, { token: user.token })).status).toBe(404);
    // The company is gone, so the link no longer points at anything.
    expect((await h.call('POST', stop, { headers: form, body: '' })).status).toBe(400);

    const notRelevant = `/v1/actions?token=${encodeURIComponent(
      await h.services.links.sign({ purpose: 'not-relevant', subscriberId: user.subscriberId, data: { companyKey: 'umbrella', storyId: 's-42' } }, now),
    )}`;
    expect((await h.call('POST', notRelevant, { headers: form, body: '' })).status).toBe(200);
    expect(await h.services.repos.feedback.list(user.subscriberId)).toEqual([
      expect.objectContaining({ companyKey: 'umbrella', storyId: 's-42', verdict: 'not-relevant' }),
    ]);
    expect(await (await h.call('POST', notRelevant, { headers: form, body: '' })).text()).toMatch(/Already done/);
    const exported = (await (await h.call('GET', '/v1/me/export', { token: user.token })).json()) as { feedback: unknown[] };
    expect(exported.feedback).toHaveLength(1);
  });
});

describe('subscription requests reveal nothing', () => {
  it('answer the same for new, pending, confirmed, unsubscribed and suppressed addresses, and mail only what they should', async () => {
    const h = await createApiHarness();
    const confirmed = uniqueEmail('known');
    const { token } = await h.signUp(confirmed);
    const unsubscribed = uniqueEmail('left');
    const left = await h.signUp(unsubscribed);
    await h.call('PATCH', '/v1/me', { token: left.token, body: { digestHour: 9 } });
    await h.services.repos.subscribers.save({ ...(await h.services.repos.subscribers.findByEmail(unsubscribed))!, status: 'unsubscribed' });
    const pending = uniqueEmail('pending');
    await h.call('POST', '/v1/subscriptions', { body: { email: pending } });
    const suppressed = uniqueEmail('bounced');
    await h.services.repos.suppressions.suppress(suppressed, 'hard bounce', h.clock.now());
    const fresh = uniqueEmail('new');

    const mailBefore = new Map<string, number>();
    for (const e of [confirmed, unsubscribed, pending, suppressed, fresh]) mailBefore.set(e, (await h.mailTo(e)).length);
    const answers = new Set<string>();
    for (const email of [fresh, pending, confirmed, unsubscribed, suppressed]) {
      const res = await h.call('POST', '/v1/subscriptions', { body: { email } });
      answers.add(`${res.status} ${await res.text()}`);
      const signIn = await h.call('POST', '/v1/sign-in', { body: { email } });
      answers.add(`${signIn.status} ${await signIn.text()}`);
    }
    expect(answers.size).toBe(1);
    expect([...answers][0]).toMatch(/^202 /);

    const newMail = async (e: string) => (await h.mailTo(e)).slice(mailBefore.get(e)).map((m) => m.subject);
    expect(await newMail(fresh)).toEqual(['Confirm your afterview subscription']);
    expect(await newMail(pending)).toEqual(['Confirm your afterview subscription']);
    expect(await newMail(unsubscribed)).toEqual(['Confirm your afterview subscription']);
    // A confirmed address gets sign-in links (from subscribing again and from signing in).
    expect(await newMail(confirmed)).toEqual(['Your afterview sign-in link', 'Your afterview sign-in link']);
    expect(await newMail(suppressed)).toEqual([]);
    expect(await h.services.repos.subscribers.findByEmail(suppressed)).toBeNull();
    expect(token).toBeTruthy();
  });

  it('stops mailing an address after a few requests, still answering 202', async () => {
    const h = await createApiHarness();
    const email = uniqueEmail('hammered');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await h.call('POST', '/v1/subscriptions', { body: { email }, ip: `192.0.2.${i}` })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 202]);
    expect(await h.mailTo(email)).toHaveLength(3);
  });

  it('stops mailing from one client after a few requests, whatever the addresses', async () => {
    const h = await createApiHarness();
    // The production limit: local mode's is looser, since every local request comes from 127.0.0.1.
    (h.services.config as { runtime: string }).runtime = 'aws';
    const addresses = Array.from({ length: 12 }, (_, i) => uniqueEmail(`spray${i}`));
    for (const email of addresses) expect((await h.call('POST', '/v1/subscriptions', { body: { email }, ip: '192.0.2.99' })).status).toBe(202);
    const mailed = await Promise.all(addresses.map(async (e) => (await h.mailTo(e)).length));
    expect(mailed.reduce((a, b) => a + b, 0)).toBe(10);
  });
});
