import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../functions/domain/follow-up/text.js';
import { longestSharedRun } from '../../functions/domain/notes/headline-words.js';
import { MAX_NOTE_WORDS, writeCongratulations } from '../../functions/domain/notes/congratulations.js';

const interview = { company: 'Acme Robotics', role: 'Data Analyst', interviewer: { name: 'Dana Lee' } };

describe('notes that name the news', () => {
  it.each([
    ['award', 'Acme Robotics wins Webby for best mobile app', 'the Webby for best mobile app', 'the Webby'],
    ['expansion', 'Acme Robotics to open Lisbon office and hire 200 engineers', 'the new Lisbon office', 'the new Lisbon office'],
    ['contract-win', 'Acme Robotics wins $40 million rail contract from state of Ohio', 'the $40 million rail contract from the state of Ohio', 'the $40 million rail contract'],
    ['partnership', 'Acme Robotics partners with Siemens on factory automation', 'the partnership with Siemens', 'the partnership with Siemens'],
    ['strong-results', 'Acme Robotics Q2 revenue up 60% to $80 million', 'the 60% jump in second-quarter revenue', 'the 60% jump in revenue'],
  ])('%s: the body and the subject name it', (event, title, inBody, inSubject) => {
    for (const variant of [0, 1, 2]) {
      const draft = writeCongratulations({ title, event }, interview, { variant });
      expect(draft.body).toContain(inBody);
      expect(draft.subject).toContain(inSubject);
      expect(draft.subject).toMatch(/^(Congratulations on|Well done on|Great news about) the /);
    }
  });

  it('keeps the general wording, and the old subjects, when nothing specific can be said', () => {
    const draft = writeCongratulations({ title: 'Acme Robotics zooms 10% on order win', event: 'contract-win' }, interview, { variant: 1 });
    expect(draft.body).toMatch(/the new contract|the contract win/);
    expect(draft.subject).toBe('Congratulations to the Acme Robotics team');
  });

  it('gives results a modest note that names the figure', () => {
    const draft = writeCongratulations({ title: 'Acme Robotics Q3 net profit up 54 pc to Rs 13 crore', event: 'strong-results' }, interview, { variant: 0 });
    expect(draft.body).toContain('the 54% jump in third-quarter profit');
    expect(draft.body).not.toMatch(/huge|amazing|incredible|!.*!/);
  });

  it('uses the summary when the headline alone names nothing specific', () => {
    const draft = writeCongratulations(
      { title: 'Acme Robotics wins contract', event: 'contract-win', summary: 'Acme Robotics won a $40 million rail contract from the state of Ohio, the company said.' },
      interview,
      { variant: 0 },
    );
    expect(draft.body).toContain('$40 million rail contract');
  });
});

describe('a step before a listing wishes luck instead of congratulating', () => {
  const company = { ...interview, company: 'Aster Silicates' };

  it.each([
    ['Aster Silicates IPO opens on Thursday', 'the IPO opening on Thursday'],
    ['Aster Silicates files DRHP with Sebi for Rs 500 crore IPO', 'the Rs 500 crore IPO filing with Sebi'],
    ['Aster Silicates fixes IPO price band at Rs 74-80', 'the IPO price band of Rs 74–80'],
    ['Aster Silicates to make stock market debut on December 23', 'the stock market debut on December 23'],
  ])('%s', (title, named) => {
    for (const variant of [0, 1, 2]) {
      const draft = writeCongratulations({ title, event: 'ipo' }, company, { variant });
      expect(draft.body).toContain(named);
      expect(draft.body).toMatch(/best of luck|best wishes|good luck/);
      expect(draft.body).toMatch(/with the listing|for the listing|the big day/);
      expect(`${draft.subject}\n${draft.body}`).not.toMatch(/congratulat|well done/i);
      expect(draft.subject).toMatch(/^(Exciting news about|Best wishes for|Great news about) the /);
    }
  });

  it('names no step it cannot read, and still wishes luck rather than congratulating', () => {
    const draft = writeCongratulations({ title: 'Aster Silicates IPO opens tomorrow', event: 'ipo' }, company, { variant: 0 });
    expect(draft.body).toContain('the upcoming IPO');
    expect(draft.body).not.toMatch(/tomorrow|congratulat/i);
    expect(draft.subject).toBe('Exciting news at Aster Silicates');
  });

  it('congratulates once the shares trade, naming the debut and its first day', () => {
    const draft = writeCongratulations({ title: 'Aster Silicates ends 42% up on debut', event: 'ipo' }, company, { variant: 0 });
    expect(draft.body).toContain('the debut and the 42% rise on the first day');
    expect(draft.body).toMatch(/congratulations/i);
  });
});

