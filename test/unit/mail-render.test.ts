import { describe, expect, it } from 'vitest';
import type { EmailBlock, EmailView } from '../../functions/domain/email/index.js';
import { MAX_TEXT_LINE, renderEmail, renderHtml, renderText } from '../../functions/mail/index.js';

const view = (blocks: EmailBlock[], over: Partial<EmailView> = {}): EmailView => ({ subject: 'A subject', sections: [{ blocks }], ...over });
const text = (blocks: EmailBlock[]) => renderText(view(blocks));
const html = (blocks: EmailBlock[]) => renderHtml(view(blocks));

const draft: EmailBlock = { kind: 'draft', to: 'dana@acme.example', subject: 'Thank you', body: 'Hi Dana,\n\nThank you for your time.\n\nBest regards,' };

describe('the email renderers: every block in both parts', () => {
  it.each<[string, EmailBlock, string, string[]]>([
    ['paragraph', { kind: 'paragraph', text: 'Nothing needs doing today.' }, 'Nothing needs doing today.\n', ['>Nothing needs doing today.</div>']],
    [
      'paragraph with stressed words and a link',
      { kind: 'paragraph', tone: 'quiet', text: ['A note to ', { strong: 'Dana' }, ' about ', { link: { label: 'the award', url: 'https://news.example/a?x=1&y=2' } }, '.'] },
      'A note to Dana about the award (https://news.example/a?x=1&y=2).\n',
      ['A note to <strong>Dana</strong> about <a href="https://news.example/a?x=1&amp;y=2"', '>the award</a>.'],
    ],
    ['callout', { kind: 'callout', text: 'Apply for a couple more roles.' }, 'Apply for a couple more roles.\n', ['border-left:3px solid', '>Apply for a couple more roles.</div>']],
    [
      'buttons',
      { kind: 'links', links: [{ label: 'Write to Dana', url: 'mailto:dana@acme.example?subject=Hi', primary: true }, { label: 'I sent it', url: 'https://afterview.example/sent' }] },
      'Write to Dana: mailto:dana@acme.example?subject=Hi\nI sent it: https://afterview.example/sent\n',
      ['href="mailto:dana@acme.example?subject=Hi" style="display:inline-block;padding:8px 14px;', '>Write to Dana</a>', '>I sent it</a>'],
    ],
    [
      'quiet links',
      { kind: 'links', style: 'quiet', links: [{ label: 'Stop watching Acme', url: 'https://afterview.example/stop' }, { label: 'Not about this company', url: 'https://afterview.example/nr' }] },
      'Stop watching Acme: https://afterview.example/stop\nNot about this company: https://afterview.example/nr\n',
      ['>Stop watching Acme</a> · <a href="https://afterview.example/nr"'],
    ],
    [
      'draft',
      { ...draft, about: ['It mentions ', { link: { label: 'their news', url: 'https://news.example/s' } }] } as EmailBlock,
      'It mentions their news (https://news.example/s)\nTo: dana@acme.example\nSubject: Thank you\n\nHi Dana,\n\nThank you for your time.\n\nBest regards,\n',
      ['>their news</a></div>', '>To: dana@acme.example</div>', '>Subject: Thank you</div>', 'Hi Dana,<br><br>Thank you for your time.<br><br>Best regards,'],
    ],
    [
      'story',
      { kind: 'story', title: 'Acme wins award', url: 'https://news.example/acme', byline: 'Reported by Reuters on 3 Nov 2026', summary: 'The jury praised it.' },
      '  “Acme wins award”\n  Reported by Reuters on 3 Nov 2026: https://news.example/acme\n\n  The jury praised it.\n',
      ['href="https://news.example/acme"', '>“Acme wins award”</a>', '>Reported by Reuters on 3 Nov 2026</div>', '>The jury praised it.</div>'],
    ],
    [
      'action',
      {
        kind: 'action',
        title: 'Follow up, once',
        when: { text: 'due today', urgency: 'due' },
        channel: 'by email',
        why: 'They expected to decide by 30 Nov.',
        draft: draft as Extract<EmailBlock, { kind: 'draft' }>,
        links: [
          { label: 'Open in your mail app', url: 'mailto:dana@acme.example', primary: true, htmlOnly: true },
          { label: 'I sent it', url: 'https://afterview.example/sent' },
        ],
      },
      '* Follow up, once (due today), by email\n  They expected to decide by 30 Nov.\n\n  To: dana@acme.example\n  Subject: Thank you\n\n  Hi Dana,\n\n  Thank you for your time.\n\n  Best regards,\n\n  I sent it: https://afterview.example/sent\n',
      ['<strong>Follow up, once</strong> <span style="color:#b45309;font-size:13px;">due today · by email</span>', '>They expected to decide by 30 Nov.</div>', 'href="mailto:dana@acme.example"', '>Open in your mail app</a>'],
    ],
    [
      'notice',
      { kind: 'notice', title: 'Time to let this one go', text: 'Two unanswered contacts are enough.', links: [{ label: 'They got back in touch after all', url: 'https://afterview.example/replied' }] },
      '* Time to let this one go\n  Two unanswered contacts are enough.\n  They got back in touch after all: https://afterview.example/replied\n',
      ['<strong>Time to let this one go</strong>', '>Two unanswered contacts are enough.</div>', '>They got back in touch after all</a>'],
    ],
    [
      'status list',
      { kind: 'status-list', items: [{ title: 'Bluefin', details: ['Data Analyst'], text: 'waiting for their decision by 21 Dec' }, { title: 'Harbor', details: [], text: 'nothing is needed' }] },
      '* Bluefin (Data Analyst): waiting for their decision by 21 Dec\n* Harbor: nothing is needed\n',
      ['<strong>Bluefin</strong> <span style="color:#6b7280;">(Data Analyst)</span>: waiting for their decision by 21 Dec</div>', '<strong>Harbor</strong>: nothing is needed</div>'],
    ],
    [
      'interview group',
      {
        kind: 'group',
        head: { kind: 'interview', title: 'Acme', details: ['Data Analyst', 'Dana Lee'], timeline: [{ label: 'Interview', date: '2 Nov', state: 'done' }, { label: 'Decision', date: '30 Nov', state: 'passed' }, { label: 'Follow-up', date: '7 Dec', state: 'due' }, { label: 'Decision date not given', date: null, state: 'unknown' }] },
        blocks: [{ kind: 'notice', title: 'References requested', text: 'A good sign.', links: [] }, { kind: 'paragraph', tone: 'fine', text: 'Small print.' }],
      },
      'Acme · Data Analyst · Dana Lee\n  Interview 2 Nov ✓ → Decision 30 Nov (passed) → Follow-up 7 Dec (due) → Decision date not given\n\n* References requested\n  A good sign.\n\n  Small print.\n',
      ['>Acme <span style="font-weight:normal;color:#6b7280;"> · Data Analyst · Dana Lee</span>', '<table role="presentation"', '>✓</div>', '>Follow-up</div><div>7 Dec</div>', '>Small print.</div>'],
    ],
    [
      'headline group',
      { kind: 'group', head: { kind: 'headline', source: 'Acme', title: 'Acme wins award', url: 'https://news.example/acme', publisher: 'Reuters' }, blocks: [{ kind: 'paragraph', tone: 'fine', text: 'For your information only.' }] },
      'Acme: Acme wins award (Reuters)\n  https://news.example/acme\n\n  For your information only.\n',
      ['<strong>Acme</strong>: <a href="https://news.example/acme"', '>Acme wins award</a> <span style="color:#6b7280;">· Reuters</span>', '>For your information only.</div>'],
    ],
  ])('%s', (_name, block, expectedText, htmlParts) => {
    expect(text([block])).toBe(expectedText);
    const out = html([block]);
    for (const part of htmlParts) expect(out).toContain(part);
  });

  it('draws the title, section headings and the footer in both parts', () => {
    const email = renderEmail(
      view([{ kind: 'paragraph', text: 'Body.' }], {
        subject: 'Today: follow up',
        preview: 'The preview line',
        title: { lead: 'Your afterview digest for', text: 'Monday 7 December' },
        sections: [{ heading: 'Keep looking', blocks: [{ kind: 'paragraph', text: 'Body.' }] }],
        footer: { text: 'You get this because you subscribed.', links: [{ label: 'Unsubscribe', url: 'https://afterview.example/u?a=1&b=2' }] },
      }),
    );
    expect(email.subject).toBe('Today: follow up');
    expect(email.text).toBe(
      'Your afterview digest for Monday 7 December\n\nKEEP LOOKING\n------------\nBody.\n\n--\nYou get this because you subscribed.\nUnsubscribe: https://afterview.example/u?a=1&b=2\n',
    );
    expect(email.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(email.html).toContain('<title>Today: follow up</title>');
    expect(email.html).toContain('<div style="display:none;max-height:0;overflow:hidden;">The preview line</div>');
    expect(email.html).toContain('>Your afterview digest for</div><h1 ');
    expect(email.html).toContain('>Monday 7 December</h1>');
    expect(email.html).toContain('>Keep looking</h2>');
    expect(email.html).toContain('You get this because you subscribed. <a href="https://afterview.example/u?a=1&amp;b=2"');
    expect(email.html).not.toMatch(/<img|<script|<style|<link|url\(/i);
  });

  it('puts each group in its own card row and the blocks between groups together', () => {
    const group: EmailBlock = { kind: 'group', head: { kind: 'interview', title: 'Acme', details: [], timeline: [] }, blocks: [] };
    const out = html([{ kind: 'paragraph', text: 'One' }, { kind: 'paragraph', text: 'Two' }, group, { kind: 'callout', text: 'Three' }]);
    const rows = [...out.matchAll(/<tr><td style="padding:8px 24px;[^"]*">(.*?)<\/td><\/tr>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(rows).toEqual(['OneTwo', 'Acme ', 'Three']);
  });
});

describe('the email renderers: escaping and links', () => {
  const evil = '<script>alert("x")</script> & \'co\'';
  const everywhere = (s: string, url: string): EmailView => ({
    subject: s,
    preview: s,
    title: { lead: s, text: s },
    sections: [
      {
        heading: s,
        blocks: [
          { kind: 'paragraph', text: [s, { strong: s }, { link: { label: s, url } }] },
          { kind: 'callout', text: s },
          { kind: 'links', links: [{ label: s, url }] },
          { kind: 'links', style: 'quiet', links: [{ label: s, url }] },
          { kind: 'draft', to: s, subject: s, body: `${s}\n${s}`, about: [s] },
          { kind: 'story', title: s, url, byline: s, summary: s },
          { kind: 'action', title: s, when: { text: s, urgency: 'overdue' }, channel: s, why: s, links: [{ label: s, url }] },
          { kind: 'notice', title: s, text: s, links: [{ label: s, url }] },
          { kind: 'status-list', items: [{ title: s, details: [s], text: s }] },
          { kind: 'group', head: { kind: 'interview', title: s, details: [s], timeline: [{ label: s, date: s, state: 'due' }] }, blocks: [] },
          { kind: 'group', head: { kind: 'headline', source: s, title: s, url, publisher: s }, blocks: [] },
        ],
      },
    ],
    footer: { text: s, links: [{ label: s, url }] },
  });

  it('escapes every value in the HTML part', () => {
    const out = renderHtml(everywhere(evil, 'https://afterview.example/x'));
    expect(out).not.toContain('<script');
    expect(out).not.toContain("'co'");
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;';
    // The subject, preview, title lead and text, heading, 11 blocks' words and the footer.
    expect(out.split(escaped).length - 1).toBeGreaterThanOrEqual(30);
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'https://ok.example/"onmouseover="x', 'vbscript:x', ' JAVASCRIPT:alert(1)'])(
    'never makes %j a link, in either part',
    (url) => {
      const email = renderEmail(everywhere('Words', url));
      expect(email.html).not.toMatch(/href="(?!https:\/\/afterview)/);
      expect(email.html.toLowerCase()).not.toContain(url.trim().toLowerCase().slice(0, 11));
      expect(email.text.toLowerCase()).not.toContain(url.trim().toLowerCase().slice(0, 11));
      // The words stay; only the link goes.
      expect(email.text).toContain('Words');
    },
  );

  it('keeps a link marked for the HTML part out of the plain text', () => {
    const email = renderEmail(view([{ kind: 'links', links: [{ label: 'Open in your mail app', url: 'mailto:a@b.example?body=x', htmlOnly: true }, { label: 'I sent it', url: 'https://afterview.example/s' }] }]));
    expect(email.html).toContain('href="mailto:a@b.example?body=x"');
    expect(email.text).toBe('I sent it: https://afterview.example/s\n');
  });

  it('renders no link row at all when none of its links can be shown', () => {
    expect(html([{ kind: 'links', links: [{ label: 'Bad', url: 'javascript:x' }] }])).not.toContain('Bad');
    expect(text([{ kind: 'links', links: [{ label: 'Bad', url: 'javascript:x' }] }])).toBe('\n');
  });
});

describe('the plain-text part: line lengths', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

  it('underlines each section heading to its length', () => {
    const out = renderText({ subject: 's', sections: ['Today', 'Coming up', 'Other open interviews'].map((heading) => ({ heading, blocks: [{ kind: 'paragraph', text: 'x' }] })) });
    const lines = out.split('\n');
    for (const heading of ['TODAY', 'COMING UP', 'OTHER OPEN INTERVIEWS']) {
      const at = lines.indexOf(heading);
      expect(at, heading).toBeGreaterThanOrEqual(0);
      expect(lines[at + 1]).toBe('-'.repeat(heading.length));
    }
  });

  it(`keeps every line within ${MAX_TEXT_LINE} characters, breaking prose at spaces and never inside a word`, () => {
    const long = words(1500);
    const out = text([
      { kind: 'paragraph', text: long },
      { kind: 'draft', subject: 'S', body: `${long}\n\n${long}` },
      { kind: 'action', title: 'T', when: { text: 'due today', urgency: 'due' }, channel: 'by email', why: long, links: [] },
      { kind: 'group', head: { kind: 'headline', source: 'A', title: 'B', url: null, publisher: null }, blocks: [{ kind: 'paragraph', text: long }] },
    ]);
    const lines = out.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(MAX_TEXT_LINE);
    // Nothing lost and no word cut: the words read back in order.
    expect(out.match(/word\d+/g)).toEqual([...Array(5)].flatMap(() => long.split(' ')));
    // Indented prose stays indented on every broken line.
    const indented = lines.slice(lines.findIndex((l) => l.startsWith('* T')) + 1).filter((l) => l.includes('word'));
    for (const line of indented.slice(0, 3)) expect(line.startsWith('  word')).toBe(true);
  });

  it('never breaks a link, however long: a URL is one piece on one line', () => {
    const url = `https://afterview.example/v1/actions?token=${'a'.repeat(1200)}`;
    const out = text([{ kind: 'links', links: [{ label: 'I sent it', url }] }]);
    expect(out).toBe(`I sent it: ${url}\n`);
  });

  it('leaves short lines as written: no hard wrapping of prose, no trailing spaces', () => {
    const sentence = words(60);
    const out = text([{ kind: 'paragraph', text: `${sentence}   ` }, { kind: 'draft', subject: 'S', body: 'Line one  \nLine two' }]);
    expect(out.split('\n')).toContain(sentence);
    expect(out).not.toMatch(/ +\n/);
  });
});
