/**
 * The whole journey through the API, as a person and their mail client would make it:
 * subscribe → confirmation mail → (GET changes nothing) → confirm → token → companies →
 * interviews → events → plan → act through an emailed link → one-click unsubscribe → delete.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys, TTL_ATTRIBUTE } from '../../functions/adapters/dynamodb/keys.js';
import { hashToken } from '../../functions/app/account/tokens.js';
import { createApiHarness, linkIn, sampleInterview, tokenOf, uniqueEmail, type ApiHarness } from './api-harness.js';

const json = async <T = Record<string, any>>(res: Response) => (await res.json()) as T;

describe('the API flow', () => {
  let h: ApiHarness;
  const email = uniqueEmail('flow');
  const secrets: string[] = [];

  beforeAll(async () => {
    // Feeds on 127.0.0.1 are allowed here, as AFTERVIEW_ALLOW_HOSTS allows them for local demos.
    h = await createApiHarness({ env: { AFTERVIEW_ALLOW_HOSTS: '127.0.0.1' } });
  });

  it('subscribes, confirms, configures, plans, acts, unsubscribes and deletes', async () => {
    // Subscribe: 202, one confirmation mail with a link to the confirm page.
    const subscribed = await h.call('POST', '/v1/subscriptions', { body: { email, timeZone: 'America/New_York' } });
    expect(subscribed.status).toBe(202);
    const mails = await h.mailTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/confirm/i);
    expect(mails[0]!.body.html).toContain('/v1/subscriptions/confirm?token=');
    const confirmLink = linkIn(mails[0], '/v1/subscriptions/confirm');
    const confirmToken = tokenOf(confirmLink);
    secrets.push(confirmToken);
    expect(Buffer.from(confirmToken, 'base64url').length).toBeGreaterThanOrEqual(32);

    // GET the link (as a mail scanner would): a page with a button, and nothing changes.
    const pending = await h.services.repos.subscribers.findByEmail(email);
    expect(pending?.status).toBe('pending');
    for (let i = 0; i < 2; i++) {
      const page = await h.call('GET', new URL(confirmLink).pathname + new URL(confirmLink).search);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-store');
      const html = await page.text();
      expect(html).toMatch(/<form method="post" action="confirm">/);
      expect(html).toContain(`value="${confirmToken}"`);
    }
    expect((await h.services.repos.subscribers.findByEmail(email))?.status).toBe('pending');

    // POST confirms once and returns the token once.
    const confirmed = await h.call('POST', '/v1/subscriptions/confirm', { body: { token: confirmToken } });
    expect(confirmed.status).toBe(200);
    const { apiToken } = await json<{ apiToken: string }>(confirmed);
    secrets.push(apiToken);
    expect(apiToken).toMatch(/^avt_[A-Za-z0-9_-]{43}$/);
    const again = await h.call('POST', '/v1/subscriptions/confirm', { body: { token: confirmToken } });
    expect(again.status).toBe(400);
    expect((await json(again)).error.code).toBe('invalid_link');
    const token = apiToken;

    // The account: confirmed; it is 07:00 in New York, so the first digest is at 08:00 today (EST).
    const me = await json(await h.call('GET', '/v1/me', { token }));
    expect(me).toMatchObject({ email, status: 'confirmed', timeZone: 'America/New_York', digestHour: 8, nextDigestAt: '2026-11-02T13:00:00.000Z' });
    const subscriberId = (await h.services.repos.subscribers.findIdByApiToken(hashToken(token)))!;
    expect(await h.services.repos.subscribers.listDueForDigest(new Date('2026-11-02T13:00:00Z'))).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: subscriberId })]),
    );

    // Settings: a new hour moves the next digest at once (07:00 is now, so tomorrow).
    const patched = await h.call('PATCH', '/v1/me', { token, body: { digestHour: 7, alerts: 'digest' } });
    expect(patched.status).toBe(200);
    expect(await json(patched)).toMatchObject({ digestHour: 7, alerts: 'digest', nextDigestAt: '2026-11-03T12:00:00.000Z' });

    // Companies.
    const acme = await h.call('POST', '/v1/companies', {
      token,
      body: { name: 'Acme Robotics', aliases: ['Acme'], exclude: ['Acme Anvils'], feeds: ['http://127.0.0.1:8080/acme.xml'] },
    });
    expect(acme.status).toBe(201);
    const acmeCompany = await json(acme);
    expect(acmeCompany).toMatchObject({ name: 'Acme Robotics', key: 'acme-robotics', aliases: ['Acme'], feeds: ['http://127.0.0.1:8080/acme.xml'] });
    // The news watch now polls the news search and the added feed for this subscriber.
    const watchers = (await h.scanTable()).filter((i) => i.entity === 'source-watcher' && i.subscriberId === subscriberId);
    expect(watchers).toHaveLength(2);
    const duplicate = await h.call('POST', '/v1/companies', { token, body: { name: 'ACME robotics' } });
    expect(duplicate.status).toBe(409);
    const renamed = await h.call('PATCH', `/v1/companies/${acmeCompany.id}`, { token, body: { aliases: ['Acme', 'Acme Robotics Inc.'] } });
    expect(renamed.status).toBe(200);
    expect(await json(renamed)).toMatchObject({ aliases: ['Acme', 'Acme Robotics Inc.'], exclude: ['Acme Anvils'] });

    // Interviews: an existing company is linked, a new one is watched from now on.
    const created = await h.call('POST', '/v1/interviews', { token, body: sampleInterview() });
    expect(created.status).toBe(201);
    const interview = await json(created);
    expect(interview).toMatchObject({ company: 'Acme Robotics', companyId: acmeCompany.id, events: [], contactPolicy: 'ok' });
    const globex = await h.call('POST', '/v1/interviews', {
      token,
      body: sampleInterview({ company: 'Globex', role: 'Analyst', interviewedAt: '2026-10-20T14:00:00Z', decisionExpectedBy: null }),
    });
    expect(globex.status).toBe(201);
    const companies = (await json(await h.call('GET', '/v1/companies', { token }))).companies as Array<{ name: string }>;
    expect(companies.map((c) => c.name)).toEqual(['Acme Robotics', 'Globex']);
    expect((await json(await h.call('GET', '/v1/interviews', { token }))).interviews).toHaveLength(2);

    // The plan before anything was done: a thank-you note is due for Acme.
    const before = await json(await h.call('GET', '/v1/plan', { token }));
    const acmePlan = before.interviews.find((p: { interviewId: string }) => p.interviewId === interview.id);
    expect(acmePlan.actions.map((a: { type: string }) => a.type)).toContain('send-thank-you');
    expect(acmePlan.actions[0].draft.body).toContain('Dana');

    // Record the thank-you: the plan moves on.
    const event = await h.call('POST', `/v1/interviews/${interview.id}/events`, { token, body: { type: 'thank-you-sent', at: '2026-10-29T09:00:00Z' } });
    expect(event.status).toBe(201);
    expect((await json(event)).events).toEqual([{ type: 'thank-you-sent', at: '2026-10-29T09:00:00Z' }]);
    const after = await json(await h.call('GET', `/v1/interviews/${interview.id}/plan`, { token }));
    expect(after.status).toBe('open');
    expect(after.actions.map((a: { type: string }) => a.type)).not.toContain('send-thank-you');

    // An interview change keeps its events.
    const changed = await h.call('PATCH', `/v1/interviews/${interview.id}`, { token, body: { decisionExpectedBy: '2026-11-14', format: 'video' } });
    expect(changed.status).toBe(200);
    expect(await json(changed)).toMatchObject({ decisionExpectedBy: '2026-11-14', format: 'video', events: [{ type: 'thank-you-sent' }] });

    // Act through emailed links: the mail carries signed links, as digests do.
    const now = h.clock.now();
    const heardBack = await h.services.links.sign({ purpose: 'interview-event', subscriberId, data: { interviewId: interview.id, type: 'heard-back' } }, now);
    const unsubscribe = await h.services.links.sign({ purpose: 'unsubscribe', subscriberId, data: {} }, now);
    secrets.push(heardBack, unsubscribe);
    const actionUrl = `${h.services.config.publicUrl}/v1/actions?token=${encodeURIComponent(heardBack)}`;
    const unsubscribeUrl = `${h.services.config.publicUrl}/v1/unsubscribe?token=${encodeURIComponent(unsubscribe)}`;
    await h.services.mailer.send({
      to: email,
      kind: 'digest',
      subject: 'Your afterview digest',
      text: `They replied? ${actionUrl}\nUnsubscribe: ${unsubscribeUrl}\n`,
      html: `<a href="${actionUrl}">They replied</a>`,
      headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    const digest = (await h.mailTo(email)).find((m) => m.subject === 'Your afterview digest');
    const emailedAction = linkIn(digest, '/v1/actions');
    const emailedUnsubscribe = linkIn(digest, '/v1/unsubscribe');
    const path = (url: string) => new URL(url).pathname + new URL(url).search;

    const actionPage = await h.call('GET', path(emailedAction));
    expect(actionPage.status).toBe(200);
    expect(await actionPage.text()).toMatch(/Record that you heard back from them\?/);
    expect((await json(await h.call('GET', `/v1/interviews/${interview.id}`, { token }))).events).toHaveLength(1);

    const acted = await h.call('POST', path(emailedAction), { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(acted.status).toBe(200);
    expect(await acted.text()).toMatch(/Recorded/);
    const actedAgain = await h.call('POST', path(emailedAction), { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(await actedAgain.text()).toMatch(/Already done/);
    const events = (await json(await h.call('GET', `/v1/interviews/${interview.id}`, { token }))).events as Array<{ type: string }>;
    expect(events.map((e) => e.type)).toEqual(['thank-you-sent', 'heard-back']);

    // One-click unsubscribe (RFC 8058): effective at once, off the digest index, repeatable.
    const unsubscribed = await h.call('POST', path(emailedUnsubscribe), {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.status).toBe(200);
    const meAfter = await json(await h.call('GET', '/v1/me', { token }));
    expect(meAfter.status).toBe('unsubscribed');
    expect(meAfter.nextDigestAt).toBeUndefined();
    const due = await h.services.repos.subscribers.listDueForDigest(new Date('2030-01-01T00:00:00Z'));
    expect(due.map((s) => s.id)).not.toContain(subscriberId);
    const repeated = await h.call('POST', path(emailedUnsubscribe), {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(repeated.status).toBe(200);

    // Export: everything, no token hashes.
    const exported = await h.call('GET', '/v1/me/export', { token });
    expect(exported.status).toBe(200);
    const data = await json(exported);
    expect(data.account).toMatchObject({ email, status: 'unsubscribed', apiTokens: 1 });
    expect(data.companies).toHaveLength(2);
    expect(data.interviews).toHaveLength(2);
    const exportedText = JSON.stringify(data);
    expect(exportedText).not.toContain('tokenHashes');
    expect(exportedText).not.toContain(hashToken(token));

    // No token is stored in plain text anywhere in the table, nor logged.
    const everything = JSON.stringify(await h.scanTable());
    const logs = h.logs.join('');
    for (const secret of secrets) {
      expect(everything).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
    expect(everything).toContain(hashToken(token));
    expect(logs).not.toContain(email);

    // Delete: nothing of the subscriber is left; the token stops working.
    const deleted = await h.call('DELETE', '/v1/me', { token });
    expect(deleted.status).toBe(204);
    const remaining = await h.scanTable();
    expect(remaining.filter((i) => i.PK === `SUB#${subscriberId}`)).toEqual([]);
    expect(remaining.filter((i) => i.PK === keys.emailLookup(email).PK || i.PK === keys.apiToken(hashToken(token)).PK)).toEqual([]);
    expect(remaining.filter((i) => String(i.GSI2SK ?? '').includes(subscriberId) || i.entity === 'source-watcher' && i.subscriberId === subscriberId)).toEqual([]);
    // What still names the id is short-lived by design: the used confirmation ticket (24 h) and rate windows (minutes).
    const lingering = remaining.filter((i) => JSON.stringify(i).includes(subscriberId));
    for (const item of lingering) {
      expect(['ticket', 'rate-window']).toContain(item.entity);
      expect(Number(item[TTL_ATTRIBUTE]) * 1000).toBeLessThanOrEqual(h.clock.now().getTime() + 24 * 3_600_000);
    }
    const gone = await h.call('GET', '/v1/me', { token });
    expect(gone.status).toBe(401);
    expect((await json(gone)).error.code).toBe('unauthorized');
  });

  it('serves the same app through a real Node HTTP server', async () => {
    const server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const address = uniqueEmail('node');
      const subscribed = await fetch(`${base}/v1/subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: address }),
      });
      expect(subscribed.status).toBe(202);
      const link = linkIn((await h.mailTo(address))[0], '/v1/subscriptions/confirm');
      const confirmPath = new URL(link).pathname + new URL(link).search;

      // The page's own form, posted as a browser would.
      const page = await (await fetch(`${base}${confirmPath}`)).text();
      const formToken = page.match(/name="token" value="([^"]+)"/)?.[1];
      expect(formToken).toBe(tokenOf(link));
      const confirmed = await fetch(`${base}/v1/subscriptions/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: formToken! }).toString(),
      });
      expect(confirmed.status).toBe(200);
      expect(confirmed.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      const shown = (await confirmed.text()).match(/<code>(avt_[A-Za-z0-9_-]+)<\/code>/)?.[1];
      expect(shown).toBeDefined();

      const me = await fetch(`${base}/v1/me`, { headers: { authorization: `Bearer ${shown}` } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { email: string }).email).toBe(address);

      const head = await fetch(`${base}/v1/plan`, { method: 'HEAD', headers: { authorization: `Bearer ${shown}` } });
      expect(head.status).toBe(200);

      // A streamed body over the limit is cut off with 413 (no Content-Length to trust).
      const big = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
          controller.close();
        },
      });
      const tooLarge = await fetch(`${base}/v1/companies`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${shown}` },
        body: big,
        duplex: 'half',
      } as RequestInit);
      expect(tooLarge.status).toBe(413);
      expect(((await tooLarge.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  afterAll(() => undefined);
});