// ------------------------------------------------------------------------------------------------
// Properties over generated headlines: odd companies, casing, wire noise, entities, any event.

const COMPANIES = ['Acme', 'Bluefin Analytics', 'Rolls-Royce', 'L&T', 'The Green Company', 'Orbit Foods Ltd', 'Nordwind AG', 'Kestrel Labs Inc.'];
const PEOPLE = ['Dana Lee', 'María José García', 'Sam', 'Lee, Dana', 'Dr. Priya Raman', 'Jean-Luc Picard', 'O’Brien Kelly'];
const FIRST = (name: string) => (name === 'Lee, Dana' ? 'Dana' : name === 'Dr. Priya Raman' ? 'Dr. Raman' : name.split(' ')[0]!);
const MONEY = ['$40 million', '$9.2 Billion', 'Rs 329 crore', 'Rs 45 cr', '€25 mln', '$1.3bn', 'Rs 1,122-crore', '$200-million'];
const PLACES = ['Lisbon', 'Hungary', 'New York', 'Bangalore', 'the state of Ohio', 'Abu Dhabi airport', 'Sao Paulo'];
const CLIENTS = ['Emirates Airline', 'Siemens', 'NHS Scotland', 'Idea Cellular', 'the Pentagon', 'Duke Energy', 'AIIMS'];
const THINGS = ['rail', 'cloud', 'defence', 'export', 'metro', 'software', 'wind farm', 'highway'];
const PRODUCTS = ['Nimbus AI assistant', 'Canvas Pace 4G', 'Atlas 3', 'solar roof tiles', 'hybrid SUV'];
const AWARDS = ['Webby', 'Red Dot design award', 'Emmy', 'Queen’s Award for Enterprise', 'national energy award'];

const pick = <T,>(a: readonly T[]) => fc.constantFrom(...a);

