import { describe, expect, it } from 'vitest';
import { composeAlertEmail, type AlertEmailInput } from '../../functions/app/alerts/alert-email.js';

const input = (change: Partial<AlertEmailInput> = {}): AlertEmailInput => ({
  to: 'candidate@example.com',
  companyName: 'Acme & Sons',
  story: {
    title: 'Acme <script>alert(1)</script> wins "Best" award',
    link: 'https://news.google.com/rss/articles/X?oc=5&a=1',
    publisher: 'Reuters',
    publishedAt: '2026-11-03T23:30:00.000Z',
    summary: null,
    classification: { polarity: 'positive', event: 'award', congratulate: true, confidence: 0.9, reasons: [] },
  },
  notes: [
    {
      interview: { company: 'Acme & Sons', role: 'Data Analyst', interviewer: { name: 'Dana Lee', email: 'dana@acme.example' }, lastEmployerChannel: 'linkedin' },
      draft: { subject: 'Congratulations on the award', body: 'Hi Dana,\n\nCongratulations & well done!' },
      sentUrl: 'http://127.0.0.1:3000/v1/actions?token=sent.token',
    },
  ],
  notRelevantUrl: 'http://127.0.0.1:3000/v1/actions?token=nr',
  stopWatchingUrl: 'http://127.0.0.1:3000/v1/actions?token=sw',
  unsubscribeUrl: 'http://127.0.0.1:3000/v1/unsubscribe?token=un',
  timeZone: 'Asia/Tokyo',
  ...change,
});

describe('the congratulations alert email', () => {
  it('says what happened, where and when (in the subscriber’s zone), with the channel to use', () => {
    const email = composeAlertEmail(input());
    expect(email.subject).toBe('Good news at Acme & Sons: a reason to write to Dana Lee');
    expect(email.text).toContain('Acme & Sons is in the news with an award:');
    expect(email.text).toContain('Reported by Reuters on 4 Nov 2026: https://news.google.com/rss/articles/X?oc=5&a=1');
    expect(email.text).toContain('LinkedIn');
    expect(email.text).toContain('Subject: Congratulations on the award');
    expect(email.text).toContain('mailto:dana@acme.example?subject=Congratulations%20on%20the%20award&body=Hi%20Dana%2C%0D%0A%0D%0ACongratulations%20%26%20well%20done!');
    expect(email.kind).toBe('alert');
  });

  it('escapes every feed-provided string in the HTML part', () => {
    const { html } = composeAlertEmail(input());
    expect(html).not.toContain('<script>');
    expect(html).toContain('Acme &lt;script&gt;alert(1)&lt;/script&gt; wins &quot;Best&quot; award');
    expect(html).toContain('href="https://news.google.com/rss/articles/X?oc=5&amp;a=1"');
    expect(html).toContain('Congratulations &amp; well done!');
  });

  it('carries the RFC 8058 one-click unsubscribe headers', () => {
    expect(composeAlertEmail(input()).headers).toEqual({
      'List-Unsubscribe': '<http://127.0.0.1:3000/v1/unsubscribe?token=un>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('offers the note to copy when the interviewer’s address is unknown, and keeps the subject on one line', () => {
    const email = composeAlertEmail(
      input({
        companyName: 'Evil\r\nBcc: victim@example.com',
        notes: [{ ...input().notes[0]!, interview: { ...input().notes[0]!.interview, interviewer: { name: 'Dana Lee' } } }],
      }),
    );
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text).not.toContain('mailto:');
    expect(email.text).toContain('Copy the note above and send it to Dana Lee.');
  });

  it('never links anything but http(s) in the HTML', () => {
    const { html } = composeAlertEmail(input({ story: { ...input().story, link: 'javascript:alert(1)' } }));
    expect(html).not.toContain('javascript:');
  });

  it('offers the thank-you, when it is still due, with the plan’s reasons and a line about the news', () => {
    const thankYou = {
      ...input().notes[0]!,
      kind: 'thank-you' as const,
      draft: { subject: 'Thank you for your time', body: 'Hi Dana,\n\nThank you again. Congratulations, too, on the award.' },
      why: 'A short thank-you note the day after the interview keeps the conversation fresh.',
      newsFolded: true,
    };
    const email = composeAlertEmail(input({ notes: [thankYou] }));
    expect(email.subject).toBe('Good news at Acme & Sons: your thank-you to Dana Lee can mention it');
    expect(email.text).toContain('Your thank-you note to Dana Lee (your Data Analyst interview at Acme & Sons) is still to send. Here it is with one line about the news');
    expect(email.text).toContain('A short thank-you note the day after the interview keeps the conversation fresh.');
    expect(email.text).toContain('Subject: Thank you for your time');
    expect(email.text).not.toContain('keeps you in mind without asking for anything');
    // Without the news sentence (the note would be too long), it does not claim one.
    const plain = composeAlertEmail(input({ notes: [{ ...thankYou, newsFolded: false }] }));
    expect(plain.text).not.toContain('one line about the news');
    // Next to a congratulations note for another interview, the subject names the reason to write.
    expect(composeAlertEmail(input({ notes: [input().notes[0]!, { ...thankYou, interview: { ...thankYou.interview, interviewer: { name: 'Sam Poe' } } }] })).subject).toBe(
      'Good news at Acme & Sons: a reason to write to Dana Lee and Sam Poe',
    );
  });
});
