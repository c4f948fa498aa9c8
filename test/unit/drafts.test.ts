import { describe, expect, it } from 'vitest';
import {
  cleanText,
  countWords,
  DRAFT_VARIANTS,
  draftVariant,
  greetingName,
  MAX_DRAFT_WORDS,
  writeDraft,
  type DraftContext,
  type DraftKind,
} from '../../functions/domain/follow-up/index.js';

const KINDS: DraftKind[] = ['send-thank-you', 'check-in', 'follow-up'];

function context(over: Partial<DraftContext> = {}): DraftContext {
  return {
    kind: 'follow-up',
    interviewerName: 'Dana Lee',
    role: 'Data Analyst',
    company: 'Acme Robotics',
    format: 'video',
    interviewDate: '2026-11-02',
    timeline: { origin: 'interview', startedOn: '2026-11-02', decisionBy: '2026-11-30', decisionSource: 'stated' },
    ...over,
  };
}

describe('greetingName', () => {
  it.each([
    ['Dana Lee', 'Dana'],
    ['  Dana   Lee ', 'Dana'],
    ['Dr. Dana Lee', 'Dr. Lee'],
    ['dr dana lee', 'dr. lee'],
    ['Prof Ada Lovelace', 'Prof. Lovelace'],
    ['Miss Jane Marple', 'Miss Marple'],
    ['Lee, Dana', 'Dana'],
    ['Dana Lee, PhD', 'Dana'],
    ['Jean-Luc Picard', 'Jean-Luc'],
    ['李雷', '李雷'],
    ['Dana\r\nBcc: x@y', 'Dana'],
    ['\u202EDana', 'Dana'],
    ['\u0000\u0007', ''],
  ])('%j → %j', (name, expected) => {
    expect(greetingName(name)).toBe(expected);
  });
});

describe('cleanText', () => {
  it('flattens line breaks and drops control and bidi characters', () => {
    expect(cleanText('Acme\r\nBcc: evil@example.com\u0000\u202E')).toBe('Acme Bcc: evil@example.com');
    expect(cleanText('a\u2028b\tc')).toBe('a b c');
  });

  it('caps the length at a word boundary', () => {
    const long = 'word '.repeat(100);
    const cut = cleanText(long, 50);
    expect(cut.length).toBeLessThanOrEqual(51);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('writeDraft', () => {
  it.each(KINDS)('%s: greets by first name, names role and company, stays short', (kind) => {
    for (let variant = 0; variant < DRAFT_VARIANTS; variant++) {
      const draft = writeDraft(context({ kind }), variant);
      expect(draft.body.split('\n')[0]).toMatch(/^(Dear|Hi|Hello) Dana,$/);
      expect(draft.body).toContain('Data Analyst');
      expect(draft.body).toContain('Acme Robotics');
      expect(draft.subject.length).toBeGreaterThan(5);
      expect(countWords(draft.body)).toBeLessThan(MAX_DRAFT_WORDS);
      expect(draft.body).not.toMatch(/\bwhy\b|haven't heard|not heard back|no response/i);
    }
  });

  it('the variants of a kind all read differently', () => {
    for (const kind of KINDS) {
      const bodies = new Set(Array.from({ length: DRAFT_VARIANTS }, (_, v) => writeDraft(context({ kind }), v).body));
      const subjects = new Set(Array.from({ length: DRAFT_VARIANTS }, (_, v) => writeDraft(context({ kind }), v).subject));
      expect(bodies.size).toBe(DRAFT_VARIANTS);
      expect(subjects.size).toBe(DRAFT_VARIANTS);
    }
  });

  it('the variant is chosen deterministically by company and kind, and spreads across companies', () => {
    expect(writeDraft(context())).toEqual(writeDraft(context()));
    expect(draftVariant('Acme Robotics', 'follow-up')).toBe(draftVariant('  acme robotics ', 'follow-up'));
    const companies = ['Acme Robotics', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Soylent'];
    const used = new Set(companies.map((c) => draftVariant(c, 'follow-up')));
    expect(used.size).toBe(DRAFT_VARIANTS);
  });

  it('the follow-up cites the timeline they gave', () => {
    for (let v = 0; v < DRAFT_VARIANTS; v++) {
      const body = writeDraft(context(), v).body;
      expect(body).toContain('When we spoke on 2 November, you mentioned you hoped to decide by 30 November.');
      expect(body).toMatch(/where (you are|things stand) in the process/);
    }
  });

  it('after a reply it cites the new date and when they gave it', () => {
    const body = writeDraft(
      context({ timeline: { origin: 'heard-back', startedOn: '2026-11-20', decisionBy: '2026-12-10', decisionSource: 'stated' } }),
      0,
    ).body;
    expect(body).toContain('When you were last in touch on 20 November, you mentioned you expected to decide by 10 December.');
  });

  it('with no date given it recalls the conversation instead', () => {
    const body = writeDraft(context({ timeline: { origin: 'interview', startedOn: '2026-11-02', decisionBy: null, decisionSource: 'none' } }), 0).body;
    expect(body).toContain('Since we spoke on 2 November');
    expect(body).not.toMatch(/decide by/);
  });

  it('the check-in names the decision date and asks for nothing', () => {
    for (let v = 0; v < DRAFT_VARIANTS; v++) {
      const body = writeDraft(context({ kind: 'check-in' }), v).body;
      expect(body).toContain('30 November');
      expect(body).not.toMatch(/where .* in the process/);
    }
  });

  it('an in-person thank-you thanks them for meeting; a late one apologises', () => {
    expect(writeDraft(context({ kind: 'send-thank-you', format: 'in-person' }), 0).body).toContain('meeting with me');
    expect(writeDraft(context({ kind: 'send-thank-you', format: 'phone' }), 0).body).toContain('by phone');
    expect(writeDraft(context({ kind: 'send-thank-you', late: true }), 1).body).toMatch(/later than I meant/);
  });

  it('hostile names stay plain text on one line each: no CR/LF injection, markup left for the renderer to escape', () => {
    const draft = writeDraft(
      context({ company: 'Evil\r\nBcc: victim@example.com', role: '<script>alert(1)</script>', interviewerName: 'Mallory\u0000\r\nX-Header: 1' }),
      0,
    );
    expect(draft.subject).not.toMatch(/[\r\n]/);
    expect(draft.body).not.toContain('\r');
    expect(draft.body).not.toMatch(/\nBcc:|\nX-Header/);
    expect(draft.body).toContain('<script>alert(1)</script>');
    expect(draft.body.startsWith('Dear Mallory,')).toBe(true);
  });

  it('very long names cannot push a note past the limit', () => {
    const long = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    for (const kind of KINDS) {
      for (let v = 0; v < DRAFT_VARIANTS; v++) {
        const draft = writeDraft(context({ kind, company: long, role: long, interviewerName: long, late: true }), v);
        expect(countWords(draft.body)).toBeLessThan(MAX_DRAFT_WORDS);
        expect(draft.subject.length).toBeLessThan(160);
      }
    }
  });

  it('a name with nothing usable left gets a neutral greeting', () => {
    expect(writeDraft(context({ interviewerName: '\u0007' }), 0).body.startsWith('Hello,')).toBe(true);
  });
});
