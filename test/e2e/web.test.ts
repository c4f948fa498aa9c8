/**
 * The web app in a real browser (Debian's Chromium driven by playwright-core) against local mode
 * as `npm start` runs it: subscribe and sign in from the links in the local inbox, add an
 * interview, see and record the thank-you, and the refusals — signed out, someone else's ids, a
 * form without its token. Screenshots of the main pages go to test-artifacts/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, REPO_ROOT, spawnCli, waitFor } from '../support/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SCREENSHOTS = join(REPO_ROOT, 'test-artifacts', 'screenshots');

interface CaughtMail {
  subject: string;
  destination: { to: string[] };
  body: { text?: string };
}

if (!hasChromium) {
  console.warn(`browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run does it when it can)`);
}

describe.skipIf(!hasChromium)('web app in Chromium', () => {
  let env: Record<string, string>;
  let base: string;
  let inboxUrl: string;
  let running: ReturnType<typeof spawnCli>;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const email = `web-e2e-${Date.now().toString(36)}@example.com`;

  const mailFor = async (address: string): Promise<CaughtMail[]> => {
    const store = (await (await fetch(`${inboxUrl}/store`)).json()) as { emails: CaughtMail[] };
    return store.emails.filter((m) => m.destination.to.some((t) => t.includes(address)));
  };
  /** The newest link to `path` in the newest mail to `address` whose subject matches. */
  const linkInInbox = (address: string, subject: RegExp, path: string) =>
    waitFor(async () => {
      const mail = (await mailFor(address)).filter((m) => subject.test(m.subject)).at(-1);
      return mail?.body.text?.match(new RegExp(`${base}${path}\\?token=[A-Za-z0-9_%-]+`))?.[0];
    }, 10_000);
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    env = {
      PORT: String(await freePort()),
      AFTERVIEW_SES_PORT: String(await freePort()),
      AFTERVIEW_DYNAMODB_PORT: String(await freePort()),
      AFTERVIEW_DATA_DIR: mkdtempSync(join(tmpdir(), 'afterview-web-')),
      AFTERVIEW_SCHEDULE: 'off',
      LOG_LEVEL: 'WARN',
    };
    base = `http://127.0.0.1:${env.PORT}`;
    inboxUrl = `http://127.0.0.1:${env.AFTERVIEW_SES_PORT}`;
    running = spawnCli(['start'], env);
    userDataDir = mkdtempSync(join(tmpdir(), 'afterview-chromium-'));
    const [launched] = await Promise.all([
      chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        viewport: { width: 1024, height: 800 },
        locale: 'en-GB',
        timezoneId: 'Europe/Paris',
      }),
      waitFor(async () => ((await fetch(`${base}/health`)).ok ? true : undefined), 40_000),
    ]);
    context = launched;
    page = context.pages()[0] ?? (await context.newPage());
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (running && running.child.exitCode === null) running.child.kill('SIGINT');
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('offers the demo when local mode starts on an empty data folder', () => {
    expect(running.output()).toContain('run `npm run demo` to see it with sample data');
  });

  it('sends a visitor who is not signed in to the sign-in page', async () => {
    const response = await page.goto(`${base}/interviews`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await shot('sign-in');
  });

  it('subscribes, and the confirmation link from the inbox signs the person in', async () => {
    await page.getByLabel('Your email address').nth(1).fill(email);
    // The script picked the browser's own time zone.
    expect(await page.locator('#subscribe-zone').inputValue()).toBe('Europe/Paris');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page.getByRole('heading', { name: 'Check your inbox' }).isVisible()).resolves.toBe(true);

    const link = await linkInInbox(email, /confirm/i, '/subscribe/confirm');
    await page.goto(link);
    await shot('confirm-link');
    await page.getByRole('button', { name: 'Confirm and open afterview' }).click();
    await page.waitForURL(`${base}/?done=welcome`);
    expect(await page.getByRole('status').textContent()).toContain('Welcome to afterview');
    await shot('today-empty');
    const cookies = await context.cookies(base);
    const session = cookies.find((c) => c.name === 'afterview-session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  let interviewUrl: string;

  it('adds an interview, shows the thank-you with its draft, and hides it once sent', async () => {
    await page.getByRole('link', { name: 'Add an interview' }).first().click();
    const yesterday = DateTime.now().setZone('Europe/Paris').minus({ days: 1 }).toISODate()!;
    await page.getByLabel('Company').fill('Acme Robotics');
    await page.getByLabel('Role').fill('Data Analyst');
    await page.getByLabel('Interviewer’s name').fill('Dana Lee');
    await page.getByLabel('Interviewer’s email').fill('dana@acme.example');
    await page.getByLabel('Interview date').fill(yesterday);
    await page.getByLabel('Time', { exact: false }).nth(0).fill('15:00');
    await page.getByLabel('Format').selectOption('in-person');
    await shot('interview-form');
    await page.getByRole('button', { name: 'Add the interview' }).click();
    await page.waitForURL(/\/interviews\/[0-9a-f-]+\?done=added$/);
    interviewUrl = page.url().split('?')[0]!;
    await expect(page.getByRole('heading', { name: /Send your thank-you note/ }).isVisible()).resolves.toBe(true);
    await shot('interview');

    await page.getByRole('link', { name: 'Today' }).click();
    const action = page.getByRole('heading', { name: /Send your thank-you note/ });
    await expect(action.isVisible()).resolves.toBe(true);
    const mailto = await page.getByRole('link', { name: 'Open in my mail app' }).getAttribute('href');
    expect(mailto).toMatch(/^mailto:dana@acme\.example\?subject=.+&body=.*Dana/);
    const copy = page.locator('button[data-copy]');
    await copy.click();
    await expect.poll(() => copy.textContent()).toBe('Copied');
    await shot('today');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('today-phone');
    await page.setViewportSize({ width: 1024, height: 800 });

    await page.getByRole('button', { name: 'I sent it' }).click();
    await page.waitForURL(`${base}/?done=thank-you-sent`);
    expect(await page.getByRole('status').textContent()).toContain('Recorded: thank-you sent.');
    expect(await page.getByRole('heading', { name: /Send your thank-you note/ }).count()).toBe(0);
  });

  it('records what happened and keeps the history', async () => {
    await page.goto(interviewUrl);
    await page.getByLabel('New decision date').fill(DateTime.now().plus({ days: 10 }).toISODate()!);
    await page.getByRole('button', { name: 'They replied' }).click();
    await page.waitForURL(/done=heard-back/);
    const history = await page.locator('ol.timeline + h3 + ul').textContent();
    expect(history).toContain('Thank-you sent');
    expect(history).toContain('They replied (decision by');
  });

  it('adds an interview from a calendar invite: upload, check the prefilled form, save, and it is on the Today page', async () => {
    // An Outlook/Teams invite for yesterday afternoon, with its Windows zone name, as the invitation email attaches it.
    const yesterday = DateTime.now().setZone('Europe/Paris').minus({ days: 1 });
    const stamp = yesterday.toFormat("yyyyMMdd'T'HHmmss");
    const invite = [
      'BEGIN:VCALENDAR', 'METHOD:REQUEST', 'PRODID:Microsoft Exchange Server 2010', 'VERSION:2.0',
      'BEGIN:VTIMEZONE', 'TZID:Romance Standard Time',
      'BEGIN:STANDARD', 'DTSTART:16010101T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10', 'END:STANDARD',
      'BEGIN:DAYLIGHT', 'DTSTART:16010101T020000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3', 'END:DAYLIGHT',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'ORGANIZER;CN="Martin, Claire":mailto:claire.martin@contosohealth.example',
      `ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=${email}:mailto:${email}`,
      'SUMMARY;LANGUAGE=en-US:Contoso Health - Senior Data Engineer - Interview with Claire Martin',
      `DTSTART;TZID=Romance Standard Time:${yesterday.toFormat('yyyyMMdd')}T150000`,
      `DTEND;TZID=Romance Standard Time:${yesterday.toFormat('yyyyMMdd')}T160000`,
      'LOCATION;LANGUAGE=en-US:Microsoft Teams Meeting',
      'X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3ameeting_e2e%40thread.v2/0',
      `UID:e2e-${stamp}`, `DTSTAMP:${stamp}Z`, 'STATUS:CONFIRMED',
      'END:VEVENT', 'END:VCALENDAR', '',
    ].join('\r\n');

    await page.goto(`${base}/interviews`);
    await page.getByRole('link', { name: 'Add from a calendar invite' }).click();
    await page.getByLabel('The invite’s .ics file').setInputFiles({ name: 'invite.ics', mimeType: 'text/calendar', buffer: Buffer.from(invite) });
    await shot('invite-upload');
    await page.getByRole('button', { name: 'Read the invite' }).click();

    await expect(page.getByRole('heading', { name: 'Check and add the interview' }).isVisible()).resolves.toBe(true);
    expect(await page.getByLabel('Company').inputValue()).toBe('Contoso Health');
    expect(await page.getByLabel('Role').inputValue()).toBe('Senior Data Engineer');
    expect(await page.getByLabel('Interviewer’s name').inputValue()).toBe('Claire Martin');
    expect(await page.getByLabel('Interviewer’s email').inputValue()).toBe('claire.martin@contosohealth.example');
    expect(await page.getByLabel('Interview date').inputValue()).toBe(yesterday.toISODate());
    expect(await page.getByLabel('Time', { exact: false }).nth(0).inputValue()).toBe('15:00');
    expect(await page.getByLabel('Format').inputValue()).toBe('video');
    expect(await page.locator('#zone').inputValue()).toBe('Europe/Paris');
    await shot('invite-prefilled');
    // Nothing is saved before the person confirms (a second tab of the same session looks).
    const other = await context.newPage();
    await other.goto(`${base}/interviews`);
    expect(await other.locator('main').textContent()).not.toContain('Contoso Health');
    await other.close();

    await page.getByRole('button', { name: 'Add the interview' }).click();
    await page.waitForURL(/\/interviews\/[0-9a-f-]+\?done=added$/);
    await page.getByRole('link', { name: 'Today' }).click();
    const today = page.locator('main');
    await expect(today.getByRole('heading', { name: /Send your thank-you note/ }).first().isVisible()).resolves.toBe(true);
    expect(await today.textContent()).toContain('Contoso Health');
    const mailto = await page.locator('a[href^="mailto:claire.martin@contosohealth.example"]').count();
    expect(mailto).toBe(1);
    await shot('today-after-invite');
  });

  it('manages companies and settings', async () => {
    await page.getByRole('link', { name: 'Companies' }).click();
    expect(await page.locator('table').textContent()).toContain('Acme Robotics');
    await page.getByLabel('Company name').fill('Globex');
    await page.getByLabel('Other names').fill('Globex Corp');
    await page.getByRole('button', { name: 'Watch this company' }).click();
    await page.waitForURL(/done=added/);
    expect(await page.locator('table').textContent()).toContain('also “Globex Corp”');
    await shot('companies');

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Daily digest at').selectOption('7');
    await page.getByLabel('Only in my daily digest').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.waitForURL(/done=settings/);
    expect(await page.getByLabel('Daily digest at').inputValue()).toBe('7');
    expect(await page.getByLabel('Only in my daily digest').isChecked()).toBe(true);
    await shot('settings');
    const feed = await page.locator('#calendar-url').inputValue();
    expect(feed).toMatch(new RegExp(`^${base}/v1/calendar\\.ics\\?token=`));
    expect(await page.getByRole('link', { name: 'Subscribe in your calendar' }).getAttribute('href')).toBe(feed.replace(/^http:/, 'webcal:'));
    const ics = await (await fetch(feed)).text();
    expect(ics).toContain('SUMMARY:Follow up: Senior Data Engineer at Contoso Health');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^afterview-export-\d{4}-\d{2}-\d{2}\.json$/);
  });

  it('keeps the companies table inside the page, a long unbroken name included, with every column headed alike', async () => {
    const name = `Unbrokenname${'x'.repeat(138)}`;
    await page.goto(`${base}/companies`);
    await page.getByLabel('Company name').fill(name);
    await page.getByRole('button', { name: 'Watch this company' }).click();
    await page.waitForURL(/done=added/);
    for (const width of [1024, 375]) {
      await page.setViewportSize({ width, height: 800 });
      // How far the page scrolls sideways, and how far the table reaches past its card.
      const fit = await page.evaluate(`(() => {
        const table = document.querySelector('table');
        const card = table.parentElement.getBoundingClientRect();
        return { page: document.documentElement.scrollWidth - window.innerWidth, table: Math.max(0, Math.ceil(table.getBoundingClientRect().right - card.right)) };
      })()`);
      expect(fit, `at ${width} px`).toEqual({ page: 0, table: 0 });
    }
    await shot('companies-long-name-phone');
    await page.setViewportSize({ width: 1024, height: 800 });
    // Each header's text as drawn: the innermost element around it.
    const headers = (await page.evaluate(`[...document.querySelectorAll('thead th')].map((th) => {
      const style = getComputedStyle(th.firstElementChild ?? th);
      return style.fontSize + ' ' + style.fontWeight + ' ' + style.color;
    })`)) as string[];
    expect(headers).toHaveLength(3);
    expect(new Set(headers).size).toBe(1);
  });

  it("shows 404 for another person's interview and refuses a form without its token", async () => {
    // Someone else signs up through the API and adds an interview.
    const other = `web-e2e-other-${Date.now().toString(36)}@example.com`;
    await fetch(`${base}/v1/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: other }) });
    const confirmLink = await linkInInbox(other, /confirm/i, '/v1/subscriptions/confirm');
    // The API's own page behind the link looks like the web app (opening it changes nothing).
    const apiPage = await context.newPage();
    await apiPage.goto(confirmLink);
    await apiPage.screenshot({ path: join(SCREENSHOTS, 'email-link-page.png'), fullPage: true });
    await apiPage.close();
    const { apiToken } = (await (
      await fetch(`${base}/v1/subscriptions/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: decodeURIComponent(new URL(confirmLink).searchParams.get('token')!) }),
      })
    ).json()) as { apiToken: string };
    const theirs = (await (
      await fetch(`${base}/v1/interviews`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiToken}` },
        body: JSON.stringify({ company: 'Initech', role: 'Analyst', interviewer: { name: 'Bill L.' }, interviewedAt: '2026-11-01T10:00:00Z' }),
      })
    ).json()) as { id: string };

    const response = await page.goto(`${base}/interviews/${theirs.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' }).isVisible()).resolves.toBe(true);
    await shot('not-found');

    // A form posted from this browser's own page, with the session cookie but without its token, is refused.
    await page.goto(interviewUrl);
    const offer = page.locator('form:has(input[name="type"][value="offer"])');
    await offer.locator('input[name="_csrf"]').evaluate((input) => input.remove());
    const refused = page.waitForResponse((r) => r.request().method() === 'POST');
    await offer.getByRole('button', { name: 'Offer' }).click();
    expect((await refused).status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'This form has expired' }).isVisible()).resolves.toBe(true);
    await page.goto(interviewUrl);
    expect(await page.locator('ol.timeline + h3 + ul').textContent()).not.toContain('Offer');

    // Nor can this browser record anything on their interview, even with its own valid token.
    const form = page.locator('form:has(input[name="type"][value="offer"])');
    await form.evaluate((f, action) => f.setAttribute('action', action), `/interviews/${theirs.id}/events`);
    const notFound = page.waitForResponse((r) => r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Offer' }).click();
    expect((await notFound).status()).toBe(404);
    const still = (await (await fetch(`${base}/v1/interviews/${theirs.id}`, { headers: { authorization: `Bearer ${apiToken}` } })).json()) as { events: unknown[] };
    expect(still.events).toEqual([]);
  });

  it('signs out, and signs in again from the sign-in link in the inbox', async () => {
    await page.goto(base);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${base}/sign-in?done=signed-out`);
    await page.goto(base);
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    await page.getByLabel('Your email address').first().fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByRole('heading', { name: 'Check your inbox' }).isVisible()).resolves.toBe(true);
    const link = await linkInInbox(email, /sign-in/i, '/sign-in/confirm');
    await page.goto(link);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/?done=signed-in`);
    await expect(page.getByRole('heading', { name: /^Today/ }).isVisible()).resolves.toBe(true);
  });

  it('deletes the account after confirmation', async () => {
    await page.goto(`${base}/settings`);
    await page.getByLabel('Yes, delete my account and all my data').check();
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(`${base}/sign-in?done=deleted`);
    expect(await page.getByRole('status').textContent()).toContain('Your account and all your data are deleted');
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});
