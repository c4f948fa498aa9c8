/**
 * The calendar feed through the real app on the test table: GET /v1/me gives the whole link, the
 * feed parses as iCalendar and follows the plan, renewing the link refuses the old one at once
 * (404), and a link only ever shows its own subscriber's plan.
 */
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, PUBLIC_URL, sampleInterview, uniqueEmail, type ApiHarness } from './api-harness.js';

interface Me {
  calendarUrl: string;
}

const pathOf = (url: string) => url.slice(PUBLIC_URL.length);
const tokenIn = (url: string) => new URL(url).searchParams.get('token') ?? '';

function eventsIn(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => ({
    uid: String(v.getFirstPropertyValue('uid')),
    start: String(v.getFirstPropertyValue('dtstart')),
    summary: String(v.getFirstPropertyValue('summary')),
    sequence: Number(v.getFirstPropertyValue('sequence')),
  }));
}

describe('calendar feed (GET /v1/calendar.ics)', () => {
  let h: ApiHarness;
  let a: { token: string; subscriberId: string };
  let b: { token: string; subscriberId: string };
  let interviewId: string;

  const me = async (token: string) => (await (await h.call('GET', '/v1/me', { token })).json()) as Me;
  const fetchFeed = (url: string) => h.call('GET', pathOf(url));

  beforeAll(async () => {
    h = await createApiHarness({ startAt: '2026-10-29T12:00:00Z' });
    a = await h.signUp(uniqueEmail('feed-a'), 'America/New_York');
    b = await h.signUp(uniqueEmail('feed-b'), 'Europe/Paris');
    const created = await h.call('POST', '/v1/interviews', {
      token: a.token,
      body: sampleInterview({ interviewedAt: '2026-10-28T15:00:00Z', decisionExpectedBy: '2026-11-10' }),
    });
    interviewId = ((await created.json()) as { id: string }).id;
    await h.call('POST', '/v1/interviews', {
      token: b.token,
      body: sampleInterview({ company: 'Initech', role: 'Account Manager', timeZone: 'Europe/Paris', interviewedAt: '2026-10-27T09:00:00Z' }),
    });
  });

  it('GET /v1/me gives the whole feed link, the same on every call', async () => {
    const first = await me(a.token);
    expect(first.calendarUrl).toMatch(new RegExp(`^${PUBLIC_URL.replace(/\./g, '\\.')}/v1/calendar\\.ics\\?token=[A-Za-z0-9_.%-]+$`));
    expect((await me(a.token)).calendarUrl).toBe(first.calendarUrl);
    expect((await me(b.token)).calendarUrl).not.toBe(first.calendarUrl);
  });

  it('serves the plan as iCalendar without an API token, and only the link owner’s plan', async () => {
    const res = await fetchFeed((await me(a.token)).calendarUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = eventsIn(await res.text());
    expect(events.map((e) => [e.uid, e.start, e.summary])).toEqual([
      [`${interviewId}-thank-you@afterview`, '2026-10-29', 'Send a thank-you note: Data Analyst at Acme Robotics'],
      [`${interviewId}-decision@afterview`, '2026-11-10', 'Decision expected: Data Analyst at Acme Robotics'],
      [`${interviewId}-follow-up@afterview`, '2026-11-14', 'Follow up: Data Analyst at Acme Robotics'],
    ]);
    const theirs = eventsIn(await (await fetchFeed((await me(b.token)).calendarUrl)).text());
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((e) => e.summary.includes('Initech') && !e.uid.startsWith(interviewId))).toBe(true);
  });

  it('changes as the plan changes: same UIDs, new dates, a higher SEQUENCE', async () => {
    const url = (await me(a.token)).calendarUrl;
    const before = eventsIn(await (await fetchFeed(url)).text());
    h.clock.advance(60_000);
    await h.call('POST', `/v1/interviews/${interviewId}/events`, { token: a.token, body: { type: 'thank-you-sent' } });
    await h.call('PATCH', `/v1/interviews/${interviewId}`, { token: a.token, body: { decisionExpectedBy: '2026-11-06' } });
    const after = eventsIn(await (await fetchFeed(url)).text());
    expect(after.map((e) => e.uid)).toEqual([`${interviewId}-decision@afterview`, `${interviewId}-follow-up@afterview`]);
    const followUp = (events: typeof before) => events.find((e) => e.uid.endsWith('-follow-up@afterview'))!;
    expect(followUp(before).start).toBe('2026-11-14');
    expect(followUp(after).start).toBe('2026-11-10');
    expect(followUp(after).sequence).toBeGreaterThan(followUp(before).sequence);
  });

  it('renewing the link refuses the old one at once, and the new one works', async () => {
    const old = (await me(a.token)).calendarUrl;
    expect((await fetchFeed(old)).status).toBe(200);
    const renewed = await h.call('POST', '/v1/me/calendar-url', { token: a.token });
    expect(renewed.status).toBe(200);
    const { calendarUrl } = (await renewed.json()) as Me;
    expect(calendarUrl).not.toBe(old);
    expect((await me(a.token)).calendarUrl).toBe(calendarUrl);
    const refused = await fetchFeed(old);
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await fetchFeed(calendarUrl)).status).toBe(200);
    // B's link is untouched by A's renewal.
    expect((await fetchFeed((await me(b.token)).calendarUrl)).status).toBe(200);
  });

  it('refuses forged, altered and other kinds of links, and needs a token to renew', async () => {
    const good = tokenIn((await me(a.token)).calendarUrl);
    // <id of the key that signed it>.<payload>.<signature>
    const [keyId, body, mac] = good.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as { s: string };
    const otherSubscriber = `${keyId}.${Buffer.from(JSON.stringify({ ...payload, s: b.subscriberId })).toString('base64url')}`;
    // A genuine link of another purpose (the digest's one-entry calendar file) is not a feed link.
    const digestLink = await h.services.links.sign({ purpose: 'calendar', subscriberId: a.subscriberId, data: { interviewId, type: 'follow-up', dueOn: '2026-11-10' } }, h.clock.now());
    for (const token of [`${otherSubscriber}.${mac}`, `${keyId}.${body}.${mac}x`, digestLink, 'nonsense']) {
      expect((await h.call('GET', `/v1/calendar.ics?token=${encodeURIComponent(token)}`)).status, token.slice(0, 20)).toBe(404);
    }
    for (const path of ['/v1/calendar.ics', '/v1/calendar.ics?token=']) {
      const res = await h.call('GET', path);
      expect(res.status).toBe(400);
      // Plain words, not the validator's ("expected string, received undefined").
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/the link has no token; open the whole link, as the email or Settings gives it/);
    }
    expect((await h.call('POST', '/v1/me/calendar-url')).status).toBe(401);
    // The link's token never reaches a log line.
    expect(h.logs.join('\n')).not.toContain(good);
  });

  it('stops at once when the account is deleted', async () => {
    const c = await h.signUp(uniqueEmail('feed-c'));
    const url = (await me(c.token)).calendarUrl;
    expect((await fetchFeed(url)).status).toBe(200);
    expect((await h.call('DELETE', '/v1/me', { token: c.token })).status).toBe(204);
    expect((await fetchFeed(url)).status).toBe(404);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await h.call('GET', '/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { properties?: object }> } };
    expect(doc.paths['/v1/calendar.ics']).toHaveProperty('get');
    expect(doc.paths['/v1/me/calendar-url']).toHaveProperty('post');
    expect(doc.components.schemas.Account?.properties).toHaveProperty('calendarUrl');
  });
});
