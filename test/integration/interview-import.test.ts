/**
 * POST /v1/interviews/import through the real app on the test table: an invite in, the interview
 * out (200), nothing saved; bad invites get 400 with one sentence, oversized ones too (its own
 * 256 KB limit, above the API's 64 KB); each subscriber's own address and zone are theirs alone;
 * and the OpenAPI document describes the route.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, PUBLIC_URL, uniqueEmail, type ApiHarness } from './api-harness.js';

type ErrorBody = { error: { code: string; message: string } };
interface Reading {
  interview: Record<string, unknown> & { interviewer: { name: string | null; email: string | null } };
  warnings: string[];
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'invites');
/** A fixture with the test subscriber's address where the invite has the candidate's. */
const invite = (name: string, candidate: string) => readFileSync(join(FIXTURES, name), 'utf8').replaceAll('sam.rivera@gmail.com', candidate);

describe('POST /v1/interviews/import', () => {
  let h: ApiHarness;
  let a: { token: string; subscriberId: string; email: string };
  let b: { token: string; subscriberId: string; email: string };

  const importAs = (who: { token?: string }, body: string | Uint8Array, contentType = 'text/calendar') =>
    Promise.resolve(
      h.app.request(
        `${PUBLIC_URL}/v1/interviews/import`,
        { method: 'POST', headers: { 'content-type': contentType, ...(who.token ? { authorization: `Bearer ${who.token}` } : {}) }, body },
        { requestContext: { http: { sourceIp: '198.51.100.7' } } },
      ),
    );
  /** Everything but the throttling counters, which every request moves, and when each token was last used (at most hourly). */
  const storedData = async () =>
    (await h.scanTable()).filter((i) => !String(i.PK).startsWith('RATE#')).map(({ lastUsedAt: _used, ...item }) => item);

  beforeAll(async () => {
    h = await createApiHarness({ startAt: '2026-10-30T12:00:00Z' });
    const emailA = uniqueEmail('import-a');
    const emailB = uniqueEmail('import-b');
    a = { ...(await h.signUp(emailA, 'Europe/Paris')), email: emailA };
    b = { ...(await h.signUp(emailB, 'America/New_York')), email: emailB };
  });

  it('reads a Google Calendar invite into the interview fields, null where unknown, and saves nothing', async () => {
    const before = await storedData();
    const res = await importAs(a, invite('google-meet-utc.ics', a.email));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Reading;
    expect(body.interview).toEqual({
      company: 'Acme Robotics',
      role: 'Data Analyst',
      interviewer: { name: 'Dana Lee', email: 'dana.lee@acmerobotics.example' },
      interviewedAt: '2026-11-02T20:00:00Z',
      format: 'video',
      decisionExpectedBy: null,
      contactPolicy: null,
      lastEmployerChannel: null,
      // The invite gives UTC only: the subscriber's own zone stands in, and they are told.
      timeZone: 'Europe/Paris',
    });
    expect(body.warnings).toEqual([expect.stringContaining('(Europe/Paris)')]);
    expect(await storedData()).toEqual(before);
    expect(((await (await h.call('GET', '/v1/interviews', { token: a.token })).json()) as { interviews: unknown[] }).interviews).toEqual([]);
  });

  it('gives what the client needs to add the interview with POST /v1/interviews', async () => {
    const { interview } = (await (await importAs(a, invite('outlook-teams-pacific.ics', a.email))).json()) as Reading;
    const fields = Object.fromEntries(Object.entries(interview).filter(([, v]) => v !== null));
    const created = await h.call('POST', '/v1/interviews', { token: a.token, body: fields });
    expect(created.status).toBe(201);
    const saved = (await created.json()) as { id: string };
    expect(saved).toMatchObject({ company: 'Contoso Health', timeZone: 'America/Los_Angeles', interviewedAt: '2026-11-03T18:00:00Z' });
    expect((await h.call('DELETE', `/v1/interviews/${saved.id}`, { token: a.token })).status).toBe(204);
  });

  it('takes the reading back unchanged: POST /v1/interviews reads its nulls as "not given", so the defaults apply', async () => {
    const readings: Reading[] = [];
    for (const name of ['google-meet-utc.ics', 'google-export-new-york.ics', 'zoom-scheduled-meeting.ics', 'outlook-custom-zone.ics']) {
      readings.push((await (await importAs(a, invite(name, a.email))).json()) as Reading);
    }
    // The nulls the contract promises are there to be sent back: the policy, the channel, and a format or an address the invite did not give.
    const usable = readings.filter((r) => r.interview.company !== null && r.interview.role !== null && r.interview.interviewer.name !== null);
    expect(usable).toHaveLength(4);
    expect(usable.some((r) => r.interview.format === null)).toBe(true);
    expect(usable.some((r) => r.interview.interviewer.email === null)).toBe(true);
    expect(usable.some((r) => r.interview.timeZone === null)).toBe(true);
    for (const { interview } of usable) {
      expect(interview).toMatchObject({ contactPolicy: null, lastEmployerChannel: null, decisionExpectedBy: null });
      const created = await h.call('POST', '/v1/interviews', { token: a.token, body: interview });
      expect(created.status, JSON.stringify(await created.clone().json())).toBe(201);
      const saved = (await created.json()) as Record<string, unknown> & { id: string; interviewer: Record<string, unknown> };
      const timeZone = interview.timeZone ?? 'UTC';
      expect(saved).toMatchObject({ contactPolicy: 'ok', lastEmployerChannel: 'email', interviewedAt: interview.interviewedAt, timeZone });
      if (interview.format === null) expect(saved).not.toHaveProperty('format');
      if (interview.interviewer.email === null) expect(saved.interviewer).toEqual({ name: interview.interviewer.name });
      // A change may send nulls back too: "not given" leaves the field as it is.
      const patched = await h.call('PATCH', `/v1/interviews/${saved.id}`, { token: a.token, body: { ...interview, role: 'Senior Analyst', contactPolicy: null, timeZone: null } });
      expect(patched.status).toBe(200);
      expect(await patched.json()).toMatchObject({ role: 'Senior Analyst', contactPolicy: 'ok', timeZone });
      expect((await h.call('DELETE', `/v1/interviews/${saved.id}`, { token: a.token })).status).toBe(204);
    }
    // Unknown keys are still refused, null or not.
    const stray = await h.call('POST', '/v1/interviews', { token: a.token, body: { ...usable[0]!.interview, warnings: null } });
    expect(stray.status).toBe(400);
    expect(((await stray.json()) as ErrorBody).error.message).toMatch(/unknown field "warnings"/);
  });

  it('says in the OpenAPI document that null means "not given" for the optional interview fields', async () => {
    const doc = (await (await h.call('GET', '/openapi.json')).json()) as { components: { schemas: Record<string, { properties: Record<string, { type?: unknown; properties?: Record<string, { type?: unknown }> }>; required?: string[] }> } };
    for (const schema of ['InterviewInput', 'InterviewPatch']) {
      const { properties } = doc.components.schemas[schema]!;
      for (const field of ['format', 'decisionExpectedBy', 'contactPolicy', 'lastEmployerChannel', 'timeZone']) {
        expect(properties[field]?.type, `${schema}.${field}`).toEqual(expect.arrayContaining(['null']));
      }
      expect(properties.interviewer?.properties?.email?.type, `${schema}.interviewer.email`).toEqual(expect.arrayContaining(['null']));
    }
  });

  it.each([
    ['not iCalendar', 'Hi, see you Tuesday at 3pm!', /^This is not a calendar invite we can read/],
    ['no event', readFileSync(join(FIXTURES, 'no-event.ics'), 'utf8'), /^This calendar file holds no event/],
    ['no start time', readFileSync(join(FIXTURES, 'no-start-time.ics'), 'utf8'), /^This invite has no start time/],
    ['only a cancellation', readFileSync(join(FIXTURES, 'outlook-cancelled.ics'), 'utf8'), /^This invite cancels the meeting/],
    ['cut short', readFileSync(join(FIXTURES, 'truncated.ics'), 'utf8'), /^This invite is damaged or cut short/],
    ['empty', '', /^This is not a calendar invite we can read/],
    [
      'a repeat every second from 1900',
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@example\r\nDTSTART:19000101T120000Z\r\nRRULE:FREQ=SECONDLY\r\nSUMMARY:Interview – Acme – Analyst\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      /^This invite is for 1 January 1900, more than a year ago, so it cannot be the interview to follow up on: check that it is the right invite\.$/,
    ],
  ])('answers 400 with one clear sentence for an invite with %s, and saves nothing', async (_label, body, message) => {
    const before = await storedData();
    const res = await importAs(a, body);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe('validation_error');
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/Error|stack|at \w+ \(/);
    expect(await storedData()).toEqual(before);
  });

  it('has its own 256 KB limit: a 150 KB invite is read, a 300 KB one is refused with 400 and one sentence', async () => {
    const padded = (kb: number) =>
      invite('google-meet-utc.ics', a.email).replace('DESCRIPTION:', `DESCRIPTION:${'Agenda and directions. '.repeat(Math.ceil((kb * 1024) / 23))}`);
    const read = await importAs(a, padded(150));
    expect(read.status).toBe(200);
    const refused = await importAs(a, padded(300));
    expect(refused.status).toBe(400);
    const { error } = (await refused.json()) as ErrorBody;
    expect(error).toEqual({
      code: 'validation_error',
      message: "the invite is larger than 256 KB, which no calendar invite needs: send the one event's .ics file",
    });
    // Every other route keeps the API's 64 KB.
    const company = await h.call('POST', '/v1/companies', { token: a.token, body: { name: 'Acme', aliases: ['x'.repeat(100 * 1024)] } });
    expect(company.status).toBe(413);
  });

  it('decodes an invite sent in another charset when Content-Type says so', async () => {
    const text = invite('apple-in-person-london.ics', a.email).replace('CN=Tom Hughes:mailto', 'CN=José Núñez:mailto');
    // The invite is ASCII but for the name, whose letters have the same byte in Latin-1 and windows-1252.
    const res = await importAs(a, Buffer.from(text, 'latin1'), 'text/calendar; charset=windows-1252');
    expect(res.status).toBe(200);
    expect(((await res.json()) as Reading).interview.interviewer.name).toBe('José Núñez');
  });

  it('requires an API token', async () => {
    const res = await importAs({}, invite('google-meet-utc.ics', a.email));
    expect(res.status).toBe(401);
  });

  it("reads every invite as the caller's: their address is never the interviewer, their zone stands in", async () => {
    // An invite A organised, sent to B: for B, A is the interviewer; for A, A is not.
    const text = invite('google-meet-utc.ics', b.email)
      .replace(/ORGANIZER;CN=Dana Lee:mailto:dana\.lee@acmerobotics\.example/, `ORGANIZER;CN=Alex Doe:mailto:${a.email}`)
      .replace(/CN=Dana Lee;X-NUM-GUESTS=0:mailto:dana\.lee@acmerobotics\.example/, `CN=Alex Doe;X-NUM-GUESTS=0:mailto:${a.email}`);
    const forB = (await (await importAs(b, text)).json()) as Reading;
    const forA = (await (await importAs(a, text)).json()) as Reading;
    expect(forB.interview.interviewer).toEqual({ name: 'Alex Doe', email: a.email });
    expect(forB.interview.timeZone).toBe('America/New_York');
    expect(forA.interview.interviewer.email).not.toBe(a.email);
    expect(forA.interview.timeZone).toBe('Europe/Paris');
    // Neither import left anything in either account.
    for (const who of [a, b]) {
      expect(((await (await h.call('GET', '/v1/interviews', { token: who.token })).json()) as { interviews: unknown[] }).interviews).toEqual([]);
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await h.call('GET', '/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    const op = doc.paths['/v1/interviews/import']?.post;
    expect(op?.requestBody?.content).toHaveProperty('text/calendar');
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401']));
    expect(doc.components.schemas).toHaveProperty('InviteReading');
    expect(doc.components.schemas).toHaveProperty('ImportedInterview');
  });
});
