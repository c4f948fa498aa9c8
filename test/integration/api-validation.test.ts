/**
 * Bad requests get clear 4xx answers in the one error shape: unknown keys, malformed JSON,
 * oversized bodies, wrong methods, unknown routes, bad settings, feed URLs the fetcher would
 * refuse, and throttling.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, sampleInterview, uniqueEmail, type ApiHarness } from './api-harness.js';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

describe('request validation', () => {
  let h: ApiHarness;
  let token: string;

  beforeAll(async () => {
    h = await createApiHarness();
    ({ token } = await h.signUp(uniqueEmail('validation')));
  });

  const expectError = async (res: Response, status: number, code: string, message?: RegExp) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as ErrorBody;
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
    if (message) expect(body.error.message).toMatch(message);
    return body;
  };

  it.each([
    ['POST', '/v1/subscriptions', { email: 'a@example.com', colour: 'blue' }, /unknown field "colour"/],
    ['POST', '/v1/sign-in', { email: 'a@example.com', password: 'x' }, /unknown field "password"/],
    ['POST', '/v1/companies', { name: 'Acme', website: 'https://acme.example' }, /unknown field "website"/],
    ['POST', '/v1/interviews', sampleInterview({ salary: 100 }), /unknown field "salary"/],
    ['POST', '/v1/interviews', sampleInterview({ interviewer: { name: 'Dana', phone: '555' } }), /interviewer: unknown field "phone"/],
    ['POST', '/v1/interviews', { ...sampleInterview(), events: [] }, /unknown field "events"/],
    ['PATCH', '/v1/me', { digestHour: 9, theme: 'dark' }, /unknown field "theme"/],
  ])('%s %s refuses unknown keys, naming them', async (method, path, body, message) => {
    const needsToken = !path.startsWith('/v1/subscriptions') && !path.startsWith('/v1/sign-in');
    const res = await h.call(method, path, { token: needsToken ? token : undefined, body });
    await expectError(res, 400, 'validation_error', message);
  });

  it('refuses malformed JSON', async () => {
    for (const [method, path] of [['POST', '/v1/companies'], ['PATCH', '/v1/me'], ['POST', '/v1/subscriptions']] as const) {
      await expectError(await h.call(method, path, { token, body: '{"name": "Acme",' }), 400, 'validation_error', /not valid JSON/);
    }
  });

  it('refuses text that is not Unicode (a lone surrogate) anywhere in a body, and stores nothing', async () => {
    for (const [method, path, body] of [
      ['POST', '/v1/companies', '{"name":"\\ud800"}'],
      ['POST', '/v1/companies', '{"name":"Acme","aliases":["x\\udc00y"]}'],
      ['POST', '/v1/interviews', JSON.stringify(sampleInterview({ company: 'Lone Surrogate Co' })).replace('"role":"', '"role":"\\ud83d ')],
      ['PATCH', '/v1/me', '{"name":"\\udfff"}'],
    ] as const) {
      await expectError(await h.call(method, path, { token, body }), 400, 'validation_error', /not valid Unicode/);
    }
    const companies = (await (await h.call('GET', '/v1/companies', { token })).json()) as { companies: Array<{ name: string }> };
    expect(companies.companies.map((c) => c.name)).not.toContain('Lone Surrogate Co');
    // A real emoji (a surrogate pair) is text like any other.
    const ok = await h.call('POST', '/v1/companies', { token, body: '{"name":"Rocket \\ud83d\\ude80 Labs"}' });
    expect(ok.status).toBe(201);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await h.call('POST', '/v1/companies', { token, body: 'name=Acme', headers: { 'content-type': 'text/plain' } });
    await expectError(res, 415, 'unsupported_media_type');
  });

  it('refuses bodies over 64 KB with 413', async () => {
    const body = JSON.stringify({ name: 'Acme', aliases: ['x'.repeat(70 * 1024)] });
    await expectError(await h.call('POST', '/v1/companies', { token, body }), 413, 'payload_too_large', /64 KB/);
    // Just under the limit is read (and then judged on its content).
    const under = JSON.stringify({ name: 'Acme', aliases: ['y'.repeat(60 * 1024)] });
    await expectError(await h.call('POST', '/v1/companies', { token, body: under }), 400, 'validation_error');
  });

  it.each([
    ['DELETE', '/v1/plan', 'GET, HEAD'],
    ['PUT', '/v1/companies', 'GET, HEAD, POST'],
    ['POST', '/v1/companies/abc', 'GET, HEAD, PATCH, DELETE'],
    ['GET', '/v1/subscriptions', 'POST'],
    ['PUT', '/v1/me', 'GET, HEAD, PATCH, DELETE'],
    ['DELETE', '/v1/interviews/abc/events', 'POST'],
  ])('%s %s is 405 with Allow: %s', async (method, path, allow) => {
    const res = await h.call(method, path, { token });
    expect(res.headers.get('allow')?.split(', ').sort()).toEqual(allow.split(', ').sort());
    await expectError(res, 405, 'method_not_allowed');
  });

  // GET / is the web app now (functions/web/); the API's own root-level misses stay JSON 404s.
  it.each([['GET', '/v1/nothing-here'], ['GET', '/v2/plan'], ['POST', '/v1/interviews/abc/notes'], ['GET', '/v1']])(
    '%s %s is 404',
    async (method, path) => {
      await expectError(await h.call(method, path, { token }), 404, 'not_found');
    },
  );

  it('checks time zones, hours and alert modes', async () => {
    await expectError(
      await h.call('POST', '/v1/subscriptions', { body: { email: uniqueEmail('tz'), timeZone: 'Mars/Olympus' } }),
      400,
      'validation_error',
      /timeZone: must be an IANA time zone/,
    );
    await expectError(await h.call('PATCH', '/v1/me', { token, body: { timeZone: 'EST5EDT-ish' } }), 400, 'validation_error', /timeZone/);
    await expectError(await h.call('PATCH', '/v1/me', { token, body: { digestHour: 24 } }), 400, 'validation_error', /digestHour/);
    await expectError(await h.call('PATCH', '/v1/me', { token, body: { alerts: 'hourly' } }), 400, 'validation_error', /alerts/);
    await expectError(
      await h.call('POST', '/v1/interviews', { token, body: sampleInterview({ timeZone: 'Nowhere/Land' }) }),
      400,
      'validation_error',
      /timeZone/,
    );
    const ok = await h.call('PATCH', '/v1/me', { token, body: { timeZone: 'Asia/Tokyo', digestHour: 0, dailyEvenIfEmpty: true } });
    expect(ok.status).toBe(200);
  });

  it('checks interview fields and events', async () => {
    await expectError(
      await h.call('POST', '/v1/interviews', { token, body: sampleInterview({ interviewer: { name: '  ' } }) }),
      400,
      'validation_error',
      /interviewer\.name: must not be empty/,
    );
    await expectError(
      await h.call('POST', '/v1/interviews', { token, body: sampleInterview({ interviewedAt: 'last Tuesday' }) }),
      400,
      'validation_error',
      /interviewedAt/,
    );
    const created = (await (await h.call('POST', '/v1/interviews', { token, body: sampleInterview() })).json()) as { id: string };
    await expectError(
      await h.call('POST', `/v1/interviews/${created.id}/events`, { token, body: { type: 'ghosted' } }),
      400,
      'validation_error',
      /type/,
    );
    await expectError(
      await h.call('POST', `/v1/interviews/${created.id}/events`, { token, body: { type: 'offer', decisionExpectedBy: '2026-12-01' } }),
      400,
      'validation_error',
      /only a "heard-back" event/,
    );
  });

  it('refuses an event dated more than a day ahead, and takes one dated today or earlier', async () => {
    // The harness clock stands at 2026-11-02T12:00:00Z.
    const created = (await (await h.call('POST', '/v1/interviews', { token, body: sampleInterview() })).json()) as { id: string };
    const events = `/v1/interviews/${created.id}/events`;
    for (const at of ['2099-01-01T00:00:00Z', '2026-11-03T12:00:01Z']) {
      await expectError(
        await h.call('POST', events, { token, body: { type: 'thank-you-sent', at } }),
        400,
        'validation_error',
        new RegExp(`^at: ${at} is more than a day in the future; record what happened once it has happened$`),
      );
    }
    expect((await h.call('POST', events, { token, body: { type: 'thank-you-sent', at: '2026-11-03T09:00:00Z' } })).status).toBe(201);
    expect((await h.call('POST', events, { token, body: { type: 'heard-back', at: '2026-10-30T09:00:00Z' } })).status).toBe(201);
    const stored = (await (await h.call('GET', `/v1/interviews/${created.id}`, { token })).json()) as { events: unknown[] };
    expect(stored.events).toHaveLength(2);
  });

  it('refuses a thank-you or a reply dated before the interview day, and takes the day itself; a withdrawal may come earlier', async () => {
    // The sample interview is 28 Oct 2026, 11:00 in New York.
    const created = (await (await h.call('POST', '/v1/interviews', { token, body: sampleInterview() })).json()) as { id: string };
    const events = `/v1/interviews/${created.id}/events`;
    for (const [type, at] of [['thank-you-sent', '2000-01-01T00:00:00Z'], ['heard-back', '1900-01-01T00:00:00Z'], ['offer', '2026-10-28T03:00:00Z']] as const) {
      await expectError(
        await h.call('POST', events, { token, body: { type, at } }),
        400,
        'validation_error',
        new RegExp(`^at: .+ is before the interview \\(28 Oct 2026\\); a "${type}" can only be recorded on or after the interview day$`),
      );
    }
    const plan = (await (await h.call('GET', `/v1/interviews/${created.id}/plan`, { token })).json()) as { actions: unknown[] };
    expect(plan.actions.length).toBeGreaterThan(0);
    // 28 Oct, 20:00 in New York (already 29 Oct in UTC) is the interview day: taken.
    expect((await h.call('POST', events, { token, body: { type: 'thank-you-sent', at: '2026-10-29T00:00:00Z' } })).status).toBe(201);
    expect((await h.call('POST', events, { token, body: { type: 'withdrawn', at: '2026-10-20T09:00:00Z' } })).status).toBe(201);
  });

  it('refuses a decision date before the interview day (create, change, or a reply), and takes the day itself', async () => {
    const before = /^decisionExpectedBy: 27 Oct 2026 is before the interview \(28 Oct 2026\); the decision date must be on or after the interview day$/;
    // 2026-10-28T15:00Z is 28 Oct in New York.
    await expectError(await h.call('POST', '/v1/interviews', { token, body: sampleInterview({ decisionExpectedBy: '2026-10-27' }) }), 400, 'validation_error', before);
    const created = await h.call('POST', '/v1/interviews', { token, body: sampleInterview({ decisionExpectedBy: '2026-10-28' }) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await expectError(await h.call('PATCH', `/v1/interviews/${id}`, { token, body: { decisionExpectedBy: '2026-10-27' } }), 400, 'validation_error', before);
    // Moving the interview past the decision date it has is refused too, naming the date it has.
    await expectError(
      await h.call('PATCH', `/v1/interviews/${id}`, { token, body: { interviewedAt: '2026-10-30T15:00:00Z' } }),
      400,
      'validation_error',
      /^decisionExpectedBy: 28 Oct 2026 is before the interview \(30 Oct 2026\)/,
    );
    await expectError(
      await h.call('POST', `/v1/interviews/${id}/events`, { token, body: { type: 'heard-back', decisionExpectedBy: '2026-10-01' } }),
      400,
      'validation_error',
      /^decisionExpectedBy: 1 Oct 2026 is before the interview \(28 Oct 2026\)/,
    );
    // Nothing of the refused changes was stored.
    const stored = (await (await h.call('GET', `/v1/interviews/${id}`, { token })).json()) as { decisionExpectedBy: string; interviewedAt: string; events: unknown[] };
    expect(stored).toMatchObject({ decisionExpectedBy: '2026-10-28', interviewedAt: '2026-10-28T15:00:00Z', events: [] });
    // A change that leaves the dates alone does not trip over them.
    expect((await h.call('PATCH', `/v1/interviews/${id}`, { token, body: { role: 'Senior Data Analyst' } })).status).toBe(200);
  });

  it('refuses feed URLs the fetcher would refuse, with 400', async () => {
    for (const feed of [
      'http://127.0.0.1/feed.xml',
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.8/rss',
      'http://[::1]:8080/rss',
      'http://user:pw@news.example/rss',
      'http://news.example:22/rss',
    ]) {
      const res = await h.call('POST', '/v1/companies', { token, body: { name: `Feedco ${feed.length}`, feeds: [feed] } });
      await expectError(res, 400, 'validation_error', /feeds: refused/);
    }
    await expectError(
      await h.call('POST', '/v1/companies', { token, body: { name: 'Ftp Inc', feeds: ['ftp://files.example/rss'] } }),
      400,
      'validation_error',
      /http\(s\) URL/,
    );
    // Nothing was stored for the refused companies.
    const list = (await (await h.call('GET', '/v1/companies', { token })).json()) as { companies: Array<{ name: string }> };
    expect(list.companies.filter((c) => c.name.startsWith('Feedco'))).toEqual([]);
  });

  it('publishes an OpenAPI 3.1 document generated from the same schemas', async () => {
    const res = await h.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, any> } };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/v1/subscriptions', '/v1/subscriptions/confirm', '/v1/sign-in', '/v1/companies', '/v1/companies/{id}', '/v1/interviews', '/v1/interviews/{id}', '/v1/interviews/{id}/events', '/v1/plan', '/v1/me', '/v1/me/export', '/v1/unsubscribe', '/v1/actions']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(Object.keys(doc.paths['/v1/companies/{id}']!).sort()).toEqual(['delete', 'get', 'patch']);
    // Strict bodies are documented as such.
    expect(doc.components.schemas.CompanyInput.additionalProperties).toBe(false);
    // null is "not given" for the optional interview fields (what the invite import answers where an invite does not say).
    expect(doc.components.schemas.InterviewInput.properties.contactPolicy.enum).toEqual(['ok', 'no-contact', null]);
  });

  it('serves the interactive reference from this server only', async () => {
    const page = await h.call('GET', '/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const asset of html.match(/(?:href|src)="([^"]+)"/g)!.map((m) => m.replace(/^(?:href|src)="|"$/g, ''))) {
      const res = await h.call('GET', `/${asset}`);
      expect(res.status, asset).toBe(200);
    }
  });
});

describe('throttling', () => {
  it('answers 429 with Retry-After past the per-client and per-subscriber limits', async () => {
    const h = await createApiHarness({
      overrides: { limits: { perClient: { limit: 3, windowSeconds: 60 }, perSubscriber: { limit: 5, windowSeconds: 60 } } },
      startAt: '2026-11-02T12:00:10Z',
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await h.call('GET', '/v1/plan', { ip: '203.0.113.9' })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await h.call('GET', '/v1/plan', { ip: '203.0.113.9' });
    expect(limited.headers.get('retry-after')).toBe('50');
    expect(((await limited.json()) as ErrorBody).error).toMatchObject({ code: 'rate_limited', message: 'too many requests; try again in 50 seconds' });
    // Another client is not affected; the window passes.
    expect((await h.call('GET', '/v1/plan', { ip: '203.0.113.10' })).status).toBe(401);
    h.clock.advance(60_000);
    expect((await h.call('GET', '/v1/plan', { ip: '203.0.113.9' })).status).toBe(401);

    // A valid token is counted per subscriber, whichever address it comes from.
    const { token } = await h.signUp(uniqueEmail('throttled'));
    const authed: number[] = [];
    for (let i = 0; i < 6; i++) authed.push((await h.call('GET', '/v1/plan', { token, ip: `192.0.2.${i}` })).status);
    expect(authed).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
