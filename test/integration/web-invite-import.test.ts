/**
 * "Add from a calendar invite" and "Your calendar" in the web app, through HTTP as a browser posts
 * them: the invite (file or pasted text) gives a prefilled form and saves nothing; only the
 * confirmed form saves; the form token and the session are required as on every other form; the
 * settings page offers the feed link and renews it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, PUBLIC_URL, uniqueEmail, type ApiHarness } from './api-harness.js';
import { Browser } from '../support/browser.js';
import { startBrowserSession } from '../../functions/app/account/browser-sessions.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'invites');

const field = (page: string, name: string) => page.match(new RegExp(`name="${name}"[^>]*value="([^"]*)"`))?.[1];
/** The chosen option of a <select>: the first option after it marked selected. */
const selected = (page: string, name: string) => page.match(new RegExp(`<select[^>]*name="${name}"[\\s\\S]*?<option value="([^"]*)"[^>]*selected`))?.[1];

describe('web: add an interview from a calendar invite', () => {
  let h: ApiHarness;
  let browser: Browser;
  let subscriberId: string;
  let candidate: string;

  const interviewsOf = async () => h.services.repos.interviews.list(subscriberId);
  const upload = (csrf: string | null, text: string, name = 'invite.ics') => {
    const form = new FormData();
    if (csrf) form.set('_csrf', csrf);
    form.set('invite', new File([text], name, { type: 'text/calendar' }));
    form.set('inviteText', '');
    return browser.post('/interviews/import', form);
  };

  beforeAll(async () => {
    h = await createApiHarness({ startAt: '2026-10-30T12:00:00Z' });
    candidate = uniqueEmail('web-import');
    ({ subscriberId } = await h.signUp(candidate, 'America/New_York'));
    browser = new Browser(h);
    browser.cookies.set('afterview-session', (await startBrowserSession(h.services, subscriberId)).value);
  });

  it('is offered on the interviews pages', async () => {
    for (const path of ['/interviews', '/interviews/new']) {
      expect(await (await browser.get(path)).text(), path).toContain('href="/interviews/import"');
    }
    const page = await (await browser.get('/interviews/import')).text();
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toContain('type="file"');
    expect(page).toContain('name="inviteText"');
  });

  it('reads an uploaded Outlook invite into the interview form, says what to check, and saves nothing', async () => {
    const text = readFileSync(join(FIXTURES, 'outlook-custom-zone.ics'), 'utf8').replaceAll('sam.rivera@gmail.com', candidate);
    const res = await upload(await browser.csrf('/interviews/import'), text);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Check and add the interview');
    expect(page).toContain('<form class="stack card" method="post" action="/interviews">');
    expect(field(page, 'company')).toBe('Vandelay');
    expect(field(page, 'role')).toBe('QA Engineer');
    expect(field(page, 'interviewerName')).toBe('Anil Mehta');
    expect(field(page, 'interviewerEmail')).toBe('anil.mehta@vandelay.example');
    // The zone has no IANA name: the exact instant is shown in UTC, and the person is asked to choose.
    expect(field(page, 'date')).toBe('2026-11-06');
    expect(field(page, 'time')).toBe('06:00');
    expect(selected(page, 'format')).toBe('video');
    expect(page).toContain('please choose the interview’s time zone');
    expect(page).toContain('We guessed the company from vandelay.example');
    expect(await interviewsOf()).toEqual([]);
  });

  it('reads pasted text too, and saves only when the prefilled form is confirmed', async () => {
    const text = readFileSync(join(FIXTURES, 'outlook-teams-pacific.ics'), 'utf8');
    const res = await browser.post('/interviews/import', { _csrf: await browser.csrf('/interviews/import'), inviteText: text });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(field(page, 'company')).toBe('Contoso Health');
    expect(field(page, 'time')).toBe('10:00');
    expect(await interviewsOf()).toEqual([]);

    const csrf = page.match(/name="_csrf" value="([^"]+)"/)![1]!;
    const form: Record<string, string> = { _csrf: csrf, lastEmployerChannel: 'email', timeZone: 'America/Los_Angeles', format: 'video' };
    for (const name of ['company', 'role', 'interviewerName', 'interviewerEmail', 'date', 'time']) form[name] = field(page, name) ?? '';
    const saved = await browser.post('/interviews', form);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toMatch(/^\/interviews\/[0-9a-f-]+\?done=added$/);
    const [interview] = await interviewsOf();
    expect(interview).toMatchObject({
      company: 'Contoso Health',
      role: 'Senior Data Engineer',
      interviewer: { name: 'Dana Lee', email: 'dana.lee@contosohealth.example' },
      interviewedAt: '2026-11-03T18:00:00Z',
      timeZone: 'America/Los_Angeles',
      format: 'video',
    });
    await h.services.repos.interviews.delete(subscriberId, interview!.id);
  });

  it('answers a bad invite with its one sentence, and an empty form with what to do', async () => {
    const bad = await upload(await browser.csrf('/interviews/import'), readFileSync(join(FIXTURES, 'outlook-cancelled.ics'), 'utf8'));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('This invite cancels the meeting, so there is no interview in it to add.');
    const empty = await browser.post('/interviews/import', { _csrf: await browser.csrf('/interviews/import'), inviteText: '  ' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Choose the invite’s .ics file, or paste its text.');
  });

  it('refuses an upload without the form token, or without a session, and a file that is far too large', async () => {
    const text = readFileSync(join(FIXTURES, 'google-meet-utc.ics'), 'utf8');
    expect((await upload(null, text)).status).toBe(403);
    const stranger = new Browser(h);
    const signedOut = await stranger.post('/interviews/import', { _csrf: await stranger.csrf('/sign-in'), inviteText: text });
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe('/sign-in');
    const huge = await upload(await browser.csrf('/interviews/import'), text.replace('DESCRIPTION:', `DESCRIPTION:${'x'.repeat(300 * 1024)}`));
    expect(huge.status).toBe(413);
    expect(await interviewsOf()).toEqual([]);
  });
});

describe('web: your calendar in Settings', () => {
  let h: ApiHarness;
  let browser: Browser;

  beforeAll(async () => {
    h = await createApiHarness();
    const { subscriberId } = await h.signUp(uniqueEmail('web-calendar'));
    browser = new Browser(h);
    browser.cookies.set('afterview-session', (await startBrowserSession(h.services, subscriberId)).value);
  });

  it('shows the feed link with a webcal:// subscribe button, and renews it', async () => {
    const page = await (await browser.get('/settings')).text();
    const url = page.match(/id="calendar-url" value="([^"]+)"/)?.[1];
    expect(url).toMatch(new RegExp(`^${PUBLIC_URL.replace(/\./g, '\\.')}/v1/calendar\\.ics\\?token=`));
    const feedUrl = url!.replaceAll('&amp;', '&');
    expect(page).toContain(`href="${url!.replace(/^http:\/\//, 'webcal://')}"`);
    expect(page).toContain('Subscribe in your calendar');
    expect((await h.call('GET', feedUrl.slice(PUBLIC_URL.length))).status).toBe(200);

    const renewed = await browser.post('/account/calendar-url', { _csrf: page.match(/name="_csrf" value="([^"]+)"/)![1]! });
    expect(renewed.status).toBe(303);
    expect(renewed.headers.get('location')).toBe('/settings?done=calendar');
    const after = await (await browser.get('/settings?done=calendar')).text();
    expect(after).toContain('Your calendar link is new');
    const newUrl = after.match(/id="calendar-url" value="([^"]+)"/)![1]!;
    expect(newUrl).not.toBe(url);
    expect((await h.call('GET', feedUrl.slice(PUBLIC_URL.length))).status).toBe(404);
    expect((await h.call('GET', newUrl.replaceAll('&amp;', '&').slice(PUBLIC_URL.length))).status).toBe(200);
  });
});
