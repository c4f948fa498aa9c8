/**
 * Renders every kind of email afterview sends (scripts/sample-mails.ts) and writes each as .html,
 * .txt and (when Debian's Chromium is installed) .png under test-artifacts/mail/ (or the folder
 * given as the first argument), so a person can look at them before and after a change. The phone
 * screenshots are 375 px wide, the narrowest common phone; a mail wider than that is reported.
 *
 *   npm run preview:mail [-- folder]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderSampleMails } from './sample-mails.js';

const CHROMIUM = '/usr/bin/chromium';
const SLICE = 900;
const OUT = resolve(process.argv[2] ?? join('test-artifacts', 'mail'));
/** The narrowest phone in common use (iPhone SE, iPhone mini, many Androids). */
const PHONE_WIDTH = 375;

/** Screenshots each mail at `width`; returns the mails that are wider than that (a sideways scroll on a phone). */
async function screenshot(files: Array<{ html: string; png: string }>, width: number): Promise<string[]> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const tooWide: string[] = [];
    for (const file of files) {
      await page.goto(`file://${file.html}`);
      const scrollWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
      if (scrollWidth > width) tooWide.push(`${file.html} is ${scrollWidth - width} px wider than ${width} px`);
      await page.screenshot({ path: file.png, fullPage: true });
      // Slices a person can read at full size (a whole digest is too tall to view at once).
      const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
      for (let top = 0, part = 1; top < height; top += SLICE, part++) {
        await page.screenshot({ path: file.png.replace(/\.png$/, `.${part}.png`), fullPage: true, clip: { x: 0, y: top, width, height: Math.min(SLICE, height - top) } });
      }
    }
    return tooWide;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const mails = await renderSampleMails();
  const files = mails.map((m) => ({ html: join(OUT, `${m.name}.html`), png: join(OUT, `${m.name}.png`), phone: join(OUT, `${m.name}-phone.png`) }));
  mails.forEach((m, i) => {
    writeFileSync(files[i]!.html, m.html);
    writeFileSync(join(OUT, `${m.name}.txt`), `Subject: ${m.subject}\n\n${m.text}`);
  });
  if (existsSync(CHROMIUM)) {
    await screenshot(files, 760);
    const tooWide = await screenshot(files.map((f) => ({ html: f.html, png: f.phone })), PHONE_WIDTH);
    for (const line of tooWide) process.stderr.write(`preview-mail: ${line}\n`);
  } else {
    process.stderr.write(`${CHROMIUM} is not installed: wrote .html and .txt only\n`);
  }
  process.stdout.write(`${mails.length} emails written to ${OUT}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`preview-mail: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
