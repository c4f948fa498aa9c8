/**
 * The web app's forms with input they cannot take, as a browser posts them: each refusal is one
 * message a person can act on, naming the field (and the line, for the feeds), and nothing is saved.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, uniqueEmail, type ApiHarness } from './api-harness.js';
import { Browser } from '../support/browser.js';
import { startBrowserSession } from '../../functions/app/account/browser-sessions.js';

/** The messages of a page's "Please fix this" box. */
const errorsOn = (page: string) => [...(page.match(/<div class="notice error"[\s\S]*?<\/ul>/)?.[0] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);

describe('web forms', () => {
  let h: ApiHarness;
  let browser: Browser;
  let subscriberId: string;

  beforeAll(async () => {
    h = await createApiHarness({ startAt: '2026-11-02T12:00:00Z' });
    ({ subscriberId } = await h.signUp(uniqueEmail('web-forms'), 'Europe/Paris'));
    browser = new Browser(h);
    browser.cookies.set('afterview-session', (await startBrowserSession(h.services, subscriberId)).value);
  });

  const interviewForm = (overrides: Record<string, string> = {}) => ({
    company: 'Acme Robotics',
    role: 'Data Analyst',
    interviewerName: 'Dana Lee',
    interviewerEmail: 'dana@acme.example',
    date: '2026-10-28',
    time: '15:00',
    format: 'video',
    decisionExpectedBy: '2026-11-20',
    lastEmployerChannel: 'email',
    timeZone: 'Europe/Paris',
    ...overrides,
  });

  describe('interviews', () => {
    it('refuses a decision date before the interview day, naming the field, and saves nothing', async () => {
      const res = await browser.post('/interviews', { _csrf: await browser.csrf('/interviews/new'), ...interviewForm({ decisionExpectedBy: '2026-10-20' }) });
      expect(res.status).toBe(400);
      expect(errorsOn(await res.text())).toEqual([
        'Decision expected by: 20 Oct 2026 is before the interview (28 Oct 2026); the decision date must be on or after the interview day',
      ]);
      expect(await h.services.repos.interviews.list(subscriberId)).toEqual([]);
    });

    it('refuses a new decision date from a reply that is before the interview day, on the interview page', async () => {
      const added = await browser.post('/interviews', { _csrf: await browser.csrf('/interviews/new'), ...interviewForm() });
      expect(added.status).toBe(303);
      const id = added.headers.get('location')!.split('/')[2]!.split('?')[0]!;
      const replied = await browser.post(`/interviews/${id}/events`, { _csrf: await browser.csrf(`/interviews/${id}`), type: 'heard-back', decisionExpectedBy: '2026-10-01' });
      expect(replied.status).toBe(400);
      const page = await replied.text();
      expect(page).toContain('<h1>Acme Robotics');
      expect(errorsOn(page)).toEqual(['New decision date: 1 Oct 2026 is before the interview (28 Oct 2026); the decision date must be on or after the interview day']);
      expect((await h.services.repos.interviews.get(subscriberId, id))?.events).toEqual([]);
    });
  });
});