const headlineFor = fc.oneof(
  fc.tuple(pick(COMPANIES), pick(MONEY), pick(THINGS), pick(CLIENTS)).map(([c, m, t, cl]) => ({ event: 'contract-win', company: c, title: `${c} wins ${m} ${t} contract from ${cl}` })),
  fc.tuple(pick(COMPANIES), pick(MONEY), pick(THINGS)).map(([c, m, t]) => ({ event: 'contract-win', company: c, title: `${c} shares up 4% on ${m} ${t} order; stock hits 52-week high` })),
  fc.tuple(pick(COMPANIES), pick(PLACES)).map(([c, p]) => ({ event: 'expansion', company: c, title: `${c} to open new office in ${p} and hire 300 engineers` })),
  fc.tuple(pick(COMPANIES), pick(AWARDS)).map(([c, a]) => ({ event: 'award', company: c, title: `${c} wins ${a} for best mobile app of the year` })),
  fc.tuple(pick(COMPANIES), pick(CLIENTS)).map(([c, cl]) => ({ event: 'partnership', company: c, title: `${cl} and ${c} sign strategic partnership to build data centres across Europe` })),
  fc.tuple(pick(COMPANIES), pick(CLIENTS)).map(([c, cl]) => ({ event: 'partnership', company: c, title: `${c} partners with ${cl} to develop electric buses for city of Pune` })),
  fc.tuple(pick(COMPANIES), pick(PRODUCTS)).map(([c, p]) => ({ event: 'product-launch', company: c, title: `${c} launches ${p} in US, Canada, priced at $999` })),
  fc.tuple(pick(COMPANIES), fc.integer({ min: 1, max: 400 }), fc.constantFrom('Q1', 'Q2', 'Q3', 'Q4', 'FY25', 'Jan-Mar')).map(([c, n, q]) => ({ event: 'strong-results', company: c, title: `${c} ${q} net profit up ${n} pc at Rs 45.5 crore` })),
  fc.tuple(pick(COMPANIES), pick(MONEY), pick(CLIENTS)).map(([c, m, cl]) => ({ event: 'funding', company: c, title: `${c} raises ${m} in Series B funding led by ${cl}` })),
  fc.tuple(pick(COMPANIES), pick(CLIENTS), pick(MONEY)).map(([c, cl, m]) => ({ event: 'acquisition', company: c, title: `${c} to buy ${cl} for ${m} in all-cash deal to expand its cloud business` })),
  fc.tuple(pick(COMPANIES), pick(MONEY)).map(([c, m]) => ({ event: 'ipo', company: c, title: `${c}'s ${m} IPO oversubscribed 8.4 times on final day of bidding` })),
  fc.tuple(pick(COMPANIES), pick(PRODUCTS)).map(([c, p]) => ({ event: 'regulatory-approval', company: c, title: `FDA approves ${c}'s ${p} for adults with severe asthma in US` })),
  fc.tuple(pick(COMPANIES), fc.constantFrom('opens on Thursday', 'to open on March 9', 'opens tomorrow', 'to hit market on Feb 21')).map(([c, when]) => ({ event: 'ipo', company: c, title: `${c} Rs 450-crore IPO ${when}` })),
  fc.tuple(pick(COMPANIES), fc.constantFrom('files DRHP with SEBI for Rs 900 crore IPO', 'fixes price band at Rs 74-80 per share', 'ends 42% up on debut', 'lists at 15% premium on BSE, NSE', 'to list on NSE, BSE on July 4')).map(([c, step]) => ({ event: 'ipo', company: c, title: `${c} ${step}` })),
  fc.tuple(pick(COMPANIES), pick(CLIENTS), pick(MONEY)).map(([c, cl, m]) => ({ event: 'partnership', company: c, title: `${cl} to pay ${c} up to ${m} for eye drug rights in Europe` })),
  fc.tuple(pick(COMPANIES), pick(CLIENTS)).map(([c, cl]) => ({ event: 'contract-win', company: c, title: `${c} selected by ${cl} to build satellite sensors for lunar mission` })),
  fc.tuple(pick(COMPANIES), pick(CLIENTS)).map(([c, cl]) => ({ event: 'milestone', company: c, title: `${c} delivers first A350 freighter to ${cl}` })),
  fc.tuple(pick(COMPANIES), fc.constantFrom('Vietnam', 'South African market', 'Singapore')).map(([c, p]) => ({ event: 'expansion', company: c, title: `${c} sets up subsidiary in ${p}; enters ${p}` })),
  fc.tuple(pick(COMPANIES), pick(CLIENTS)).map(([c, cl]) => ({ event: 'regulatory-approval', company: c, title: `RBI grants payments bank licence to ${c}; ${cl} backs approval for ${c} drug` })),
  fc.tuple(pick(COMPANIES), fc.integer({ min: 1, max: 99 })).map(([c, n]) => ({ event: 'acquisition', company: c, title: `${c} to acquire ${n}% stake in Pelican Foods for Rs 200 crore` })),
  fc.tuple(pick(COMPANIES), fc.string({ maxLength: 80 })).map(([c, junk]) => ({ event: 'contract-win', company: c, title: `${c} ${junk}` })),
  fc.tuple(pick(COMPANIES), fc.string({ maxLength: 80 }), fc.constantFrom('ipo', 'expansion', 'acquisition', 'milestone', 'regulatory-approval')).map(([c, junk, e]) => ({ event: e, company: c, title: `${c} ${junk}` })),
  fc.tuple(pick(COMPANIES), fc.constantFrom('award', 'mystery-event', 'milestone', 'hiring', null)).map(([c, e]) => ({ event: e, company: c, title: `${c} crosses 100 million users milestone in record time this year` })),
);

