/**
 * The web app's forms with input they cannot take, as a browser posts them: each refusal is one
 * message a person can act on, naming the field (and the line, for the feeds), and nothing is saved.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, uniqueEmail, type ApiHarness } from './api-harness.js';
import { Browser } from '../support/browser.js';
import { startBrowserSession } from '../../functions/app/account/browser-sessions.js';
import { createFeedUrlValidator } from '../../functions/adapters/http/feed-url-validator.js';
import { MAX_INVITE_BYTES } from '../../functions/app/interviews/import-invite.js';
import { COMPANY_NAME_MAX_CHARS } from '../../functions/domain/company.js';

/** DNS as a machine without it for these names answers: no such name, or no answer just now. */
async function resolveOffline(hostname: string): Promise<Array<{ address: string; family: 4 | 6 }>> {
  if (hostname === 'umbrella.example') throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  if (hostname === 'flaky.example') throw Object.assign(new Error(`getaddrinfo EAI_AGAIN ${hostname}`), { code: 'EAI_AGAIN' });
  return [{ address: '93.184.215.14', family: 4 }];
}

/** The messages of a page's "Please fix this" box. */
const errorsOn = (page: string) => [...(page.match(/<div class="notice error"[\s\S]*?<\/ul>/)?.[0] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);

describe('web forms', () => {
  let h: ApiHarness;
  let browser: Browser;
  let subscriberId: string;

  beforeAll(async () => {
    h = await createApiHarness({
      startAt: '2026-11-02T12:00:00Z',
      overrides: { feedUrls: createFeedUrlValidator({ allowHosts: [], resolve: resolveOffline }) },
    });
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

  describe('companies', () => {
    const companyForm = async (fields: Record<string, string>) => browser.post('/companies', { _csrf: await browser.csrf('/companies'), name: 'Umbrella Corp', aliases: '', exclude: '', feeds: '', ...fields });
    const watched = async () => (await h.services.repos.companies.list(subscriberId)).map((c) => c.name);

    it('names the one bad line of the extra feeds, once', async () => {
      const res = await companyForm({ feeds: 'https://umbrella.example/news/rss\n\nnot a feed address\nhttps://umbrella.example/press.xml' });
      expect(res.status).toBe(400);
      expect(errorsOn(await res.text())).toEqual(['Extra feeds, line 3: must be an http(s) URL like https://example.com/news/rss']);
      expect(await watched()).not.toContain('Umbrella Corp');
    });

    it('says in a sentence for people that a feed address does not exist, or cannot be checked just now', async () => {
      const missing = await companyForm({ feeds: 'https://umbrella.example/rss' });
      expect(missing.status).toBe(400);
      expect(errorsOn(await missing.text())).toEqual([
        'Extra feeds: there is no site called umbrella.example, so https://umbrella.example/rss cannot be a feed. Check the address for typos.',
      ]);
      const flaky = await companyForm({ feeds: 'https://flaky.example/rss' });
      expect(errorsOn(await flaky.text())).toEqual([
        'Extra feeds: flaky.example could not be looked up just now, so https://flaky.example/rss could not be checked. Try again in a minute.',
      ]);
      expect(await watched()).not.toContain('Umbrella Corp');
      // The API says the same, under the field's name.
      const { token } = await h.signUp(uniqueEmail('web-forms-api'));
      const api = await h.call('POST', '/v1/companies', { token, body: { name: 'Umbrella Corp', feeds: ['https://umbrella.example/rss'] } });
      expect(api.status).toBe(400);
      expect(((await api.json()) as { error: { message: string } }).error.message).toBe(
        'feeds: there is no site called umbrella.example, so https://umbrella.example/rss cannot be a feed. Check the address for typos.',
      );
    });

    it(`takes names of up to ${COMPANY_NAME_MAX_CHARS} characters, the same whether the company is added alone or with an interview`, async () => {
      const longest = `${'Umbrella'.repeat(COMPANY_NAME_MAX_CHARS / 8)}`;
      expect(longest).toHaveLength(COMPANY_NAME_MAX_CHARS);
      const page = await (await browser.get('/companies')).text();
      expect(page).toContain(`name="name" required maxlength="${COMPANY_NAME_MAX_CHARS}"`);
      expect((await companyForm({ name: longest })).status).toBe(303);
      const { token } = await h.signUp(uniqueEmail('web-forms-names'));
      const tooLong = `${longest}X`;
      const company = await h.call('POST', '/v1/companies', { token, body: { name: tooLong } });
      const interview = await h.call('POST', '/v1/interviews', {
        token,
        body: { company: tooLong, role: 'Analyst', interviewer: { name: 'Dana Lee' }, interviewedAt: '2026-10-28T15:00:00Z' },
      });
      for (const res of [company, interview]) {
        expect(res.status).toBe(400);
        expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(new RegExp(`^body: (name|company): Too big: expected string to have <=${COMPANY_NAME_MAX_CHARS} characters$`));
      }
      expect((await h.call('POST', '/v1/companies', { token, body: { name: longest } })).status).toBe(201);
    });

    it('heads every column of the companies table the same way', async () => {
      const page = await (await browser.get('/companies')).text();
      const headers = [...page.match(/<thead>([\s\S]*?)<\/thead>/)![1]!.matchAll(/<th scope="col">([\s\S]*?)<\/th>/g)].map((m) => m[1]);
      expect(headers).toEqual(['Company', 'Watching', 'Change']);
    });
  });

  describe('invites', () => {
    it('says what the API says when an upload is larger than any invite, on the invite page', async () => {
      const form = new FormData();
      form.set('_csrf', await browser.csrf('/interviews/import'));
      form.set('invite', new File(['BEGIN:VCALENDAR\r\n', 'x'.repeat(2 * 1024 * 1024)], 'invite.ics', { type: 'text/calendar' }));
      const res = await browser.post('/interviews/import', form);
      expect(res.status).toBe(413);
      const page = await res.text();
      expect(page).toContain('<title>Add from a calendar invite · afterview</title>');
      expect(page).toContain(`The invite is larger than ${MAX_INVITE_BYTES / 1024} KB, which no calendar invite needs: send the one event's .ics file.`.replace(/'/g, '&#39;'));
      expect(page).toContain('href="/interviews/import"');
      expect(page).not.toContain('too much text');
    });
  });

  describe('time zones', () => {
    const zonesIn = (page: string) => [...page.matchAll(/<option value="([A-Za-z_]+\/[^"]+)"/g)].map((m) => m[1]!);

    it('offers the canonical IANA names in sign-up and Settings, and still takes a legacy name', async () => {
      const signUp = zonesIn(await (await new Browser(h).get('/sign-in')).text());
      const settings = zonesIn(await (await browser.get('/settings')).text());
      for (const zones of [signUp, settings]) {
        expect(zones).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Europe/Kyiv', 'Asia/Ho_Chi_Minh', 'America/Argentina/Buenos_Aires', 'America/Nuuk']));
        expect(zones).not.toEqual(expect.arrayContaining(['Asia/Calcutta']));
        for (const legacy of ['Asia/Calcutta', 'Europe/Kiev', 'Asia/Saigon', 'America/Buenos_Aires', 'America/Godthab']) expect(zones).not.toContain(legacy);
      }
      // Browsers may still report the old name: the picker knows which option it is.
      expect(await (await new Browser(h).get('/sign-in')).text()).toMatch(/<option value="Asia\/Kolkata" data-also="Asia\/Calcutta"/);
      const saved = await browser.post('/settings', { _csrf: await browser.csrf('/settings'), timeZone: 'Asia/Calcutta', digestHour: '8', alerts: 'instant' });
      expect(saved.status).toBe(303);
      expect((await h.services.repos.subscribers.get(subscriberId))?.timeZone).toBe('Asia/Calcutta');
      // Shown as its canonical name, selected.
      expect(await (await browser.get('/settings')).text()).toMatch(/<option value="Asia\/Kolkata"[^>]* selected>/);
    });
  });
});
