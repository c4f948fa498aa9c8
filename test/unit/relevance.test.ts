import { describe, expect, it } from 'vitest';
import { isAboutCompany, type RelevanceFilter } from '../../functions/domain/news-watch/relevance.js';

const acme: RelevanceFilter = { name: 'Acme Robotics', aliases: ['Acme'] };
const apple: RelevanceFilter = { name: 'Apple', exclude: ['fruit', 'apple pie', 'orchard'] };

describe('is the item about the company?', () => {
  it.each([
    // name or alias, whole word or phrase, case-insensitive
    [acme, 'Acme Robotics wins award', null, true],
    [acme, 'ACME ROBOTICS WINS AWARD', null, true],
    [acme, 'acme opens plant', null, true],
    [acme, 'Award for Acme-Robotics', null, true],
    [acme, "Acme's new arm ships", null, true],
    [acme, 'Acme’s new arm ships', null, true],
    [acme, 'Why investors love (Acme)', null, true],
    [acme, 'Acmeville fair opens', null, false],
    [acme, 'Deacme corp wins', null, false],
    [acme, 'Robotics startups win funding', null, false],
    // the lead counts too
    [acme, 'Robot arm maker wins award', 'Acme Robotics was honoured on Tuesday.', true],
    [acme, 'Robot arm maker wins award', 'An unrelated lead.', false],
    // accents
    [{ name: 'Société Générale' }, 'Societe Generale expands in Asia', null, true],
    [{ name: 'Nestle' }, 'Nestlé opens a factory', null, true],
    // names with punctuation
    [{ name: 'AT&T' }, 'AT&T signs 5G deal', null, true],
    [{ name: 'AT&T' }, 'ATT signs deal', null, false],
    [{ name: 'Yahoo!' }, 'Yahoo! launches mail app', null, true],
    // exclusion terms drop it
    [apple, 'Apple unveils new iPhone', null, true],
    [apple, 'Apple fruit prices rise', null, false],
    [apple, 'The best apple pie recipes', null, false],
    [apple, 'Apple wins award', 'Orchard owners celebrate', false],
    [apple, 'Pineapple harvest', null, false],
  ])('%o: %j / %j → %s', (filter, title, summary, expected) => {
    expect(isAboutCompany({ title, summary }, filter)).toBe(expected);
  });

  it('ignores empty aliases and is not fooled by regex characters', () => {
    expect(isAboutCompany({ title: 'C++ Foundation grows' }, { name: 'C++ Foundation', aliases: ['', '  '] })).toBe(true);
    expect(isAboutCompany({ title: 'C Foundation grows' }, { name: 'C++ Foundation' })).toBe(false);
    expect(isAboutCompany({ title: 'Anything at all' }, { name: '.*' })).toBe(false);
  });
});