const noisy = fc.tuple(headlineFor, fc.constantFrom('none', 'upper', 'title', 'prefix', 'suffix', 'entities')).map(([h, noise]) => {
  let title = h.title;
  if (noise === 'upper') title = title.toUpperCase();
  if (noise === 'title') title = title.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
  if (noise === 'prefix') title = `UPDATE 2-${title}`;
  if (noise === 'suffix') title = `${title} - source`;
  if (noise === 'entities') title = title.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
  return { ...h, title };
});

/** Wrong or doubled articles, doubled words, dangling prepositions, space before punctuation. */
function grammarSlips(text: string): string[] {
  const slips: string[] = [];
  // Word boundaries that know accented letters ("María," is no dangling "a,").
  const B = '(?<![\\p{L}\\p{N}])';
  const E = '(?![\\p{L}\\p{N}])';
  const checks: Array<[RegExp, string]> = [
    [new RegExp(`${B}(a|an|the)\\s+(a|an|the)${E}`, 'iu'), 'two articles'],
    [new RegExp(`${B}a\\s+[aeiou]\\p{L}`, 'iu'), '"a" before a vowel'],
    [new RegExp(`${B}an\\s+(?![aeiou]|hour|honou?r|FDA|IPO|MoU|R&D|SUV|NHS|NSE|LSE|SME|HK|M${E}|F${E})[b-df-hj-np-tv-z]`, 'iu'), '"an" before a consonant'],
    [new RegExp(`${B}(?!(?:that|had|is)${E})([\\p{L}]+)\\s+\\1${E}`, 'iu'), 'a doubled word'],
    [new RegExp(`${B}(of|on|in|for|from|with|to|and|at|by|the|a|an)\\s*[.!,;–]`, 'iu'), 'a dangling word before punctuation'],
    [/\s[,.!;]/u, 'a space before punctuation'],
    [new RegExp(`${B}the\\s+(?:its|their|his|her)${E}`, 'iu'), '"the" before a possessive'],
  ];
  for (const [pattern, name] of checks) if (pattern.test(text)) slips.push(`${name}: ${text.match(pattern)![0]}`);
  return slips;
}

describe('note properties over generated headlines', () => {
  it('never pastes 8 words of the headline, stays short, greets by first name, asks nothing, stays grammatical', () => {
    fc.assert(
      fc.property(noisy, pick(PEOPLE), fc.integer(), (h, person, variant) => {
        const draft = writeCongratulations({ title: h.title, event: h.event }, { company: h.company, role: 'Data Analyst', interviewer: { name: person } }, { variant });
        const text = `${draft.subject}\n${draft.body}`;
        expect(longestSharedRun(text, h.title)).toBeLessThan(8);
        expect(countWords(draft.body)).toBeLessThan(MAX_NOTE_WORDS);
        expect(countWords(draft.body)).toBeLessThan(120);
        expect(draft.body.split('\n')[0]).toBe(`${['Hi', 'Dear', 'Hello'][((variant % 3) + 3) % 3]} ${FIRST(person)},`);
        expect(text).not.toContain('?');
        expect(draft.body).toContain('Data Analyst');
        expect(grammarSlips(draft.body)).toEqual([]);
        expect(grammarSlips(draft.subject)).toEqual([]);
        expect(draft.subject).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 600 },
    );
  });

  it('the grammar check itself catches the slips it looks for', () => {
    expect(grammarSlips('Congratulations on the the contract')).not.toEqual([]);
    expect(grammarSlips('I read about a order from Emirates')).not.toEqual([]);
    expect(grammarSlips('the partnership with – congratulations')).not.toEqual([]);
    expect(grammarSlips('the listing on on the NSE')).not.toEqual([]);
    expect(grammarSlips('Congratulations on the $40 million rail contract from the state of Ohio!')).toEqual([]);
  });
});
