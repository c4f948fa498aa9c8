import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, MAX_DRAFT_WORDS, thankYouNewsSentence, writeDraft, type DraftContext } from '../../functions/domain/follow-up/index.js';
import { longestSharedRun } from '../../functions/domain/notes/headline-words.js';

function thankYou(over: Partial<DraftContext> = {}): DraftContext {
  return {
    kind: 'send-thank-you',
    interviewerName: 'Dana Lee',
    role: 'Data Analyst',
    company: 'Acme Robotics',
    format: 'video',
    interviewDate: '2026-11-02',
    timeline: { origin: 'interview', startedOn: '2026-11-02', decisionBy: '2026-11-30', decisionSource: 'stated' },
    ...over,
  };
}

const contract = { title: 'Acme Robotics wins $40 million rail contract from state of Ohio', event: 'contract-win' };

describe('good news folded into the thank-you (R8)', () => {
  it.each([0, 1, 2])('variant %i: one sentence naming the news joins the first paragraph; the rest is unchanged', (variant) => {
    const plain = writeDraft(thankYou(), variant);
    const folded = writeDraft(thankYou({ news: contract }), variant);
    expect(folded.subject).toBe(plain.subject);
    const [hello, first, ...rest] = folded.body.split('\n\n');
    const [plainHello, plainFirst, ...plainRest] = plain.body.split('\n\n');
    expect(hello).toBe(plainHello);
    expect(rest).toEqual(plainRest);
    expect(first!.startsWith(plainFirst!)).toBe(true);
    const sentence = first!.slice(plainFirst!.length).trim();
    expect(sentence).toBe(thankYouNewsSentence(contract, 'Acme Robotics', variant));
    expect(sentence).toContain('the $40 million rail contract from the state of Ohio');
    expect(sentence).toMatch(/congratulations/i);
    expect(sentence.match(/[.!?](?=\s|$)/g)).toHaveLength(1); // one sentence
    expect(folded.body).not.toContain('?');
    expect(longestSharedRun(folded.body, contract.title)).toBeLessThan(8);
  });

  it('names the kind of news when nothing specific can be said, and "good news" for an unknown event', () => {
    expect(thankYouNewsSentence({ title: 'Acme Robotics zooms 10% on order win', event: 'contract-win' }, 'Acme Robotics', 0)).toMatch(/the new contract|the contract win/);
    expect(thankYouNewsSentence({ title: 'Acme Robotics does something', event: 'space-launch' }, 'Acme Robotics', 0)).toMatch(/the (good|recent) news/);
  });

  it('wishes luck with the listing, not congratulations, for a step before it', () => {
    for (const variant of [0, 1, 2]) {
      const sentence = thankYouNewsSentence({ title: 'Acme Robotics IPO opens on Thursday', event: 'ipo' }, 'Acme Robotics', variant);
      expect(sentence).toContain('the IPO opening on Thursday');
      expect(sentence).toMatch(/luck with the listing|best wishes to everyone at Acme Robotics for the listing/);
      expect(sentence).not.toMatch(/congratulat/i);
      expect(sentence.match(/[.!?](?=\s|$)/g)).toHaveLength(1);
    }
    expect(thankYouNewsSentence({ title: 'Acme Robotics IPO opens tomorrow', event: 'ipo' }, 'Acme Robotics', 0)).toContain('the upcoming IPO');
  });

  it('reads the summary when the headline is vague', () => {
    const sentence = thankYouNewsSentence({ title: 'Acme Robotics expands', event: 'expansion', summary: 'Acme Robotics will open a new office in Lisbon next spring.' }, 'Acme Robotics', 0);
    expect(sentence).toContain('Lisbon');
  });

  it('is ignored by the other kinds of draft', () => {
    for (const kind of ['check-in', 'follow-up'] as const) {
      expect(writeDraft(thankYou({ kind, news: contract }), 1)).toEqual(writeDraft(thankYou({ kind }), 1));
    }
    expect(writeDraft(thankYou({ news: null }), 1)).toEqual(writeDraft(thankYou(), 1));
  });

  it('stays under the word limit with the longest names, late apology included (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), fc.boolean(), fc.integer(), (role, company, late, variant) => {
        const draft = writeDraft(thankYou({ role: role || 'Analyst', company: company || 'Acme', late, news: contract }), variant);
        expect(countWords(draft.body)).toBeLessThan(MAX_DRAFT_WORDS);
        expect(draft.body).toMatch(/congratulations/i);
      }),
      { numRuns: 200 },
    );
  });
});
