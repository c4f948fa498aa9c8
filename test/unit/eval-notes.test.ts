import { describe, expect, it } from 'vitest';
import type { Draft } from '../../functions/domain/interview.js';
import { measureNotes, notesFor, specificTerms } from '../../scripts/eval-notes.js';

const note = (body: string, subject = 'Congratulations on the news'): Draft => ({ subject, body });
const general = note('Hi Dana, congratulations on the new contract to everyone at Acme Robotics! Data Analyst role.', 'Congratulations on the new contract');

describe('the "names something specific" measure', () => {
  it('counts a content word or figure of the headline that the general note does not carry', () => {
    const headline = 'Acme Robotics wins $40 million rail contract from state of Ohio';
    expect(specificTerms(note('Congratulations on the $40 million rail contract from the state of Ohio!'), general, headline, 'Acme Robotics').sort()).toEqual(['40', 'ohio', 'rail', 'state'].sort());
  });

  it('does not count the company, the event word, market chatter or the template', () => {
    const headline = 'Acme Robotics shares jump 5% on new contract win';
    expect(specificTerms(note('Congratulations on the new contract to everyone at Acme Robotics!'), general, headline, 'Acme Robotics')).toEqual([]);
    // A headline word that the general note also has (here the role) is the template's, not the news's.
    expect(specificTerms(note('Data Analyst: congratulations on the new contract'), general, 'Acme Robotics hires Data Analyst team', 'Acme Robotics')).toEqual([]);
  });

  it('matches figures as the note rounds them', () => {
    expect(specificTerms(note('the 36% rise in profit'), general, 'Acme Q1 net up 35.81 pc', 'Acme')).toEqual(['35.81']);
    expect(specificTerms(note('the three-fold jump in profit'), general, 'Acme net jumps 3-fold', 'Acme')).toEqual(['3-fold']);
    expect(specificTerms(note('the Rs 1,500 crore raise'), general, 'Acme raises Rs 1.5k crore', 'Acme')).toEqual(['1500']);
    expect(specificTerms(note('the 37% rise in profit'), general, 'Acme Q1 net up 35.81 pc', 'Acme')).toEqual([]);
  });

  it('measures the product notes: a specific headline counts, a vague one does not', () => {
    const rows = [
      { id: 1, title: 'Acme Robotics wins $40 million rail contract from state of Ohio', entity: 'Acme Robotics' },
      { id: 2, title: 'Acme Robotics zooms 10% on order win', entity: 'Acme Robotics' },
      { id: 3, title: 'Acme Robotics to cut 500 jobs', entity: 'Acme Robotics' },
    ];
    const figures = measureNotes(rows, [
      { congratulate: true, event: 'contract-win' },
      { congratulate: true, event: 'contract-win' },
      { congratulate: false, event: 'layoffs' },
    ]);
    expect(figures).toMatchObject({ congratulated: 2, specific: 1, share: 0.5 });
    expect(figures.general.map((g) => g.row.id)).toEqual([2]);
    const { note: written, general: twin } = notesFor(rows[0]!, 'contract-win');
    expect(written.body).not.toBe(twin.body);
  });

  it("compares a step before a listing with the same stage's general note, so the luck wording never counts", () => {
    const row = { id: 7, title: 'Acme Robotics IPO opens on Thursday with good luck charm', entity: 'Acme Robotics' };
    const { note: written, general: twin } = notesFor(row, 'ipo');
    expect(twin.body).toMatch(/the upcoming IPO|the IPO news/);
    expect(twin.body).toMatch(/luck|best wishes/);
    // "luck" is in the headline and in both notes: only "Thursday" is the news's own.
    expect(specificTerms(written, twin, row.title, row.entity)).toEqual(['thursday']);
  });
});
