/**
 * Per-user isolation: user B tries every route on user A's ids. Every answer is the 404 a missing
 * id gets — word for word — and A's data is exactly as it was.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, sampleInterview, uniqueEmail, type ApiHarness } from './api-harness.js';

describe('per-user isolation', () => {
  let h: ApiHarness;
  let a: { token: string; subscriberId: string };
  let b: { token: string; subscriberId: string };
  let companyId: string;
  let interviewId: string;

  const snapshotOfA = async () => {
    const get = async (path: string) => (await h.call('GET', path, { token: a.token })).json();
    return {
      me: await get('/v1/me'),
      companies: await get('/v1/companies'),
      interviews: await get('/v1/interviews'),
      items: (await h.scanTable()).filter((i) => i.PK === `SUB#${a.subscriberId}`),
    };
  };

  beforeAll(async () => {
    h = await createApiHarness();
    a = await h.signUp(uniqueEmail('user-a'));
    b = await h.signUp(uniqueEmail('user-b'));
    const company = await (await h.call('POST', '/v1/companies', { token: a.token, body: { name: 'Initech', aliases: ['Initech Corp'] } })).json();
    companyId = (company as { id: string }).id;
    const interview = await (await h.call('POST', '/v1/interviews', { token: a.token, body: sampleInterview({ company: 'Initech' }) })).json();
    interviewId = (interview as { id: string }).id;
    await h.call('POST', `/v1/interviews/${interviewId}/events`, { token: a.token, body: { type: 'thank-you-sent' } });
  });

  const routes = (company: string, interview: string) =>
    [
      ['GET', `/v1/companies/${company}`],
      ['PATCH', `/v1/companies/${company}`, { aliases: ['taken over'] }],
      ['DELETE', `/v1/companies/${company}`],
      ['GET', `/v1/interviews/${interview}`],
      ['PATCH', `/v1/interviews/${interview}`, { role: 'Hijacked' }],
      ['DELETE', `/v1/interviews/${interview}`],
      ['POST', `/v1/interviews/${interview}/events`, { type: 'rejected' }],
      ['GET', `/v1/interviews/${interview}/plan`],
    ] as const;

  it("answers 404 on every route for another user's ids, exactly as for missing ids, and changes nothing", async () => {
    const before = await snapshotOfA();
    const missing = routes(randomUUID(), randomUUID());
    const others = routes(companyId, interviewId);
    for (let i = 0; i < others.length; i++) {
      const [method, path, body] = others[i]!;
      const [, missingPath] = missing[i]!;
      const theirs = await h.call(method, path, { token: b.token, body });
      const absent = await h.call(method, missingPath, { token: b.token, body });
      expect(theirs.status, `${method} ${path}`).toBe(404);
      expect(absent.status).toBe(404);
      expect(await theirs.json()).toEqual(await absent.json());
    }
    expect(await snapshotOfA()).toEqual(before);
    // And B sees none of it in lists or the plan.
    expect(await (await h.call('GET', '/v1/companies', { token: b.token })).json()).toEqual({ companies: [] });
    expect(await (await h.call('GET', '/v1/interviews', { token: b.token })).json()).toEqual({ interviews: [] });
    expect(((await (await h.call('GET', '/v1/plan', { token: b.token })).json()) as { interviews: unknown[] }).interviews).toEqual([]);
  });

  it('never takes the user from the body', async () => {
    const res = await h.call('POST', '/v1/companies', { token: b.token, body: { name: 'Hooli', subscriberId: a.subscriberId } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('"subscriberId"');
    const patch = await h.call('PATCH', '/v1/me', { token: b.token, body: { email: 'x@example.com' } });
    expect(patch.status).toBe(400);
  });

  it("B's own signed link naming A's interview or company does nothing", async () => {
    const before = await snapshotOfA();
    const now = h.clock.now();
    const links = [
      await h.services.links.sign({ purpose: 'interview-event', subscriberId: b.subscriberId, data: { interviewId, type: 'offer' } }, now),
      await h.services.links.sign({ purpose: 'stop-watching', subscriberId: b.subscriberId, data: { companyId } }, now),
    ];
    for (const token of links) {
      const path = `/v1/actions?token=${encodeURIComponent(token)}`;
      expect((await h.call('GET', path)).status).toBe(400);
      const post = await h.call('POST', path, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
      expect(post.status).toBe(400);
      expect(await post.text()).toMatch(/not valid/);
    }
    expect(await snapshotOfA()).toEqual(before);
  });

  it('without a token, or with a wrong one, every data route is 401', async () => {
    for (const [method, path, body] of [...routes(companyId, interviewId), ['GET', '/v1/plan'], ['GET', '/v1/me'], ['GET', '/v1/me/export'], ['DELETE', '/v1/me']] as const) {
      const none = await h.call(method, path, { body });
      expect(none.status, `${method} ${path}`).toBe(401);
      const wrong = await h.call(method, path, { body, token: `avt_${'x'.repeat(43)}` });
      expect(wrong.status).toBe(401);
      expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    expect((await h.call('GET', '/v1/me', { token: a.token })).status).toBe(200);
  });
});
