/**
 * Every kind of email, rendered from the preview's sample data (the longest interview timeline
 * included), fits a 375 px phone and a 760 px desktop window in Chromium without scrolling sideways.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSampleMails, type RenderedMail } from '../../scripts/sample-mails.js';

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('email layout in a browser', () => {
  let browser: Browser;
  let mails: RenderedMail[];

  beforeAll(async () => {
    [browser, mails] = await Promise.all([
      chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] }),
      renderSampleMails(),
    ]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each([375, 760])('every mail fits %i px without scrolling sideways', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    try {
      const overflow: Record<string, number> = {};
      for (const mail of mails) {
        await page.setContent(mail.html);
        overflow[mail.name] = Number(await page.evaluate('document.documentElement.scrollWidth')) - width;
      }
      expect(overflow).toEqual(Object.fromEntries(mails.map((m) => [m.name, 0])));
    } finally {
      await page.close();
    }
  });

  it('draws the longest timeline (seven steps) in the digest', () => {
    const digest = mails.find((m) => m.name === 'digest')!;
    expect(digest.text).toContain(
      'Interview 2 Nov ✓ → Thank-you 3 Nov ✓ → They replied 6 Nov ✓ → Check-in 13 Nov ✓ → Decision 27 Nov (passed) → Follow-up 30 Nov ✓ → Moved on 7 Dec ✓',
    );
    for (const label of ['They replied', 'Check-in', 'Moved on']) expect(digest.html).toContain(`>${label}</div>`);
  });
});
