/**
 * `npm run demo` as a newcomer runs it: with no network needed, a congratulations alert and a
 * digest reach the local inbox within a minute; the printed sign-in link opens the web app on the
 * demo's interviews; running it again adds nothing twice.
 */
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_EMAIL } from '../../functions/local/demo/sample-data.js';
import { freePort, REPO_ROOT, spawnCli, waitFor } from '../support/cli.js';

interface CaughtMail {
  subject: string;
  destination: { to: string[] };
  body: { text?: string };
}

const CHROMIUM = '/usr/bin/chromium';

describe('npm run demo', () => {
  const running: Array<ReturnType<typeof spawnCli>> = [];

  afterEach(() => {
    for (const r of running) if (r.child.exitCode === null) r.child.kill('SIGKILL');
  });

  it('shows an alert and a digest in the inbox within a minute, and adds nothing twice when run again', async () => {
    const env = {
      PORT: String(await freePort()),
      AFTERVIEW_SES_PORT: String(await freePort()),
      AFTERVIEW_DYNAMODB_PORT: String(await freePort()),
      AFTERVIEW_DATA_DIR: mkdtempSync(join(tmpdir(), 'afterview-demo-')),
    };
    const base = `http://127.0.0.1:${env.PORT}`;
    const inbox = async () => {
      const store = (await (await fetch(`http://127.0.0.1:${env.AFTERVIEW_SES_PORT}/store`)).json()) as { emails: CaughtMail[] };
      return store.emails.filter((m) => m.destination.to.some((t) => t.includes(DEMO_EMAIL)));
    };

    // First run: the three emails arrive, fast.
    const startedAt = Date.now();
    const first = spawnCli(['demo'], env);
    running.push(first);
    const mails = await waitFor(async () => {
      const m = await inbox();
      return m.length >= 3 ? m : undefined;
    }, 60_000);
    const seconds = (Date.now() - startedAt) / 1000;
    console.info(`demo: alert and digest in the inbox ${seconds.toFixed(1)} s after the command started`);
    expect(seconds).toBeLessThan(60);

    const alerts = mails.filter((m) => m.subject.startsWith('Good news at'));
    const digests = mails.filter((m) => m.body.text?.includes('Your afterview digest'));
    // One congratulations alert — Bluefin's expansion, told once although three outlets carried it;
    // none for the traps (lawsuit win, acquired by, rumour, stock move) or the no-contact interview.
    // And Northwind's award, while the thank-you is due: the thank-you with one line about it (R8).
    expect(alerts).toHaveLength(2);
    const bluefin = alerts.find((a) => a.subject.includes('Bluefin Analytics'))!;
    expect(bluefin.subject).toContain('a reason to write to');
    expect(bluefin.body.text).toContain('Lisbon');
    const northwind = alerts.find((a) => a.subject.includes('Northwind Robotics'))!;
    expect(northwind.subject).toBe('Good news at Northwind Robotics: your thank-you to Priya Shah can mention it');
    expect(northwind.body.text).toContain('Your thank-you note to Priya Shah');
    expect(digests).toHaveLength(1);
    const digest = digests[0]!.body.text!;
    expect(digest).toContain('Northwind Robotics');
    expect(digest).toContain('Copperleaf Health');
    // Northwind's award arrived while the thank-you is due: the digest lists it, and the thank-you
    // draft carries one sentence about it instead of a separate note (R8 with R1).
    const goodNews = digest.slice(digest.indexOf('GOOD NEWS'));
    expect(goodNews).toContain('Northwind Robotics wins 2026 Industrial Design Award');
    expect(goodNews).toContain('No separate note: your thank-you note above mentions this news.');
    const northwindThanks = digest.slice(digest.indexOf('Northwind Robotics ·'), digest.indexOf('GOOD NEWS'));
    expect(northwindThanks).toMatch(/industrial design award/i);
    expect(mails).toHaveLength(3);

    await waitFor(async () => (first.output().includes('Press Ctrl-C to stop.\n') && first.output().includes('API token') ? true : undefined), 10_000);
    const output = first.output();
    expect(output).toContain(`Inbox      http://127.0.0.1:${env.AFTERVIEW_SES_PORT}`);
    const apiToken = output.match(/API token {2}(avt_[A-Za-z0-9_-]+)/)?.[1];
    const signInLink = output.match(new RegExp(`${base}/sign-in/confirm\\?token=[A-Za-z0-9_%-]+`))?.[0];
    expect(apiToken).toBeDefined();
    expect(signInLink).toBeDefined();

    // The one-click link opens the web app on the demo's plan (when a browser is at hand).
    if (existsSync(CHROMIUM)) {
      const userDataDir = mkdtempSync(join(tmpdir(), 'afterview-chromium-'));
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        viewport: { width: 1024, height: 800 },
      });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(signInLink!);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(`${base}/?done=signed-in`);
        const text = await page.locator('main').textContent();
        expect(text).toContain('Send your thank-you note');
        expect(text).toContain('Follow up, once');
        expect(text).toContain('References requested: a good sign, not an offer');
        const screenshots = join(REPO_ROOT, 'test-artifacts', 'screenshots');
        mkdirSync(screenshots, { recursive: true });
        await page.screenshot({ path: join(screenshots, 'demo-today.png'), fullPage: true });
      } finally {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      }
    }

    first.child.kill('SIGINT');
    expect((await once(first.child, 'exit'))[0]).toBe(0);

    // Second run on the same data: the same token, the same five companies and interviews, no mail sent twice.
    const second = spawnCli(['demo'], env);
    running.push(second);
    await waitFor(async () => (second.output().includes('Press Ctrl-C to stop.\n') && second.output().includes('API token') ? true : undefined), 60_000);
    expect(second.output()).toContain(`API token  ${apiToken}`);
    expect(second.output()).toContain('from an earlier run');
    const get = async (path: string) => (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${apiToken}` } })).json();
    expect(((await get('/v1/companies')) as { companies: unknown[] }).companies).toHaveLength(5);
    const interviews = ((await get('/v1/interviews')) as { interviews: Array<{ company: string; events: unknown[] }> }).interviews;
    expect(interviews).toHaveLength(5);
    expect(new Set(interviews.map((i) => i.company)).size).toBe(5);
    expect(await inbox()).toHaveLength(0);

    second.child.kill('SIGINT');
    expect((await once(second.child, 'exit'))[0]).toBe(0);
  }, 120_000);
});
