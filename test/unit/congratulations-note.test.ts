import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Draft } from '../../functions/domain/interview.js';
import { MAX_NOTE_WORDS, writeCongratulations } from '../../functions/domain/notes/congratulations.js';

const EVENTS = [
  'award',
  'contract-win',
  'expansion',
  'hiring',
  'funding',
  'product-launch',
  'milestone',
  'strong-results',
  'partnership',
  'acquisition',
  'ipo',
  'regulatory-approval',
  null,
  'something-new',
];

const interview = { company: 'Acme Robotics', role: 'Data Analyst', interviewer: { name: 'Dana Lee', email: 'dana@acme.example' } };
const news = { title: 'Acme Robotics wins $120 million Pentagon contract', event: 'contract-win', publisher: 'Reuters', link: 'https://example.com/a' };

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('writeCongratulations', () => {
  it.each(EVENTS.flatMap((event) => [0, 1, 2].map((variant) => [event, variant] as const)))(
    'event %s, variant %i: short, greets by first name, congratulates, names the role, asks nothing',
    (event, variant) => {
      const draft = writeCongratulations({ ...news, event }, interview, { variant });
      expect(Draft.parse(draft)).toEqual(draft);
      expect(words(draft.body)).toBeLessThan(MAX_NOTE_WORDS);
      expect(draft.body.split('\n')[0]).toMatch(/^(Hi|Dear|Hello) Dana,$/);
      expect(draft.body).toMatch(/congratulat/i);
      expect(draft.body).toContain('Data Analyst');
      expect(draft.body).not.toContain('?');
      expect(draft.body).not.toMatch(/\b(decision|update|hear back|heard back|next steps|any news|timeline|let me know)\b/i);
      expect(draft.subject).not.toMatch(/[\r\n]/);
    },
  );

  it('names the news in its own words, never by pasting the headline', () => {
    for (const variant of [0, 1, 2]) {
      const draft = writeCongratulations(news, interview, { variant });
      expect(draft.body.toLowerCase()).not.toContain(news.title.toLowerCase());
      expect(draft.subject.toLowerCase()).not.toContain(news.title.toLowerCase());
      expect(draft.body).toMatch(/contract/);
    }
    expect(writeCongratulations({ ...news, event: 'ipo', title: 'Acme prices IPO' }, interview, { variant: 0 }).body).toMatch(/IPO/);
    expect(writeCongratulations({ ...news, event: 'funding' }, interview, { variant: 0 }).body).toMatch(/funding/);
  });

  it('falls back to "the good news" for an event it has no words for', () => {
    expect(writeCongratulations({ ...news, event: 'mystery' }, interview, { variant: 0 }).subject).toBe('Congratulations on the good news');
  });

  it.each([
    ['Lee, Dana', /^Hi Dana,/],
    ['Dr. Maria Gonzalez', /^Hi Dr\. Gonzalez,/],
    ['  dana  ', /^Hi dana,/],
    ['\u0000\r\n', /^Hi,/],
  ])('greets %j suitably', (name, greeting) => {
    expect(writeCongratulations(news, { ...interview, interviewer: { name } }, { variant: 0 }).body).toMatch(greeting);
  });

  it('offers wordings that differ, picked deterministically from the headline by default', () => {
    const bodies = new Set([0, 1, 2].map((variant) => writeCongratulations(news, interview, { variant }).body));
    expect(bodies.size).toBe(3);
    const subjects = new Set([0, 1, 2].map((variant) => writeCongratulations(news, interview, { variant }).subject));
    expect(subjects.size).toBe(3);
    expect(writeCongratulations(news, interview)).toEqual(writeCongratulations(news, interview));
    const titles = Array.from({ length: 12 }, (_, i) => `Acme Robotics wins contract number ${i}`);
    expect(new Set(titles.map((title) => writeCongratulations({ ...news, title }, interview).body)).size).toBeGreaterThan(1);
    // Any integer is a valid variant.
    expect(writeCongratulations(news, interview, { variant: -7 }).body).toBeTruthy();
    expect(writeCongratulations(news, interview, { variant: 3 }).subject).toBe(writeCongratulations(news, interview, { variant: 0 }).subject);
  });

  it('keeps injected line breaks and control characters out of the subject and the text', () => {
    const hostile = {
      company: 'Acme\r\nBcc: victim@example.com',
      role: 'Analyst\u0000\u202e<script>alert(1)</script>',
      interviewer: { name: 'Dana\r\nX-Injected: yes' },
    };
    for (const variant of [0, 1, 2]) {
      const draft = writeCongratulations({ ...news, publisher: 'Evil\nSubject: spam' }, hostile, { variant });
      expect(draft.subject).not.toMatch(/[\r\n\u0000-\u001f\u007f\u202e]/);
      expect(draft.body).not.toMatch(/[\r\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
      for (const line of draft.body.split('\n')) expect(line).not.toMatch(/^(Bcc|Subject|X-Injected):/i);
      // Plain text: markup is left as text for the renderer to escape, not interpreted here.
      expect(words(draft.body)).toBeLessThan(MAX_NOTE_WORDS);
    }
  });

  it('stays short and single-line-subject whatever the names (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 400 }), fc.string({ maxLength: 200 }), fc.integer(), (company, role, name, variant) => {
        const draft = writeCongratulations({ ...news, publisher: company }, { company, role, interviewer: { name } }, { variant });
        expect(words(draft.body)).toBeLessThan(MAX_NOTE_WORDS);
        expect(draft.subject).not.toMatch(/[\r\n]/);
        expect(draft.body).not.toMatch(/\r/);
        if (!`${company}${role}${name}`.includes('?')) expect(draft.body).not.toContain('?');
      }),
      { numRuns: 300 },
    );
  });
});
